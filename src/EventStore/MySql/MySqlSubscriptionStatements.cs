namespace EventStore.MySql;

/// <summary>
/// The subscription store's statements. Each write is one autocommit statement, so on Galera a lost certification
/// surfaces as error 1213 on it and is retried whole. Times come from the server's UTC clock, never a node's.
/// </summary>
internal static class MySqlSubscriptionStatements
{
    private const string Columns =
        "id, definition, position, generation, status, last_error, lease_owner, lease_expires_at, created_at, updated_at";

    public const string Insert = """
        INSERT INTO subscriptions (id, definition, position, generation, status, created_at, updated_at)
        VALUES (@id, @definition, @position, 1, 'active', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));
        """;

    public const string List = $"SELECT {Columns} FROM subscriptions ORDER BY id;";

    public const string Get = $"SELECT {Columns} FROM subscriptions WHERE id = @id;";

    public const string Delete = "DELETE FROM subscriptions WHERE id = @id;";

    public const string Replay = """
        UPDATE subscriptions
        SET position = @position, generation = generation + 1, status = 'active', last_error = NULL, updated_at = UTC_TIMESTAMP(6)
        WHERE id = @id;
        """;

    // Free, expired or already ours: one conditional UPDATE decides, so two contenders cannot both match.
    public const string TakeLease = """
        UPDATE subscriptions
        SET lease_owner = @owner, lease_expires_at = UTC_TIMESTAMP(6) + INTERVAL @duration MICROSECOND, updated_at = UTC_TIMESTAMP(6)
        WHERE id = @id AND (lease_owner IS NULL OR lease_owner = @owner OR lease_expires_at IS NULL OR lease_expires_at <= UTC_TIMESTAMP(6));
        """;

    private const string Fence =
        "WHERE id = @id AND lease_owner = @owner AND generation = @generation AND status = 'active' AND lease_expires_at > UTC_TIMESTAMP(6)";

    public const string Checkpoint = $"UPDATE subscriptions SET position = @position, updated_at = UTC_TIMESTAMP(6) {Fence};";

    public const string MarkFailing =
        $"UPDATE subscriptions SET position = @position, status = 'failing', last_error = @error, updated_at = UTC_TIMESTAMP(6) {Fence};";

    public const string Release = """
        UPDATE subscriptions SET lease_expires_at = NULL, updated_at = UTC_TIMESTAMP(6)
        WHERE id = @id AND lease_owner = @owner;
        """;

    public static readonly Sql.SubscriptionStatements All = new(Insert, List, Get, Delete, Replay, TakeLease, Checkpoint, MarkFailing, Release);
}
