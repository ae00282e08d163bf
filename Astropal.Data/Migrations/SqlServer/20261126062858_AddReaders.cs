using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Astropal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddReaders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Readers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    BirthTime = table.Column<TimeOnly>(type: "time", nullable: true),
                    BirthPlaceId = table.Column<int>(type: "int", nullable: true),
                    BirthPlaceName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    BirthLatitude = table.Column<double>(type: "float", nullable: true),
                    BirthLongitude = table.Column<double>(type: "float", nullable: true),
                    BirthTimeZone = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    TimeZone = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    DeliveryTime = table.Column<TimeOnly>(type: "time", nullable: false),
                    Locale = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Perspective = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    FocusAreas = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Tier = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    TrialEndsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    TermsAcceptedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    MarketingConsent = table.Column<bool>(type: "bit", nullable: false),
                    MarketingConsentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReferralCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ReferredBy = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    NatalChartJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastActivityAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DeletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Readers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PerspectiveChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReaderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    From = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerspectiveChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PerspectiveChanges_Readers_ReaderId",
                        column: x => x.ReaderId,
                        principalTable: "Readers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PerspectiveChanges_ReaderId_At",
                table: "PerspectiveChanges",
                columns: new[] { "ReaderId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Readers_Email",
                table: "Readers",
                column: "Email",
                unique: true,
                filter: "[Email] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Readers_ReferralCode",
                table: "Readers",
                column: "ReferralCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Readers_Status",
                table: "Readers",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PerspectiveChanges");

            migrationBuilder.DropTable(
                name: "Readers");
        }
    }
}
