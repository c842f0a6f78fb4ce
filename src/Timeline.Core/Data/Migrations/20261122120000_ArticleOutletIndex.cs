using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Timeline.Core.Data.Migrations;

/// <summary>An index on Articles.Outlet for the timeline's outlet filter and choices. Written by hand: see InitialCreate.</summary>
[DbContext(typeof(TimelineDbContext))]
[Migration("20261122120000_ArticleOutletIndex")]
public sealed class ArticleOutletIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(name: "IX_Articles_Outlet", table: "Articles", column: "Outlet");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "IX_Articles_Outlet", table: "Articles");
}
