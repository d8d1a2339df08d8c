using FluentMigrator;

namespace EventBooking.Migrations;

/// <summary>Durable subscriptions to the global order: checkpoint, status and lease (docs/adr/0012-webhook-subscriptions.md).</summary>
[Migration(7, "Add subscriptions with checkpoints and leases")]
public sealed class M0007Subscriptions : Migration
{
    public override void Up()
    {
        IfDatabase(ProcessorIdConstants.MySql, ProcessorIdConstants.MySql5, ProcessorIdConstants.MySql8).Execute.EmbeddedScript("0007_subscriptions.mysql.sql");
        IfDatabase(ProcessorIdConstants.SQLite).Execute.EmbeddedScript("0007_subscriptions.sqlite.sql");
    }

    public override void Down() => Delete.Table("subscriptions");
}
