namespace Timeline.Core.Domain;

/// <summary>The two curator roles. An admin is also an editor.</summary>
public static class CuratorRoles
{
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Editor, Admin];

    public static bool IsKnown(string? role) => role is Editor or Admin;
}

/// <summary>
/// A person who may curate the timeline, stored for ASP.NET Core Identity (the web project's user store
/// maps it). Readers have no account. One role per account keeps the admin page simple.
/// </summary>
public class CuratorAccount
{
    public int Id { get; set; }
    public required string UserName { get; set; }

    /// <summary>Upper-cased by Identity's normalizer; unique, so "Ada" and "ada" are one account.</summary>
    public required string NormalizedUserName { get; set; }
    public string? PasswordHash { get; set; }

    /// <summary>Changes whenever the credentials or the access change, which signs the account out everywhere.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public string Role { get; set; } = CuratorRoles.Editor;

    /// <summary>Disabled by an admin: cannot sign in until enabled again.</summary>
    public bool IsDisabled { get; set; }
    public int AccessFailedCount { get; set; }
    public DateTimeOffset? LockoutEnd { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
