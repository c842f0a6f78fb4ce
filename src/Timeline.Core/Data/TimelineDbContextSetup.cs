using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Timeline.Core.Data;

public static class TimelineDbContextSetup
{
    /// <summary>The one place the context's options are set, for the app, the tests and the tools alike.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString)
            // EF compares the model with the migrations' model snapshot here; we have no snapshot because the
            // scaffolder package (EF Design) is not in the feed. MigrationsTests makes the same check instead.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
