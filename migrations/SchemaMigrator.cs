using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace EventBooking.Migrations;

/// <summary>Applies the schema migrations of this assembly to a database.</summary>
public static class SchemaMigrator
{
    /// <summary>
    /// Brings the database up to date and returns the migrations that ran ("0001 Create ..."), oldest first.
    /// A MySQL database that does not exist yet is created first; on MySQL, one process migrates a database at a time.
    /// </summary>
    public static IReadOnlyList<string> MigrateUp(StoreProvider provider, string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        if (provider == StoreProvider.MySql)
            CreateMySqlDatabaseIfMissing(connectionString);

        // Taken before the runner reads VersionInfo, so what is reported as applied is what this process applied.
        using var migrating = provider == StoreProvider.MySql ? MySqlMigrationLock.Acquire(connectionString) : null;

        using var services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                _ = provider == StoreProvider.MySql ? runner.AddMySql5() : runner.AddSQLite();
                runner.WithGlobalConnectionString(connectionString)
                    .ScanIn(typeof(SchemaMigrator).Assembly).For.Migrations().For.EmbeddedResources();
            })
            .Configure<RunnerOptions>(options => options.TransactionPerSession = false)
            .BuildServiceProvider(validateScopes: false);

        using var scope = services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
        var versions = scope.ServiceProvider.GetRequiredService<IVersionLoader>();
        var applied = runner.MigrationLoader.LoadMigrations()
            .Where(m => !versions.VersionInfo.HasAppliedMigration(m.Key))
            .Select(m => $"{m.Key:0000} {m.Value.Description}")
            .ToList();
        runner.MigrateUp();
        return applied;
    }

    private static void CreateMySqlDatabaseIfMissing(string connectionString)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        var database = builder.Database;
        if (string.IsNullOrEmpty(database))
            throw new ArgumentException("The MySQL connection string names no database.", nameof(connectionString));
        builder.Database = string.Empty;
        using var connection = new MySqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE IF NOT EXISTS `{database.Replace("`", "``", StringComparison.Ordinal)}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;";
        command.ExecuteNonQuery();
    }
}
