using FluentMigrator;

namespace EventBooking.Migrations;

/// <summary>A shadow documents table and per-projection checkpoints, for rebuilding read models in place.</summary>
[Migration(2, "Add the shadow documents table and projection checkpoints")]
public sealed class M0002ProjectionRebuilds : Migration
{
    public override void Up()
    {
        IfDatabase(ProcessorIdConstants.MySql, ProcessorIdConstants.MySql5, ProcessorIdConstants.MySql8).Execute.EmbeddedScript("0002_projection_rebuilds.mysql.sql");
        IfDatabase(ProcessorIdConstants.SQLite).Execute.EmbeddedScript("0002_projection_rebuilds.sqlite.sql");
    }

    public override void Down()
    {
        Delete.Table("projection_checkpoints");
        Delete.Table("documents_rebuild");
    }
}
