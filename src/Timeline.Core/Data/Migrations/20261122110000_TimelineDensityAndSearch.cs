using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Timeline.Core.Data.Migrations;

/// <summary>
/// Month counts for the density strip and the FTS5 search index, both kept in step with every write by
/// triggers, so no code path (curation, import, a script) can leave them stale. Written by hand: see InitialCreate.
/// </summary>
[DbContext(typeof(TimelineDbContext))]
[Migration("20261122110000_TimelineDensityAndSearch")]
public sealed class TimelineDensityAndSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "EventMonthCounts" (
                "Month" TEXT NOT NULL,
                "EraId" INTEGER NOT NULL,
                "Count" INTEGER NOT NULL,
                CONSTRAINT "PK_EventMonthCounts" PRIMARY KEY ("Month", "EraId")
            );
            """);
        migrationBuilder.Sql("""
            INSERT INTO "EventMonthCounts" ("Month", "EraId", "Count")
            SELECT substr("StartsAt", 1, 7), coalesce("EraId", 0), count(*) FROM "Events" WHERE "Status" = 'Published' GROUP BY 1, 2;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "Events_MonthCounts_Insert" AFTER INSERT ON "Events" WHEN NEW."Status" = 'Published'
            BEGIN
                INSERT INTO "EventMonthCounts" ("Month", "EraId", "Count") VALUES (substr(NEW."StartsAt", 1, 7), coalesce(NEW."EraId", 0), 1)
                ON CONFLICT ("Month", "EraId") DO UPDATE SET "Count" = "Count" + 1;
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "Events_MonthCounts_Delete" AFTER DELETE ON "Events" WHEN OLD."Status" = 'Published'
            BEGIN
                UPDATE "EventMonthCounts" SET "Count" = "Count" - 1
                WHERE "Month" = substr(OLD."StartsAt", 1, 7) AND "EraId" = coalesce(OLD."EraId", 0);
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "Events_MonthCounts_Update" AFTER UPDATE OF "Status", "StartsAt", "EraId" ON "Events"
            BEGIN
                UPDATE "EventMonthCounts" SET "Count" = "Count" - 1
                WHERE OLD."Status" = 'Published' AND "Month" = substr(OLD."StartsAt", 1, 7) AND "EraId" = coalesce(OLD."EraId", 0);
                INSERT INTO "EventMonthCounts" ("Month", "EraId", "Count")
                SELECT substr(NEW."StartsAt", 1, 7), coalesce(NEW."EraId", 0), 1 WHERE NEW."Status" = 'Published'
                ON CONFLICT ("Month", "EraId") DO UPDATE SET "Count" = "Count" + 1;
            END;
            """);

        // One index over events and articles. rowid = 2 × event id, or 2 × article id + 1, so a trigger finds
        // its row by key instead of scanning. Diacritics are folded and prefixes of 1–3 characters are indexed.
        // Kind and Date come first so that reading them does not read through a long Body stored before them.
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
                "Kind" UNINDEXED, "Date" UNINDEXED, "Title", "Body",
                tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
            );
            """);
        migrationBuilder.Sql("""
            INSERT INTO "SearchIndex" (rowid, "Title", "Body", "Kind", "Date")
            SELECT "Id" * 2, "Title", "Summary", 'event', "StartsAt" FROM "Events" WHERE "Status" = 'Published';
            """);
        migrationBuilder.Sql("""
            INSERT INTO "SearchIndex" (rowid, "Title", "Body", "Kind", "Date")
            SELECT "Id" * 2 + 1, "Title", "Body", 'article', "PublishedAt" FROM "Articles";
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "Events_Search_Insert" AFTER INSERT ON "Events" WHEN NEW."Status" = 'Published'
            BEGIN
                INSERT INTO "SearchIndex" (rowid, "Title", "Body", "Kind", "Date") VALUES (NEW."Id" * 2, NEW."Title", NEW."Summary", 'event', NEW."StartsAt");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "Events_Search_Delete" AFTER DELETE ON "Events"
            BEGIN
                DELETE FROM "SearchIndex" WHERE rowid = OLD."Id" * 2;
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "Events_Search_Update" AFTER UPDATE OF "Title", "Summary", "Status", "StartsAt" ON "Events"
            BEGIN
                DELETE FROM "SearchIndex" WHERE rowid = OLD."Id" * 2;
                INSERT INTO "SearchIndex" (rowid, "Title", "Body", "Kind", "Date")
                SELECT NEW."Id" * 2, NEW."Title", NEW."Summary", 'event', NEW."StartsAt" WHERE NEW."Status" = 'Published';
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "Articles_Search_Insert" AFTER INSERT ON "Articles"
            BEGIN
                INSERT INTO "SearchIndex" (rowid, "Title", "Body", "Kind", "Date") VALUES (NEW."Id" * 2 + 1, NEW."Title", NEW."Body", 'article', NEW."PublishedAt");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "Articles_Search_Delete" AFTER DELETE ON "Articles"
            BEGIN
                DELETE FROM "SearchIndex" WHERE rowid = OLD."Id" * 2 + 1;
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "Articles_Search_Update" AFTER UPDATE OF "Title", "Body", "PublishedAt" ON "Articles"
            BEGIN
                DELETE FROM "SearchIndex" WHERE rowid = OLD."Id" * 2 + 1;
                INSERT INTO "SearchIndex" (rowid, "Title", "Body", "Kind", "Date") VALUES (NEW."Id" * 2 + 1, NEW."Title", NEW."Body", 'article', NEW."PublishedAt");
            END;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var trigger in new[]
                 {
                     "Events_MonthCounts_Insert", "Events_MonthCounts_Delete", "Events_MonthCounts_Update",
                     "Events_Search_Insert", "Events_Search_Delete", "Events_Search_Update",
                     "Articles_Search_Insert", "Articles_Search_Delete", "Articles_Search_Update",
                 })
            migrationBuilder.Sql($"""DROP TRIGGER "{trigger}";""");
        migrationBuilder.Sql("""DROP TABLE "SearchIndex";""");
        migrationBuilder.Sql("""DROP TABLE "EventMonthCounts";""");
    }
}
