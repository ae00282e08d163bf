using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Astropal.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BirthTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    BirthPlaceId = table.Column<int>(type: "INTEGER", nullable: true),
                    BirthPlaceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BirthLatitude = table.Column<double>(type: "REAL", nullable: true),
                    BirthLongitude = table.Column<double>(type: "REAL", nullable: true),
                    BirthTimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeliveryTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Locale = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Perspective = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FocusAreas = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TrialEndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TermsAcceptedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MarketingConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    MarketingConsentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReferralCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReferredBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    NatalChartJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Readers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PerspectiveChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReaderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
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
                unique: true);

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
