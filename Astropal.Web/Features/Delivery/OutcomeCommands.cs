using System.Collections.Concurrent;
using System.Data.Common;
using Astropal.Core.Delivery;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// The two conditional updates that record what became of a claimed ledger row, as plain ADO.NET commands on the
/// context's connection and transaction. The SQL, the table and column names and every parameter's conversion come
/// from the EF model of the provider in use (SQLite stores <see cref="DateTimeOffset"/> as a number, SQL Server
/// natively; statuses are strings), so the commands write exactly what <c>ExecuteUpdate</c> would. They exist
/// because outcomes are recorded hundreds of times a second: <c>ExecuteUpdate</c> builds, funcletizes and looks up an
/// expression tree for every row, which was about 7% of the CPU of a delivery run.
/// </summary>
internal sealed class OutcomeCommands : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<IModel, Statements> ByModel = new();

    private readonly AstropalDbContext db;
    private readonly Statements statements;
    private DbCommand? finish;
    private DbCommand? release;

    private OutcomeCommands(AstropalDbContext db, Statements statements)
    {
        this.db = db;
        this.statements = statements;
    }

    /// <summary>Commands for the context's open transaction.</summary>
    public static OutcomeCommands For(AstropalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Outcomes are recorded inside a transaction; begin one first.");
        }

        return new OutcomeCommands(db, StatementsOf(db));
    }

    /// <summary>The two statements as the context's provider writes them (nothing is executed).</summary>
    internal static (string Finish, string Release) SqlOf(AstropalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var statements = StatementsOf(db);
        return (statements.FinishSql, statements.ReleaseSql);
    }

    /// <summary>
    /// Sets the row's final (or retry) state and ends its lease, only if it is still sending under
    /// <paramref name="lease"/>; false when it no longer is (the lease ran out and another run took it).
    /// </summary>
    public async Task<bool> FinishAsync(
        Guid id, DateTimeOffset lease, DeliveryStatus status, string? error, DateTimeOffset? sentAt, double? latenessSeconds,
        DateTimeOffset? nextAttemptAt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        finish ??= NewCommand(statements.FinishSql);
        var s = statements;
        Bind(finish, id, lease, at);
        Add(finish, "status", s.Status, status);
        Add(finish, "error", s.LastError, error);
        Add(finish, "sentAt", s.SentAt, sentAt);
        Add(finish, "lateness", s.LatenessSeconds, latenessSeconds);
        Add(finish, "next", s.NextAttemptAt, nextAttemptAt);
        return await finish.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Hands a row that was not attempted (or whose attempt the transport never took up) back as pending, its claim
    /// not counted as an attempt, with why and when to look again; same condition.
    /// </summary>
    public async Task<bool> ReleaseAsync(
        Guid id, DateTimeOffset lease, string? error, DateTimeOffset? nextAttemptAt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        release ??= NewCommand(statements.ReleaseSql);
        Bind(release, id, lease, at);
        Add(release, "pending", statements.Status, DeliveryStatus.Pending);
        Add(release, "error", statements.LastError, error);
        Add(release, "next", statements.NextAttemptAt, nextAttemptAt);
        return await release.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    // Built once per model (one per provider), from the first context that asks.
    private static Statements StatementsOf(AstropalDbContext db) => ByModel.GetOrAdd(db.Model, _ => Statements.From(db));

    public async ValueTask DisposeAsync()
    {
        if (finish is not null)
        {
            await finish.DisposeAsync();
        }

        if (release is not null)
        {
            await release.DisposeAsync();
        }
    }

    private DbCommand NewCommand(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        return command;
    }

    private void Bind(DbCommand command, Guid id, DateTimeOffset lease, DateTimeOffset at)
    {
        command.Parameters.Clear();
        Add(command, "id", statements.Id, id);
        Add(command, "sending", statements.Status, DeliveryStatus.Sending);
        Add(command, "lease", statements.LeaseUntil, lease);
        Add(command, "at", statements.UpdatedAt, at);
    }

    // The mapping converts the value as EF does for this column (converter, DbType, SQLite text or integer affinity).
    private static void Add(DbCommand command, string name, RelationalTypeMapping mapping, object? value) =>
        command.Parameters.Add(mapping.CreateParameter(command, "@" + name, value, nullable: true));

    private sealed record Statements(
        string FinishSql,
        string ReleaseSql,
        RelationalTypeMapping Id,
        RelationalTypeMapping Status,
        RelationalTypeMapping LastError,
        RelationalTypeMapping SentAt,
        RelationalTypeMapping LatenessSeconds,
        RelationalTypeMapping LeaseUntil,
        RelationalTypeMapping NextAttemptAt,
        RelationalTypeMapping UpdatedAt)
    {
        public static Statements From(AstropalDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(DeliveryRecord))
                ?? throw new InvalidOperationException("The model has no DeliveryRecord.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var name = sql.DelimitIdentifier(table.Name, table.Schema);

            string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
            RelationalTypeMapping Mapping(string property) => entity.FindProperty(property)!.GetRelationalTypeMapping();

            var ours = $"WHERE {Column(nameof(DeliveryRecord.Id))} = @id AND {Column(nameof(DeliveryRecord.Status))} = @sending " +
                       $"AND {Column(nameof(DeliveryRecord.LeaseUntil))} = @lease";
            var finish =
                $"UPDATE {name} SET {Column(nameof(DeliveryRecord.Status))} = @status, {Column(nameof(DeliveryRecord.LastError))} = @error, " +
                $"{Column(nameof(DeliveryRecord.SentAt))} = @sentAt, {Column(nameof(DeliveryRecord.LatenessSeconds))} = @lateness, " +
                $"{Column(nameof(DeliveryRecord.LeaseUntil))} = NULL, {Column(nameof(DeliveryRecord.NextAttemptAt))} = @next, " +
                $"{Column(nameof(DeliveryRecord.UpdatedAt))} = @at {ours}";
            var attempts = Column(nameof(DeliveryRecord.Attempts));
            var release =
                $"UPDATE {name} SET {Column(nameof(DeliveryRecord.Status))} = @pending, {attempts} = {attempts} - 1, " +
                $"{Column(nameof(DeliveryRecord.LastError))} = @error, {Column(nameof(DeliveryRecord.NextAttemptAt))} = @next, " +
                $"{Column(nameof(DeliveryRecord.LeaseUntil))} = NULL, {Column(nameof(DeliveryRecord.UpdatedAt))} = @at {ours}";

            return new Statements(
                finish,
                release,
                Mapping(nameof(DeliveryRecord.Id)),
                Mapping(nameof(DeliveryRecord.Status)),
                Mapping(nameof(DeliveryRecord.LastError)),
                Mapping(nameof(DeliveryRecord.SentAt)),
                Mapping(nameof(DeliveryRecord.LatenessSeconds)),
                Mapping(nameof(DeliveryRecord.LeaseUntil)),
                Mapping(nameof(DeliveryRecord.NextAttemptAt)),
                Mapping(nameof(DeliveryRecord.UpdatedAt)));
        }
    }
}
