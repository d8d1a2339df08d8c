namespace EventStore.Sqlite;

/// <summary>
/// The subscription store's statements, one autocommit statement per write. Times are Unix milliseconds of the
/// database's clock ('now' is fixed for the whole statement), never the caller's.
/// </summary>
internal static class SqliteSubscriptionStatements
{
    private const string Now = "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)";

    private const string Columns =
        "id, definition, position, generation, status, last_error, lease_owner, lease_expires_at, created_at, updated_at";

    public const string Insert = $"""
        INSERT INTO subscriptions (id, definition, position, generation, status, created_at, updated_at)
        VALUES (@id, @definition, @position, 1, 'active', {Now}, {Now});
        """;

    public const string List = $"SELECT {Columns} FROM subscriptions ORDER BY id;";

    public const string Get = $"SELECT {Columns} FROM subscriptions WHERE id = @id;";

    public const string Delete = "DELETE FROM subscriptions WHERE id = @id;";

    public const string Replay = $"""
        UPDATE subscriptions
        SET position = @position, generation = generation + 1, status = 'active', last_error = NULL, updated_at = {Now}
        WHERE id = @id;
        """;

    public const string TakeLease = $"""
        UPDATE subscriptions
        SET lease_owner = @owner, lease_expires_at = {Now} + @duration, updated_at = {Now}
        WHERE id = @id AND (lease_owner IS NULL OR lease_owner = @owner OR lease_expires_at IS NULL OR lease_expires_at <= {Now});
        """;

    private const string Fence =
        $"WHERE id = @id AND lease_owner = @owner AND generation = @generation AND status = 'active' AND lease_expires_at > {Now}";

    public const string Checkpoint = $"UPDATE subscriptions SET position = @position, updated_at = {Now} {Fence};";

    public const string MarkFailing =
        $"UPDATE subscriptions SET position = @position, status = 'failing', last_error = @error, updated_at = {Now} {Fence};";

    public const string Release = $"UPDATE subscriptions SET lease_expires_at = NULL, updated_at = {Now} WHERE id = @id AND lease_owner = @owner;";

    public static readonly Sql.SubscriptionStatements All = new(Insert, List, Get, Delete, Replay, TakeLease, Checkpoint, MarkFailing, Release);
}
