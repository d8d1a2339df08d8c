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
    private readonly EventTypeMap _types;
    private readonly TimeProvider _time;

    // Queue writers of this process here rather than let them spin on SQLITE_BUSY; other processes still
    // wait on SQLite's own lock (busy timeout = command timeout).
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Creates a store over the SQLite file named in <paramref name="connectionString"/>.</summary>
    public SqliteEventStore(string connectionString, EventTypeMap types, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(types);
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true }.ConnectionString;
        _types = types;
        _time = time ?? TimeProvider.System;
    }

    public void Dispose() => _writer.Dispose();

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

    private static SqliteCommand Command(SqliteConnection connection, string sql, string? streamId = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (streamId is not null)
            command.Parameters.AddWithValue("@stream", streamId);
        return command;
    }
}
