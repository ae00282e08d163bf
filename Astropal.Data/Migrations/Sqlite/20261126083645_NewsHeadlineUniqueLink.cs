using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Astropal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NewsHeadlineUniqueLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_NewsHeadlines_FetchedOn_Url",
                table: "NewsHeadlines",
                columns: new[] { "FetchedOn", "Url" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NewsHeadlines_FetchedOn_Url",
                table: "NewsHeadlines");
        }
    }
}
