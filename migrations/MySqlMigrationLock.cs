using System.Globalization;
using MySqlConnector;

namespace EventBooking.Migrations;

/// <summary>
/// Held while one process migrates a database: several service processes starting together on an empty database
/// would otherwise all run the same migrations, and all but one would fail on the tables the first had just created
/// (FluentMigrator takes no lock of its own). On one server it is a named lock (GET_LOCK), which the server releases
/// if the holder dies. Named locks are local to a node of a Galera cluster, so there it is a row in a table of the
/// database, which two nodes cannot both insert (certification lets one of them through); a holder that dies leaves
/// it to expire after <see cref="Lease"/>.
/// </summary>
internal sealed class MySqlMigrationLock : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private readonly MySqlConnection _connection;
    private readonly string _release;
    private readonly string _name;

    private MySqlMigrationLock(MySqlConnection connection, string release, string name)
    {
        _connection = connection;
        _release = release;
        _name = name;
    }

    public static MySqlMigrationLock Acquire(string connectionString)
    {
        var database = new MySqlConnectionStringBuilder(connectionString).Database;
        var connection = new MySqlConnection(connectionString);
        try
        {
            connection.Open();
            return IsGaleraNode(connection) ? AcquireRow(connection, database) : AcquireNamedLock(connection, database);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            using var command = new MySqlCommand(_release, _connection);
            command.Parameters.AddWithValue("@name", _name);
            command.ExecuteNonQuery();
        }
        finally
        {
            // Closing the session releases a named lock too, should the statement above have failed.
            _connection.Dispose();
        }
    }

    private static MySqlMigrationLock AcquireNamedLock(MySqlConnection connection, string database)
    {
        // Lock names are server-wide and at most 64 characters.
        var name = $"eventbooking-migrate:{database}";
        name = name[..Math.Min(64, name.Length)];
        using var command = new MySqlCommand("SELECT GET_LOCK(@name, @seconds);", connection);
        command.Parameters.AddWithValue("@name", name);
        command.Parameters.AddWithValue("@seconds", (int)Timeout.TotalSeconds);
        if (Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture) != 1)
            throw Busy(database);
        return new MySqlMigrationLock(connection, "DO RELEASE_LOCK(@name);", name);
    }

    private static MySqlMigrationLock AcquireRow(MySqlConnection connection, string database)
    {
        var holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        Execute(connection, "CREATE TABLE IF NOT EXISTS migration_lock (id TINYINT NOT NULL, holder VARCHAR(100) NOT NULL, " +
            "expires_at DATETIME(6) NOT NULL, PRIMARY KEY (id)) ENGINE = InnoDB;", holder);
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            try
            {
                Execute(connection, "DELETE FROM migration_lock WHERE id = 1 AND expires_at < UTC_TIMESTAMP(6);", holder);
                Execute(connection, "INSERT INTO migration_lock (id, holder, expires_at) VALUES " +
                    $"(1, @name, UTC_TIMESTAMP(6) + INTERVAL {(int)Lease.TotalSeconds} SECOND);", holder);
                return new MySqlMigrationLock(connection, "DELETE FROM migration_lock WHERE id = 1 AND holder = @name;", holder);
            }
            catch (MySqlException e) when (e.ErrorCode is MySqlErrorCode.DuplicateKeyEntry or MySqlErrorCode.LockDeadlock)
            {
                // Held by another process, or lost to another node's insert in certification.
                if (DateTime.UtcNow > deadline)
                    throw Busy(database);
                Thread.Sleep(TimeSpan.FromMilliseconds(200 + Random.Shared.Next(0, 100)));
            }
        }
    }

    private static bool IsGaleraNode(MySqlConnection connection)
    {
        using var command = new MySqlCommand("SHOW GLOBAL VARIABLES LIKE 'wsrep_on';", connection);
        using var reader = command.ExecuteReader();
        return reader.Read() && string.Equals(reader.GetString(1), "ON", StringComparison.OrdinalIgnoreCase);
    }

    private static void Execute(MySqlConnection connection, string sql, string name)
    {
        using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("@name", name);
        command.ExecuteNonQuery();
    }

    private static TimeoutException Busy(string database) =>
        new($"Another process has been migrating {database} for more than {Timeout.TotalSeconds:0} s.");
}
