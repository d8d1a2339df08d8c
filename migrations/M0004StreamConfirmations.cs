using FluentMigrator;

namespace EventBooking.Migrations;

/// <summary>MySQL: the column a version confirmation writes (SQLite reads its one writer's data and needs none).</summary>
[Migration(4, "Confirm stream versions with a write on Galera (MySQL)")]
public sealed class M0004StreamConfirmations : Migration
{
    public override void Up() =>
        IfDatabase(ProcessorIdConstants.MySql, ProcessorIdConstants.MySql5, ProcessorIdConstants.MySql8).Execute.EmbeddedScript("0004_stream_confirmations.mysql.sql");

    public override void Down() =>
        IfDatabase(ProcessorIdConstants.MySql, ProcessorIdConstants.MySql5, ProcessorIdConstants.MySql8).Delete.Column("confirmations").FromTable("streams");
}
