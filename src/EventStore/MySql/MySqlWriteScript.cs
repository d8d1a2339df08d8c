using System.Globalization;
using System.Text;
using MySqlConnector;

namespace EventStore.MySql;

/// <summary>
/// The statements of one write transaction, in order, ending with COMMIT, sent in one of two ways:
/// <list type="bullet">
/// <item>as one multi-statement command (one round trip) on a single server, each row-count check done by a guard
/// statement on the server;</item>
/// <item>one statement per round trip on Galera, each row count checked here. There, a transaction that the cluster
/// aborts (a conflicting write from another node) between two statements of one command reports no error, and the
/// statements after it run in autocommit: written half, reported as written. Sent one by one, the abort surfaces as
/// error 1213 at the next statement or at COMMIT.</item>
/// </list>
/// The opening START TRANSACTION shares the first statement's round trip: a transaction that has written nothing
/// cannot be aborted by the cluster.
/// </summary>
internal sealed class MySqlWriteScript
{
    private readonly List<Step> _steps = [];
    private string _prefix = string.Empty;

    /// <summary>The number of positions <see cref="TakePositions"/> asked for (0: none).</summary>
    public int Positions { get; private set; }

    /// <summary>Opens the transaction in the first statement's round trip.</summary>
    public MySqlWriteScript StartTransaction()
    {
        _prefix = "START TRANSACTION; ";
        return this;
    }

    public MySqlWriteScript Statement(string sql) => Add(new Step(sql, null));

    /// <summary>A statement that must match exactly <paramref name="rows"/> rows, else the stream is not written.</summary>
    public MySqlWriteScript StatementMatching(string sql, int rows) => Add(new Step(sql, rows));

    /// <summary>
    /// Raises the position counter by <paramref name="count"/>: the events inserted after it take positions
    /// <c>LAST_INSERT_ID() - count + 1</c> to <c>LAST_INSERT_ID()</c> (see <see cref="PositionExpression"/>).
    /// </summary>
    public MySqlWriteScript TakePositions(int count)
    {
        Positions = count;
        return Add(new Step($"UPDATE event_positions SET last = LAST_INSERT_ID(last + {Number(count)}) WHERE id = 1;", null, TakesPositions: true));
    }

    /// <summary>The SQL of the n-th position (0-based) taken by <see cref="TakePositions"/>, for the events INSERT.</summary>
    public string PositionExpression(int n) => $"LAST_INSERT_ID() - {Number(Positions - 1 - n)}";

    /// <summary>
    /// Runs the script and commits; returns the first position taken, if any. A stream not at its expected version
    /// throws <see cref="StreamNotWrittenException"/>; the transaction is then left open for the caller to roll back.
    /// </summary>
    public async Task<long?> RunAsync(MySqlCommand command, bool oneStatementPerRoundTrip, CancellationToken cancellationToken) =>
        oneStatementPerRoundTrip
            ? await RunOneByOneAsync(command, cancellationToken).ConfigureAwait(false)
            : await RunAtOnceAsync(command, cancellationToken).ConfigureAwait(false);

    private MySqlWriteScript Add(Step step)
    {
        _steps.Add(step);
        return this;
    }

    /// <summary>The script as one multi-statement command: each row count checked by a guard statement, then COMMIT.</summary>
    public string AsOneCommand()
    {
        var sql = new StringBuilder(_prefix, _steps.Sum(s => s.Sql.Length + 100) + 64);
        foreach (var step in _steps)
        {
            sql.Append(step.Sql).Append(' ');
            if (step.Rows is { } rows)
                sql.Append(RowCountGuard(rows)).Append(' ');
        }

        return sql.Append("COMMIT;").ToString();
    }

    // The first position comes from the OK packets, not from a SELECT: the counter's UPDATE reports the
    // LAST_INSERT_ID(expr) it set, the events INSERT (explicit positions) reports its last row's, which is the same
    // value, and MySqlConnector keeps the last insert id a statement of the command reported. A statement less per
    // commit, and no result set to send and parse: +9 % hot-event answers in an A/B
    // (bench/results/http-2026-12-02-ab-fewer-statement-items.md).
    private async Task<long?> RunAtOnceAsync(MySqlCommand command, CancellationToken cancellationToken)
    {
        command.CommandText = AsOneCommand();
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return FirstPosition(command.LastInsertedId);
        }
        catch (MySqlException e) when (e.Number == RowCountGuardError)
        {
            throw new StreamNotWrittenException(e);
        }
    }

    private async Task<long?> RunOneByOneAsync(MySqlCommand command, CancellationToken cancellationToken)
    {
        long? first = null;
        for (var i = 0; i < _steps.Count; i++)
        {
            var step = _steps[i];
            command.CommandText = i == 0 ? _prefix + step.Sql : step.Sql;
            var rows = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (step.Rows is { } expected && rows != expected)
                throw new StreamNotWrittenException();
            if (step.TakesPositions)
                first = FirstPosition(command.LastInsertedId);
        }

        command.CommandText = "COMMIT;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return first;
    }

    // The counter stood at lastPosition after the script raised it by Positions (see TakePositions).
    private long? FirstPosition(long lastPosition) => Positions > 0 ? lastPosition - Positions + 1 : null;

    private const int RowCountGuardError = 1242; // ER_SUBQUERY_NO_1_ROW

    // A scalar subquery that yields two rows when the statement before matched another number of rows: MySQL and
    // MariaDB both stop the batch with error 1242 there (DO would not evaluate it; SET does).
    private static string RowCountGuard(int rows) =>
        $"SET @es_guard = (SELECT 1 UNION ALL SELECT 2 FROM DUAL WHERE ROW_COUNT() <> {Number(rows)});";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Step(string Sql, int? Rows, bool TakesPositions = false);
}

/// <summary>A stream was not at the version a write script expected: nothing was written (the transaction is still open).</summary>
internal sealed class StreamNotWrittenException(Exception? inner = null)
    : Exception("A stream was not at its expected version.", inner);
