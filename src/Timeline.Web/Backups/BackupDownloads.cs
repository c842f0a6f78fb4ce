using Microsoft.Extensions.Options;
using Timeline.Core.Addresses;
using Timeline.Core.Backups;
using Timeline.Core.Domain;
using Timeline.Web.Accounts;

namespace Timeline.Web.Backups;

/// <summary>GET /curate/admin/backups/{name}: a finished backup, to an active admin only (a backup holds every account's password hash).</summary>
public static class BackupDownloads
{
    public static void MapBackupDownloads(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(CuratorPaths.Backups + "/{name}", async (string name, HttpContext context, CuratorAccess access, BackupService backups) =>
        {
            // The policy lets the cookie's role in; the account itself is checked too (disabled or demoted since sign-in).
            if (await access.CheckAsync(context.User, CuratorRoles.Admin) is null)
                return Results.Forbid();
            if (BackupFolder.Find(backups.Folder, name) is not { } backup)
                return Results.NotFound();
            context.Response.Headers.CacheControl = "no-store";
            return Results.File(backup.FullPath, "application/zip", backup.Name, enableRangeProcessing: true);
        }).RequireAuthorization(CuratorPolicies.Admin);
}
