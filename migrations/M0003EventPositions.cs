using FluentMigrator;

namespace EventBooking.Migrations;

/// <summary>
/// MySQL: a counter row that hands out global positions in commit order (SQLite has one writer at a time, so its
/// AUTO_INCREMENT already does).
/// </summary>
[Migration(3, "Hand out global positions in commit order (MySQL)")]
public sealed class M0003EventPositions : Migration
{
    public override void Up() =>
        IfDatabase(ProcessorIdConstants.MySql, ProcessorIdConstants.MySql5, ProcessorIdConstants.MySql8).Execute.EmbeddedScript("0003_event_positions.mysql.sql");

    public override void Down() =>
        IfDatabase(ProcessorIdConstants.MySql, ProcessorIdConstants.MySql5, ProcessorIdConstants.MySql8).Delete.Table("event_positions");
}
