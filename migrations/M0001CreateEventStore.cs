using FluentMigrator;

namespace EventBooking.Migrations;

/// <summary>Streams, events and inline read-model documents.</summary>
[Migration(1, "Create the event store: streams, events, documents")]
public sealed class M0001CreateEventStore : Migration
{
    public override void Up()
    {
        IfDatabase(ProcessorIdConstants.MySql, ProcessorIdConstants.MySql5, ProcessorIdConstants.MySql8).Execute.EmbeddedScript("0001_event_store.mysql.sql");
        IfDatabase(ProcessorIdConstants.SQLite).Execute.EmbeddedScript("0001_event_store.sqlite.sql");
    }

    public override void Down()
    {
        Delete.Table("documents");
        Delete.Table("events");
        Delete.Table("streams");
    }
}
