using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Timeline.Core.Data;
using Timeline.Tests.Support;

namespace Timeline.Tests.Core.Data;

/// <summary>
/// The migrations are written by hand (EF's scaffolder is not in the package feed), so this test does the
/// check EF's model snapshot would: the schema the migrations build is the schema the model describes.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public async Task Migrations_build_exactly_the_schema_of_the_model()
    {
        await using var migrated = await TestDatabase.CreateMigratedAsync();
        await using var created = new TestDatabase();
        await using (var db = created.CreateDbContext())
            await db.Database.EnsureCreatedAsync();

        var expected = await DescribeAsync(created.ConnectionString);
        var actual = await DescribeAsync(migrated.ConnectionString);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Every_migration_is_applied_and_none_is_pending()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public void Relative_database_paths_are_made_absolute_and_their_folder_created()
    {
        var root = Path.Combine(Path.GetTempPath(), $"timeline-root-{Guid.NewGuid():N}");
        var resolved = new SqliteConnectionStringBuilder(TimelineDatabase.ResolveConnectionString(null, root));
        Assert.Equal(Path.Combine(root, "App_Data", "timeline.db"), resolved.DataSource);
        Assert.True(Directory.Exists(Path.Combine(root, "App_Data")));

        var absolute = Path.Combine(root, "elsewhere.db");
        Assert.Equal(absolute, new SqliteConnectionStringBuilder(TimelineDatabase.ResolveConnectionString($"Data Source={absolute}", "/ignored")).DataSource);
    }

    /// <summary>Every table's columns, indexes and foreign keys, as SQLite itself reports them.</summary>
    private static async Task<List<string>> DescribeAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        // The FTS5 search index (a virtual table and its shadow tables) lives outside the EF model; SearchTests cover it.
        var tables = await QueryAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' " +
            "AND name NOT LIKE 'SearchIndex%' ORDER BY name");
        var description = new List<string>();
        foreach (var table in tables)
        {
            description.AddRange((await QueryAsync(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')")).Select(c => $"{table} column {c}"));
            description.AddRange((await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')")).Select(f => $"{table} fk {f}"));
            foreach (var index in await QueryAsync(connection, $"SELECT name || '|' || \"unique\" FROM pragma_index_list('{table}') ORDER BY name"))
            {
                var name = index.Split('|')[0];
                var columns = string.Join(",", await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno"));
                description.Add($"{table} index {index} ({columns})");
            }
        }
        return description.Order().ToList();
    }

    private static async Task<List<string>> QueryAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
        return rows;
    }
}
