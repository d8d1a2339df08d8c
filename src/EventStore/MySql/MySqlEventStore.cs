using System.Data.Common;
using System.Runtime.CompilerServices;
using EventStore.Sql;
using MySqlConnector;

namespace EventStore.MySql;

/// <summary>The event store over MySQL or MariaDB (InnoDB). Schema: migrations/ (streams, events, documents).</summary>
public sealed partial class MySqlEventStore : SqlEventStore
{
    private readonly string _connectionString;
    private readonly MySqlStoreOptions _options;
    private volatile StrongBox<bool>? _galera;

    /// <summary>Creates a store over the database named in <paramref name="connectionString"/>.</summary>
    public MySqlEventStore(string connectionString, EventTypeMap types, TimeProvider? time = null, MySqlStoreOptions? options = null)
        : base(connectionString, types, time)
    {
        // The append's row-count guard assigns a user variable (see MySqlWriteScript).
        _connectionString = new MySqlConnectionStringBuilder(connectionString) { DateTimeKind = MySqlDateTimeKind.Utc, AllowUserVariables = true }.ConnectionString;
        _options = options ?? new MySqlStoreOptions();
        _options.Validate();
        if (_options.Topology != MySqlTopology.Detect)
            _galera = new StrongBox<bool>(_options.Topology == MySqlTopology.Galera);
    }

    /// <summary>Whether the server is a Galera node (known once the store has connected, or when configured).</summary>
    internal bool? IsGalera => _galera?.Value;

    // On Galera every connection reads causally: a node that has not applied another node's commit yet would otherwise
    // answer from the past (a stream's version, a stored answer, the events a processor catches up with).
    internal const string CausalReads = "SET SESSION wsrep_sync_wait = 1;";

    // No row on a server built without Galera support (MySQL), OFF on a MariaDB that is not a cluster node.
    private const string DetectGalera = "SHOW GLOBAL VARIABLES LIKE 'wsrep_on';";

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await OpenAsync(cancellationToken).ConfigureAwait(false);

    private protected override DateTime ReadTime(DbDataReader row, int ordinal) => DateTime.SpecifyKind(row.GetDateTime(ordinal), DateTimeKind.Utc);

    private protected override object TimeValue(DateTime utc) => utc;

    private async Task<MySqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var galera = _galera ??= new StrongBox<bool>(await IsGaleraNodeAsync(connection, cancellationToken).ConfigureAwait(false));

            if (galera.Value)
            {
                await using var causal = Command(connection, CausalReads);
                await causal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal static async Task<bool> IsGaleraNodeAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, DetectGalera);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && string.Equals(reader.GetString(1), "ON", StringComparison.OrdinalIgnoreCase);
    }

    private static MySqlCommand Command(MySqlConnection connection, string sql, string? streamId = null)
    {
        var command = new MySqlCommand(sql, connection);
        if (streamId is not null)
            command.Parameters.AddWithValue("@stream", streamId);
        return command;
    }
}
