using System.Data.Common;
using EventStore.Sql;
using Microsoft.Data.Sqlite;

namespace EventStore.Sqlite;

/// <summary>
/// The embedded event store: one SQLite file, so the service runs with no database server.
/// Same contract as the MySQL store; writers are serialized (SQLite has one writer at a time).
/// </summary>
public sealed partial class SqliteEventStore : SqlEventStore, IDisposable
{
    private readonly string _connectionString;

    // Queue writers of this process here rather than let them spin on SQLITE_BUSY; other processes still
    // wait on SQLite's own lock (busy timeout = command timeout).
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Creates a store over the SQLite file named in <paramref name="connectionString"/>.</summary>
    public SqliteEventStore(string connectionString, EventTypeMap types, TimeProvider? time = null)
        : base(connectionString, types, time) =>
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true }.ConnectionString;

    public void Dispose() => _writer.Dispose();

    private protected override string ReadAllHeadersSql => SqliteStatements.ReadAllHeaders;

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await OpenAsync(cancellationToken).ConfigureAwait(false);

    private protected override DateTime ReadTime(DbDataReader row, int ordinal) => SqliteTime.Parse(row.GetString(ordinal));

    private protected override object TimeValue(DateTime utc) => SqliteTime.Format(utc);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // WAL lets readers run beside the writer; FULL syncs every commit, so an acknowledged append survives a power cut.
            await using var pragma = Command(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Every write of this process takes the writer lock, and runs on the pool: Microsoft.Data.Sqlite is synchronous
    // underneath and waits out another process's write lock by sleeping, which must never block the caller's thread.
    private async Task<T> WriteAloneAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(write, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task WriteAloneAsync(Func<Task> write, CancellationToken cancellationToken) =>
        await WriteAloneAsync(async () =>
        {
            await write().ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);

    private static SqliteCommand Command(SqliteConnection connection, string sql, string? streamId = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (streamId is not null)
            command.Parameters.AddWithValue("@stream", streamId);
        return command;
    }
}
