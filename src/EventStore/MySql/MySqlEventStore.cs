using MySqlConnector;

namespace EventStore.MySql;

/// <summary>The event store over MySQL or MariaDB (InnoDB). Schema: migrations/ (streams, events, documents).</summary>
public sealed partial class MySqlEventStore : IEventStore
{
    private readonly string _connectionString;
    private readonly EventTypeMap _types;
    private readonly TimeProvider _time;
    private readonly MySqlStoreOptions _options;

    /// <summary>Creates a store over the database named in <paramref name="connectionString"/>.</summary>
    public MySqlEventStore(string connectionString, EventTypeMap types, TimeProvider? time = null, MySqlStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(types);
        // The append's guard assigns a user variable (see MySqlStatements.ConditionalAppend).
        _connectionString = new MySqlConnectionStringBuilder(connectionString) { DateTimeKind = MySqlDateTimeKind.Utc, AllowUserVariables = true }.ConnectionString;
        _types = types;
        _time = time ?? TimeProvider.System;
        _options = options ?? new MySqlStoreOptions();
        _options.Validate();
    }

    private async Task<MySqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static MySqlCommand Command(MySqlConnection connection, string sql, string? streamId = null)
    {
        var command = new MySqlCommand(sql, connection);
        if (streamId is not null)
            command.Parameters.AddWithValue("@stream", streamId);
        return command;
    }
}
