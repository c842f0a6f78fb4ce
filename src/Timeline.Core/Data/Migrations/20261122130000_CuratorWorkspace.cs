using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Timeline.Core.Data.Migrations;

/// <summary>Curator accounts and the revision log. Written by hand: see InitialCreate.</summary>
[DbContext(typeof(TimelineDbContext))]
[Migration("20261122130000_CuratorWorkspace")]
public sealed class CuratorWorkspace : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "CuratorAccounts" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_CuratorAccounts" PRIMARY KEY AUTOINCREMENT,
                "UserName" TEXT NOT NULL,
                "NormalizedUserName" TEXT NOT NULL,
                "PasswordHash" TEXT NULL,
                "SecurityStamp" TEXT NOT NULL,
                "Role" TEXT NOT NULL,
                "IsDisabled" INTEGER NOT NULL,
                "AccessFailedCount" INTEGER NOT NULL,
                "LockoutEnd" TEXT NULL,
                "CreatedAt" TEXT NOT NULL
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "Revisions" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Revisions" PRIMARY KEY AUTOINCREMENT,
                "Subject" TEXT NOT NULL,
                "SubjectId" INTEGER NOT NULL,
                "EventId" INTEGER NULL,
                "ArticleId" INTEGER NULL,
                "Action" TEXT NOT NULL,
                "Description" TEXT NOT NULL,
                "Snapshot" TEXT NOT NULL,
                "ChangedBy" TEXT NOT NULL,
                "ChangedAt" TEXT NOT NULL
            );
            """);
        migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_CuratorAccounts_NormalizedUserName" ON "CuratorAccounts" ("NormalizedUserName");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Revisions_ArticleId_Id" ON "Revisions" ("ArticleId", "Id");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Revisions_EventId_Id" ON "Revisions" ("EventId", "Id");""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Revisions");
        migrationBuilder.DropTable(name: "CuratorAccounts");
    }
}
