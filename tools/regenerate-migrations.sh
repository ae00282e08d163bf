#!/usr/bin/env bash
# Until the first release each database provider has exactly one migration, InitialCreate.
# After a model change, run this script: it deletes both migration sets and generates a new
# InitialCreate for SQLite and SQL Server from the current model (see docs/migrations.md).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf Astropal.Data/Migrations/Sqlite Astropal.Data/Migrations/SqlServer
for provider in Sqlite SqlServer; do
  dotnet ef migrations add InitialCreate \
    --project Astropal.Data --startup-project Astropal.Web \
    --context "${provider}AstropalDbContext" --output-dir "Migrations/${provider}"
done
echo "Regenerated InitialCreate for Sqlite and SqlServer. Delete any local App_Data/*.db made with the old migration."
