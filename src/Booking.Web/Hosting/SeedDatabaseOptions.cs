namespace Booking.Web.Hosting;

/// <summary>
/// The seed's DB_HOST, DB_PORT, DB_USER, DB_PASSWORD and DB_NAME (keys at the top of the configuration, usually
/// environment variables): a MySQL server when DB_HOST is set and ConnectionStrings:EventStore is not.
/// </summary>
public sealed class SeedDatabaseOptions
{
    [ConfigurationKeyName("DB_HOST")]
    public string? Host { get; set; }

    [ConfigurationKeyName("DB_PORT")]
    public uint? Port { get; set; }

    [ConfigurationKeyName("DB_USER")]
    public string? User { get; set; }

    [ConfigurationKeyName("DB_PASSWORD")]
    public string? Password { get; set; }

    [ConfigurationKeyName("DB_NAME")]
    public string? Name { get; set; }
}
