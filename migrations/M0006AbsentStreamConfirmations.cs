using FluentMigrator;

namespace EventBooking.Migrations;

/// <summary>MySQL: the column a confirmation that a stream does not exist writes on Galera (SQLite needs none).</summary>
[Migration(6, "Confirm on Galera that a stream does not exist yet (MySQL)")]
public sealed class M0006AbsentStreamConfirmations : Migration
{
    public override void Up() =>
        IfDatabase(ProcessorIdConstants.MySql, ProcessorIdConstants.MySql5, ProcessorIdConstants.MySql8).Execute.EmbeddedScript("0006_absent_stream_confirmations.mysql.sql");

    public override void Down() =>
        IfDatabase(ProcessorIdConstants.MySql, ProcessorIdConstants.MySql5, ProcessorIdConstants.MySql8).Delete.Column("confirmations").FromTable("event_positions");
}
