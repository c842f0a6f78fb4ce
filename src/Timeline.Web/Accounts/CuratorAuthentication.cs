using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Timeline.Core.Domain;

namespace Timeline.Web.Accounts;

/// <summary>Policy names for [Authorize(Policy = …)] on curator pages.</summary>
public static class CuratorPolicies
{
    public const string Editor = "Editor";
    public const string Admin = "Admin";
}

/// <summary>Sign-in for curators: Identity over <see cref="CuratorUserStore"/>, a cookie, two roles, and keys kept beside the database.</summary>
public static class CuratorAuthentication
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddCuratorAccounts(this IServiceCollection services, string storePath)
    {
        services.AddSingleton<ILookupNormalizer, CuratorNameNormalizer>(); // before Identity, which only adds its own if none is there
        services.AddIdentityCore<CuratorAccount>(options =>
            {
                // Length over composition rules, as NIST SP 800-63B advises.
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutTime;
                options.Lockout.AllowedForNewUsers = true;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddUserStore<CuratorUserStore>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<CuratorClaimsFactory>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "timeline-curator";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = LogoutPath;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            // A signed-in editor on an admin page gets 403 and a page that says so, not a redirect loop to sign-in.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // The antiforgery cookie, like the sign-in cookie: Secure whenever the request is HTTPS (the default sets it
        // only when told to), HttpOnly and SameSite.
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        // A disabled account or a reset password signs the account out within a minute everywhere.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .AddPolicy(CuratorPolicies.Editor, policy => policy.RequireRole(CuratorRoles.Editor))
            .AddPolicy(CuratorPolicies.Admin, policy => policy.RequireRole(CuratorRoles.Admin));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, CuratorAuthenticationStateProvider>();

        services.AddDataProtection().SetApplicationName("Timeline").PersistKeysToFileSystem(KeysDirectory(storePath));

        services.AddScoped<CuratorAccounts>();
        services.AddScoped<CuratorAccess>();
        services.AddScoped<CuratorSignIn>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SetupToken>();
        return services;
    }

    /// <summary>"App_Data/timeline-keys" beside "App_Data/timeline.db": sign-ins and antiforgery tokens survive a restart.</summary>
    public static DirectoryInfo KeysDirectory(string storePath) => new(Core.Storage.TimelineStore.SiblingPath(storePath, "-keys"));

    public static void MapCuratorAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(LogoutPath, async (HttpContext context, IAntiforgery antiforgery, SignInManager<CuratorAccount> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem("The sign-out form has expired. Reload the page and sign out again.", statusCode: StatusCodes.Status400BadRequest);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        });

    /// <summary>Writes the setup link to the log while no account exists, so the first admin can be made in the browser.</summary>
    public static async Task AnnounceSetupLinkAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<CuratorAccounts>().Any())
            return;
        var token = app.Services.GetRequiredService<SetupToken>().Issue();
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Timeline.Setup").LogWarning(
            "No curator account exists yet. Create the first admin at /setup?token={Token} (on this server's address), "
            + "or with: dotnet run --project src/Timeline.Web -- users add NAME --role Admin", token);
    }
}

/// <summary>
/// Checks every minute that a circuit's user still exists, is not disabled and has the same security stamp,
/// so an open curator page stops working once an admin disables the account or resets its password.
/// </summary>
public sealed class CuratorAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.Identity?.IsAuthenticated != true)
            return true;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CuratorAccount>>();
        var account = await users.GetUserAsync(authenticationState.User);
        if (account is null || account.IsDisabled)
            return false;
        var stamp = authenticationState.User.FindFirst(users.Options.ClaimsIdentity.SecurityStampClaimType)?.Value;
        return stamp == account.SecurityStamp;
    }
}
