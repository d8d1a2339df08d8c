using System.Data.Common;
using EventStore.Sql;
using Microsoft.Data.Sqlite;

namespace EventStore.Sqlite;

/// <summary>The subscription store in the embedded SQLite file (table <c>subscriptions</c>, migration 7).</summary>
public sealed class SqliteSubscriptionStore : SqlSubscriptionStore
{
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;

    private readonly string _connectionString;

    /// <summary>Creates a store over the SQLite file named in <paramref name="connectionString"/>.</summary>
    public SqliteSubscriptionStore(string connectionString)
        : base(SqliteSubscriptionStatements.All)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true }.ConnectionString;
    }

    // On the pool: a wait for another writer's lock (the event store's, another process's) sleeps in SQLite.
    private protected override Task<int> RunWriteAsync(Func<Task<int>> write, CancellationToken cancellationToken) =>
        Task.Run(write, cancellationToken);

    private protected override bool IsDuplicateKey(DbException error) =>
        error is SqliteException { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey };

    private protected override long DurationValue(TimeSpan duration) => (long)Math.Ceiling(duration.TotalMilliseconds);

    // Times are Unix milliseconds of the database's clock.
    private protected override DateTime ReadTime(DbDataReader row, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(ordinal)).UtcDateTime;

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
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
