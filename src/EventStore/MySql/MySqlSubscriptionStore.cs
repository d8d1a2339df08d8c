using System.Data.Common;
using System.Runtime.CompilerServices;
using EventStore.Subscriptions;
using MySqlConnector;

namespace EventStore.MySql;

/// <summary>The subscription store over MySQL or MariaDB, one server or a Galera cluster (table <c>subscriptions</c>, migration 7).</summary>
public sealed class MySqlSubscriptionStore : ISubscriptionStore
{
    private readonly string _connectionString;
    private volatile StrongBox<bool>? _galera;

    /// <summary>Creates a store over the database named in <paramref name="connectionString"/>.</summary>
    public MySqlSubscriptionStore(string connectionString, MySqlTopology topology = MySqlTopology.Detect)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _connectionString = new MySqlConnectionStringBuilder(connectionString) { DateTimeKind = MySqlDateTimeKind.Utc }.ConnectionString;
        if (topology != MySqlTopology.Detect)
            _galera = new StrongBox<bool>(topology == MySqlTopology.Galera);
    }

    /// <inheritdoc />
    public async Task CreateAsync(string id, string definition, long position, CancellationToken cancellationToken = default)
    {
        SubscriptionArguments.Validate(id);
        ArgumentNullException.ThrowIfNull(definition);
        try
        {
            await WriteAsync(MySqlSubscriptionStatements.Insert, c =>
            {
                c.Parameters.AddWithValue("@id", id);
                c.Parameters.AddWithValue("@definition", definition);
                c.Parameters.AddWithValue("@position", position);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (MySqlException e) when (e.IsDuplicateKey())
        {
            throw new ArgumentException($"Subscription '{id}' exists already.", nameof(id), e);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SubscriptionState>> ListAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync(MySqlSubscriptionStatements.List, _ => { }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<SubscriptionState?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        SubscriptionArguments.Validate(id);
        return (await ReadAsync(MySqlSubscriptionStatements.Get, c => c.Parameters.AddWithValue("@id", id), cancellationToken).ConfigureAwait(false))
            .SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        SubscriptionArguments.Validate(id);
        return await WriteAsync(MySqlSubscriptionStatements.Delete, c => c.Parameters.AddWithValue("@id", id), cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<bool> ReplayAsync(string id, long position, CancellationToken cancellationToken = default)
    {
        SubscriptionArguments.Validate(id);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return await WriteAsync(MySqlSubscriptionStatements.Replay, c =>
        {
            c.Parameters.AddWithValue("@id", id);
            c.Parameters.AddWithValue("@position", position);
        }, cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<SubscriptionLease?> TryTakeLeaseAsync(string id, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        SubscriptionArguments.Validate(id);
        SubscriptionArguments.ValidateOwner(owner);
        SubscriptionArguments.ValidateDuration(duration);
        var taken = await WriteAsync(MySqlSubscriptionStatements.TakeLease, c =>
        {
            c.Parameters.AddWithValue("@id", id);
            c.Parameters.AddWithValue("@owner", owner);
            c.Parameters.AddWithValue("@micros", (long)(duration.Ticks / TimeSpan.TicksPerMicrosecond));
        }, cancellationToken).ConfigureAwait(false);
        if (taken == 0)
            return null;
        return await GetAsync(id, cancellationToken).ConfigureAwait(false) is { } state && state.LeaseOwner == owner ? new SubscriptionLease(owner, state) : null;
    }

    /// <inheritdoc />
    public async Task<bool> CheckpointAsync(SubscriptionLease lease, long position, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return await WriteAsync(MySqlSubscriptionStatements.Checkpoint, c => Fence(c, lease, position), cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<bool> MarkFailingAsync(SubscriptionLease lease, long position, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(reason);
        return await WriteAsync(MySqlSubscriptionStatements.MarkFailing, c =>
        {
            Fence(c, lease, position);
            c.Parameters.AddWithValue("@error", reason);
        }, cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task ReleaseLeaseAsync(SubscriptionLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await WriteAsync(MySqlSubscriptionStatements.Release, c =>
        {
            c.Parameters.AddWithValue("@id", lease.SubscriptionId);
            c.Parameters.AddWithValue("@owner", lease.Owner);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static void Fence(MySqlCommand command, SubscriptionLease lease, long position)
    {
        command.Parameters.AddWithValue("@id", lease.SubscriptionId);
        command.Parameters.AddWithValue("@owner", lease.Owner);
        command.Parameters.AddWithValue("@generation", lease.Generation);
        command.Parameters.AddWithValue("@position", position);
    }

    // The rows matched (MySqlConnector reports found rows, not changed rows): a fenced write that matches none lost its lease.
    private Task<int> WriteAsync(string sql, Action<MySqlCommand> parameters, CancellationToken cancellationToken) =>
        MySqlErrors.RetryTransientAsync(async () =>
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await using var command = new MySqlCommand(sql, connection);
                parameters(command);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }, () => _galera?.Value == true, cancellationToken);

    private async Task<List<SubscriptionState>> ReadAsync(string sql, Action<MySqlCommand> parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new MySqlCommand(sql, connection);
            parameters(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<SubscriptionState>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                rows.Add(ReadRow(reader));
            return rows;
        }
    }

    private static SubscriptionState ReadRow(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2),
        reader.GetInt64(3),
        SubscriptionStatuses.Parse(reader.GetString(4)),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetDateTime(7),
        reader.GetDateTime(8),
        reader.GetDateTime(9));

    // Galera: causal reads, so that a list or a lease read after a write on another node sees that write.
    private async Task<MySqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (_galera is null)
            {
                await using var detect = new MySqlCommand("SELECT @@GLOBAL.wsrep_on;", connection);
                try
                {
                    _galera = new StrongBox<bool>(Convert.ToInt64(await detect.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1);
                }
                catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.UnknownSystemVariable)
                {
                    _galera = new StrongBox<bool>(false);
                }
            }

            if (_galera.Value)
            {
                await using var causal = new MySqlCommand("SET SESSION wsrep_sync_wait = 1;", connection);
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
