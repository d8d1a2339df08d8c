using FluentMigrator;

namespace EventBooking.Migrations;

/// <summary>Named counters that hand out 1, 2, 3, ... to every process sharing the database.</summary>
[Migration(5, "Add named number sequences")]
public sealed class M0005SequenceNumbers : Migration
{
    public override void Up()
    {
        IfDatabase(ProcessorIdConstants.MySql, ProcessorIdConstants.MySql5, ProcessorIdConstants.MySql8).Execute.EmbeddedScript("0005_sequence_numbers.mysql.sql");
        IfDatabase(ProcessorIdConstants.SQLite).Execute.EmbeddedScript("0005_sequence_numbers.sqlite.sql");
    }

    public override void Down() => Delete.Table("sequence_numbers");
}
