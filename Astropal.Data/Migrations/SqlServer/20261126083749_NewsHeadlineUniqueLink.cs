using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Astropal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class NewsHeadlineUniqueLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Url",
                table: "NewsHeadlines",
                type: "nvarchar(800)",
                maxLength: 800,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(2000)",
                oldMaxLength: 2000);

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

            migrationBuilder.AlterColumn<string>(
                name: "Url",
                table: "NewsHeadlines",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(800)",
                oldMaxLength: 800);
        }
    }
}
