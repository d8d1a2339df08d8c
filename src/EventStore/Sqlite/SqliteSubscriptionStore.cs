using EventStore.Subscriptions;
using Microsoft.Data.Sqlite;

namespace EventStore.Sqlite;

/// <summary>The subscription store in the embedded SQLite file (table <c>subscriptions</c>, migration 7).</summary>
public sealed class SqliteSubscriptionStore : ISubscriptionStore
{
    private const int ConstraintUnique = 2067;

    private readonly string _connectionString;

    /// <summary>Creates a store over the SQLite file named in <paramref name="connectionString"/>.</summary>
    public SqliteSubscriptionStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true }.ConnectionString;
    }

    /// <inheritdoc />
    public async Task CreateAsync(string id, string definition, long position, CancellationToken cancellationToken = default)
    {
        SubscriptionArguments.Validate(id);
        ArgumentNullException.ThrowIfNull(definition);
        try
        {
            await WriteAsync(SqliteSubscriptionStatements.Insert, c =>
            {
                c.Parameters.AddWithValue("@id", id);
                c.Parameters.AddWithValue("@definition", definition);
                c.Parameters.AddWithValue("@position", position);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode is ConstraintUnique or 1555)
        {
            throw new ArgumentException($"Subscription '{id}' exists already.", nameof(id), e);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SubscriptionState>> ListAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync(SqliteSubscriptionStatements.List, _ => { }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<SubscriptionState?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        SubscriptionArguments.Validate(id);
        return (await ReadAsync(SqliteSubscriptionStatements.Get, c => c.Parameters.AddWithValue("@id", id), cancellationToken).ConfigureAwait(false))
            .SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        SubscriptionArguments.Validate(id);
        return await WriteAsync(SqliteSubscriptionStatements.Delete, c => c.Parameters.AddWithValue("@id", id), cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<bool> ReplayAsync(string id, long position, CancellationToken cancellationToken = default)
    {
        SubscriptionArguments.Validate(id);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return await WriteAsync(SqliteSubscriptionStatements.Replay, c =>
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
        var taken = await WriteAsync(SqliteSubscriptionStatements.TakeLease, c =>
        {
            c.Parameters.AddWithValue("@id", id);
            c.Parameters.AddWithValue("@owner", owner);
            c.Parameters.AddWithValue("@millis", (long)Math.Ceiling(duration.TotalMilliseconds));
        }, cancellationToken).ConfigureAwait(false);
        if (taken == 0)
            return null;
        return await GetAsync(id, cancellationToken).ConfigureAwait(false) is { } state && state.LeaseOwner == owner ? new SubscriptionLease(owner, state) : null;
    }

    /// <inheritdoc />
    public async Task<bool> CheckpointAsync(SubscriptionLease lease, long position, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return await WriteAsync(SqliteSubscriptionStatements.Checkpoint, c => Fence(c, lease, position), cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<bool> MarkFailingAsync(SubscriptionLease lease, long position, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(reason);
        return await WriteAsync(SqliteSubscriptionStatements.MarkFailing, c =>
        {
            Fence(c, lease, position);
            c.Parameters.AddWithValue("@error", reason);
        }, cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task ReleaseLeaseAsync(SubscriptionLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await WriteAsync(SqliteSubscriptionStatements.Release, c =>
        {
            c.Parameters.AddWithValue("@id", lease.SubscriptionId);
            c.Parameters.AddWithValue("@owner", lease.Owner);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static void Fence(SqliteCommand command, SubscriptionLease lease, long position)
    {
        command.Parameters.AddWithValue("@id", lease.SubscriptionId);
        command.Parameters.AddWithValue("@owner", lease.Owner);
        command.Parameters.AddWithValue("@generation", lease.Generation);
        command.Parameters.AddWithValue("@position", position);
    }

    // On the pool: a wait for another writer's lock (the event store's, another process's) sleeps in SQLite.
    private Task<int> WriteAsync(string sql, Action<SqliteCommand> parameters, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                parameters(command);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);

    private async Task<List<SubscriptionState>> ReadAsync(string sql, Action<SqliteCommand> parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            parameters(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<SubscriptionState>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new SubscriptionState(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetInt64(2),
                    reader.GetInt64(3),
                    SubscriptionStatuses.Parse(reader.GetString(4)),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.IsDBNull(7) ? null : FromMillis(reader.GetInt64(7)),
                    FromMillis(reader.GetInt64(8)),
                    FromMillis(reader.GetInt64(9))));
            }

            return rows;
        }
    }

    private static DateTime FromMillis(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis).UtcDateTime;

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
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
}
