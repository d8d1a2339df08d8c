using MySqlConnector;

namespace EventBooking.Migrations;

/// <summary>
/// A MySQL named lock (GET_LOCK) per database, held while one process migrates it: several service processes
/// starting together on an empty database would otherwise all run the same migrations, and all but one would fail
/// on the tables the first had just created (FluentMigrator takes no lock of its own).
/// </summary>
internal sealed class MySqlMigrationLock : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly MySqlConnection _connection;
    private readonly string _name;

    private MySqlMigrationLock(MySqlConnection connection, string name)
    {
        _connection = connection;
        _name = name;
    }

    public static MySqlMigrationLock Acquire(string connectionString)
    {
        var database = new MySqlConnectionStringBuilder(connectionString).Database;
        // Lock names are server-wide and at most 64 characters.
        var name = $"eventbooking-migrate:{database}";
        name = name[..Math.Min(64, name.Length)];
        var connection = new MySqlConnection(connectionString);
        try
        {
            connection.Open();
            using var command = new MySqlCommand("SELECT GET_LOCK(@name, @seconds);", connection);
            command.Parameters.AddWithValue("@name", name);
            command.Parameters.AddWithValue("@seconds", (int)Timeout.TotalSeconds);
            if (Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture) != 1)
                throw new TimeoutException($"Another process has been migrating {database} for more than {Timeout.TotalSeconds:0} s.");
            return new MySqlMigrationLock(connection, name);
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
            using var command = new MySqlCommand("SELECT RELEASE_LOCK(@name);", _connection);
            command.Parameters.AddWithValue("@name", _name);
            command.ExecuteScalar();
        }
        finally
        {
            // Closing the session releases the lock too, should the statement above have failed.
            _connection.Dispose();
        }
    }
}
