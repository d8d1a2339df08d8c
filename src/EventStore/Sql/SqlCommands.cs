using System.Data.Common;

namespace EventStore.Sql;

/// <summary>What every store command does with ADO.NET, the same for each provider.</summary>
internal static class SqlCommands
{
    /// <summary>A command on <paramref name="connection"/>, in <paramref name="transaction"/> when given.</summary>
    public static DbCommand NewCommand(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (transaction is not null)
            command.Transaction = transaction;
        return command;
    }

    /// <summary>Adds a parameter (null is sent as SQL NULL) and returns the command.</summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>
    /// Maps every row of every result set. Reading on to the last result set is what makes an error in a later
    /// statement of a multi-statement command (a COMMIT, a claimed document that exists) surface here: a reader left
    /// after its first rows lets it pass unnoticed.
    /// </summary>
    public static async Task<IReadOnlyList<T>> ReadRowsAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            do
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    rows.Add(map(reader));
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }

        return rows;
    }

    /// <summary>The first value of the first row (null if there is none), every result set read as in <see cref="ReadRowsAsync"/>.</summary>
    public static async Task<long?> FirstInt64Async(this DbCommand command, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            long? first = null;
            do
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    first ??= reader.IsDBNull(0) ? null : reader.GetInt64(0);
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));

            return first;
        }
    }
}
