using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Timeline.Core.Data.Migrations;

/// <summary>
/// The first schema. EF's migration scaffolder (Microsoft.EntityFrameworkCore.Design) does not restore from
/// this package feed, so migrations are written by hand from <c>Database.GenerateCreateScript()</c>; the test
/// MigrationsTests proves that the migrated schema equals the one the model describes.
/// </summary>
[DbContext(typeof(TimelineDbContext))]
[Migration("20261122100000_InitialCreate")]
public sealed class InitialCreate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "Articles" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Articles" PRIMARY KEY AUTOINCREMENT,
                "Title" TEXT NOT NULL,
                "Outlet" TEXT NOT NULL,
                "Author" TEXT NULL,
                "Url" TEXT NULL,
                "PublishedAt" TEXT NOT NULL,
                "PublishedPrecision" INTEGER NOT NULL,
                "PublishedApproximate" INTEGER NOT NULL,
                "Language" TEXT NOT NULL,
                "Body" TEXT NOT NULL,
                "ContentHash" TEXT NOT NULL,
                "ImportOrigin" TEXT NOT NULL,
                "ImportedAt" TEXT NOT NULL
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Eras" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Eras" PRIMARY KEY AUTOINCREMENT,
                "Slug" TEXT NOT NULL,
                "Title" TEXT NOT NULL,
                "Description" TEXT NOT NULL,
                "Colour" TEXT NOT NULL,
                "StartsAt" TEXT NOT NULL,
                "StartPrecision" INTEGER NOT NULL,
                "EndsAt" TEXT NOT NULL,
                "EndPrecision" INTEGER NOT NULL
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Tags" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Tags" PRIMARY KEY AUTOINCREMENT,
                "Kind" TEXT NOT NULL,
                "Name" TEXT NOT NULL,
                "Slug" TEXT NOT NULL
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Events" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Events" PRIMARY KEY AUTOINCREMENT,
                "Slug" TEXT NOT NULL,
                "Title" TEXT NOT NULL,
                "Summary" TEXT NOT NULL,
                "StartsAt" TEXT NOT NULL,
                "StartPrecision" INTEGER NOT NULL,
                "StartApproximate" INTEGER NOT NULL,
                "EndsAt" TEXT NULL,
                "EndPrecision" INTEGER NULL,
                "EndApproximate" INTEGER NOT NULL,
                "EraId" INTEGER NULL,
                "Status" TEXT NOT NULL,
                "CreatedAt" TEXT NOT NULL,
                "CreatedBy" TEXT NOT NULL,
                "UpdatedAt" TEXT NOT NULL,
                "UpdatedBy" TEXT NOT NULL,
                "Version" INTEGER NOT NULL,
                CONSTRAINT "FK_Events_Eras_EraId" FOREIGN KEY ("EraId") REFERENCES "Eras" ("Id") ON DELETE SET NULL
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "EventSlugAliases" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_EventSlugAliases" PRIMARY KEY AUTOINCREMENT,
                "Slug" TEXT NOT NULL,
                "EventId" INTEGER NOT NULL,
                "RetiredAt" TEXT NOT NULL,
                CONSTRAINT "FK_EventSlugAliases_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "EventTags" (
                "EventsId" INTEGER NOT NULL,
                "TagsId" INTEGER NOT NULL,
                CONSTRAINT "PK_EventTags" PRIMARY KEY ("EventsId", "TagsId"),
                CONSTRAINT "FK_EventTags_Events_EventsId" FOREIGN KEY ("EventsId") REFERENCES "Events" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_EventTags_Tags_TagsId" FOREIGN KEY ("TagsId") REFERENCES "Tags" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Links" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Links" PRIMARY KEY AUTOINCREMENT,
                "EventId" INTEGER NOT NULL,
                "ArticleId" INTEGER NOT NULL,
                "Role" TEXT NOT NULL,
                "Passage" TEXT NOT NULL,
                "Note" TEXT NULL,
                CONSTRAINT "FK_Links_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_Links_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_Articles_ContentHash" ON "Articles" ("ContentHash");
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Articles_PublishedAt" ON "Articles" ("PublishedAt");
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_Eras_Slug" ON "Eras" ("Slug");
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Events_EraId" ON "Events" ("EraId");
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_Events_Slug" ON "Events" ("Slug");
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Events_Status_StartsAt_StartPrecision_Id" ON "Events" ("Status", "StartsAt", "StartPrecision", "Id");
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_EventSlugAliases_EventId" ON "EventSlugAliases" ("EventId");
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_EventSlugAliases_Slug" ON "EventSlugAliases" ("Slug");
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_EventTags_TagsId" ON "EventTags" ("TagsId");
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_Links_ArticleId" ON "Links" ("ArticleId");
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_Links_EventId_ArticleId" ON "Links" ("EventId", "ArticleId");
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_Tags_Kind_Slug" ON "Tags" ("Kind", "Slug");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP TABLE "Links";""");
        migrationBuilder.Sql("""DROP TABLE "EventTags";""");
        migrationBuilder.Sql("""DROP TABLE "EventSlugAliases";""");
        migrationBuilder.Sql("""DROP TABLE "Events";""");
        migrationBuilder.Sql("""DROP TABLE "Tags";""");
        migrationBuilder.Sql("""DROP TABLE "Eras";""");
        migrationBuilder.Sql("""DROP TABLE "Articles";""");
    }
}
