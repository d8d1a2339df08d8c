using EventBooking.Migrations;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace Booking.Web.Tests.Operations;

/// <summary>Damage done behind the store's back, to prove that the tooling notices or repairs it.</summary>
internal static class RawSql
{
    public static async Task ExecuteAsync(TestDatabase database, string sql, params (string Name, object Value)[] parameters)
    {
        await using System.Data.Common.DbConnection connection = database.Provider == StoreProvider.MySql
            ? new MySqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }
}
