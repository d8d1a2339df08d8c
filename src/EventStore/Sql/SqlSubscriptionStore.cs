using System.Data.Common;
using EventStore.Subscriptions;

namespace EventStore.Sql;

/// <summary>The statements of a provider's subscription store; every write is one autocommit statement.</summary>
internal sealed record SubscriptionStatements(
    string Insert, string List, string Get, string Delete, string Replay, string TakeLease, string Checkpoint, string MarkFailing, string Release);

/// <summary>
/// The subscription store over ADO.NET, the same for each provider: arguments, parameters, the lease's fencing and the
/// mapping of rows. A provider gives its SQL, its connections, how a write is retried and how it spells times and a
/// duplicate key.
/// </summary>
public abstract class SqlSubscriptionStore : ISubscriptionStore
{
    private readonly SubscriptionStatements _sql;

    private protected SqlSubscriptionStore(SubscriptionStatements sql) => _sql = sql;

    /// <summary>An open connection (a provider's session settings applied).</summary>
    private protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Runs one write as the provider must: retried on a Galera certification abort, off the caller's thread on SQLite.</summary>
    private protected abstract Task<int> RunWriteAsync(Func<Task<int>> write, CancellationToken cancellationToken);

    private protected abstract bool IsDuplicateKey(DbException error);

    /// <summary>The lease's length as the provider's <c>@duration</c> parameter takes it.</summary>
    private protected abstract long DurationValue(TimeSpan duration);

    private protected abstract DateTime ReadTime(DbDataReader row, int ordinal);

    /// <inheritdoc />
    public async Task CreateAsync(string id, string definition, long position, CancellationToken cancellationToken = default)
    {
        SubscriptionArguments.Validate(id);
        ArgumentNullException.ThrowIfNull(definition);
        try
        {
            await WriteAsync(_sql.Insert, c => c.With("@id", id).With("@definition", definition).With("@position", position), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DbException e) when (IsDuplicateKey(e))
        {
            throw new ArgumentException($"Subscription '{id}' exists already.", nameof(id), e);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SubscriptionState>> ListAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync(_sql.List, _ => { }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<SubscriptionState?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        SubscriptionArguments.Validate(id);
        return (await ReadAsync(_sql.Get, c => c.With("@id", id), cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        SubscriptionArguments.Validate(id);
        return await WriteAsync(_sql.Delete, c => c.With("@id", id), cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<bool> ReplayAsync(string id, long position, CancellationToken cancellationToken = default)
    {
        SubscriptionArguments.Validate(id);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return await WriteAsync(_sql.Replay, c => c.With("@id", id).With("@position", position), cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<SubscriptionLease?> TryTakeLeaseAsync(string id, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        SubscriptionArguments.Validate(id);
        SubscriptionArguments.ValidateOwner(owner);
        SubscriptionArguments.ValidateDuration(duration);
        var taken = await WriteAsync(
            _sql.TakeLease, c => c.With("@id", id).With("@owner", owner).With("@duration", DurationValue(duration)), cancellationToken).ConfigureAwait(false);
        if (taken == 0)
            return null;
        return await GetAsync(id, cancellationToken).ConfigureAwait(false) is { } state && state.LeaseOwner == owner ? new SubscriptionLease(owner, state) : null;
    }

    /// <inheritdoc />
    public async Task<bool> CheckpointAsync(SubscriptionLease lease, long position, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return await WriteAsync(_sql.Checkpoint, c => Fence(c, lease, position), cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<bool> MarkFailingAsync(SubscriptionLease lease, long position, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(reason);
        return await WriteAsync(_sql.MarkFailing, c => Fence(c, lease, position).With("@error", reason), cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task ReleaseLeaseAsync(SubscriptionLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await WriteAsync(_sql.Release, c => c.With("@id", lease.SubscriptionId).With("@owner", lease.Owner), cancellationToken).ConfigureAwait(false);
    }

    // A fenced write matches only while this lease holds (owner, generation, active, unexpired): none matched, lease lost.
    private static DbCommand Fence(DbCommand command, SubscriptionLease lease, long position) =>
        command.With("@id", lease.SubscriptionId).With("@owner", lease.Owner).With("@generation", lease.Generation).With("@position", position);

    // The rows matched (MySqlConnector reports found rows, not changed rows, as SQLite does).
    private Task<int> WriteAsync(string sql, Action<DbCommand> parameters, CancellationToken cancellationToken) =>
        RunWriteAsync(async () =>
        {
            var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var command = connection.NewCommand(sql);
                await using (command.ConfigureAwait(false))
                {
                    parameters(command);
                    return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }, cancellationToken);

    private async Task<IReadOnlyList<SubscriptionState>> ReadAsync(string sql, Action<DbCommand> parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.NewCommand(sql);
            await using (command.ConfigureAwait(false))
            {
                parameters(command);
                return await command.ReadRowsAsync(ReadRow, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private SubscriptionState ReadRow(DbDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetInt64(2),
        row.GetInt64(3),
        SubscriptionStatuses.Parse(row.GetString(4)),
        row.IsDBNull(5) ? null : row.GetString(5),
        row.IsDBNull(6) ? null : row.GetString(6),
        row.IsDBNull(7) ? null : ReadTime(row, 7),
        ReadTime(row, 8),
        ReadTime(row, 9));
}
