using System.Data.Common;
using System.Runtime.CompilerServices;
using EventStore.Sql;
using MySqlConnector;

namespace EventStore.MySql;

/// <summary>The subscription store over MySQL or MariaDB, one server or a Galera cluster (table <c>subscriptions</c>, migration 7).</summary>
public sealed class MySqlSubscriptionStore : SqlSubscriptionStore
{
    private readonly string _connectionString;
    private volatile StrongBox<bool>? _galera;

    /// <summary>Creates a store over the database named in <paramref name="connectionString"/>.</summary>
    public MySqlSubscriptionStore(string connectionString, MySqlTopology topology = MySqlTopology.Detect)
        : base(MySqlSubscriptionStatements.All)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _connectionString = new MySqlConnectionStringBuilder(connectionString) { DateTimeKind = MySqlDateTimeKind.Utc }.ConnectionString;
        if (topology != MySqlTopology.Detect)
            _galera = new StrongBox<bool>(topology == MySqlTopology.Galera);
    }

    private protected override Task<int> RunWriteAsync(Func<Task<int>> write, CancellationToken cancellationToken) =>
        MySqlErrors.RetryTransientAsync(write, () => _galera?.Value == true, cancellationToken);

    private protected override bool IsDuplicateKey(DbException error) => error is MySqlException e && e.IsDuplicateKey();

    private protected override long DurationValue(TimeSpan duration) => duration.Ticks / TimeSpan.TicksPerMicrosecond;

    private protected override DateTime ReadTime(DbDataReader row, int ordinal) => row.GetDateTime(ordinal);

    // Galera: causal reads, so that a list or a lease read after a write on another node sees that write.
    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // The event store's detection and session setting: the same server, the same answer.
            var galera = _galera ??= new StrongBox<bool>(await MySqlEventStore.IsGaleraNodeAsync(connection, cancellationToken).ConfigureAwait(false));
            if (galera.Value)
            {
                await using var causal = new MySqlCommand(MySqlEventStore.CausalReads, connection);
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
}
