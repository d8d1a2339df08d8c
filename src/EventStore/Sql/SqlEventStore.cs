using System.Data.Common;

namespace EventStore.Sql;

/// <summary>
/// The event store over a SQL database (<see cref="MySql.MySqlEventStore"/>, <see cref="Sqlite.SqliteEventStore"/>):
/// every surface of the store in one object, which the service registers once per interface. This class owns what the
/// providers share over ADO.NET: the reads and the rows they map, the document listings, the answer to a refused
/// append and the plumbing of projection rebuilds. A provider brings its connection, its SQL where it differs, how it
/// writes in a transaction and which of its errors mean that a write was refused.
/// </summary>
public abstract partial class SqlEventStore : IEventStore, IProjectionRebuilds, ISequenceNumbers
{
    private protected SqlEventStore(string connectionString, EventTypeMap types, TimeProvider? time)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(types);
        Types = types;
        Time = time ?? TimeProvider.System;
    }

    private protected EventTypeMap Types { get; }

    private protected TimeProvider Time { get; }

    /// <summary>Opens a connection, set up as the provider's every command expects.</summary>
    private protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>A stored UTC time: the databases keep times in different types.</summary>
    private protected abstract DateTime ReadTime(DbDataReader row, int ordinal);

    /// <summary>A UTC time as the provider stores it, for a parameter.</summary>
    private protected abstract object TimeValue(DateTime utc);

    /// <summary>Opens a connection, runs one query on it and maps every row.</summary>
    private protected async Task<IReadOnlyList<T>> QueryAsync<T>(Func<DbConnection, DbCommand> query, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = query(connection);
            await using (command.ConfigureAwait(false))
                return await command.ReadRowsAsync(map, cancellationToken).ConfigureAwait(false);
        }
    }
}
