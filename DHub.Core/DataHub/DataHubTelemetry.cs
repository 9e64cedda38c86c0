using System.Diagnostics;

namespace DHub.Core.DataHub;

/// <summary>
/// Spans of the DataHub integration: introspection, metadata building and emission to GMS.
/// ServiceDefaults registers the name, so hosts show them in the Aspire dashboard.
/// Tags never carry connection strings, passwords or tokens.
/// </summary>
public static class DataHubTelemetry
{
    public const string Name = "DHub.DataHub";

    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>Span names, one per unit of work worth timing.</summary>
    public static class Spans
    {
        public const string Publish = "datahub.publish";
        public const string Clear = "datahub.clear";
        public const string Introspect = "datahub.introspect";
        public const string ListDatabases = "datahub.list_databases";
        public const string Build = "datahub.build";
        public const string CheckServer = "datahub.check_server";
        public const string Emit = "datahub.emit";
        public const string EmitBatch = "datahub.emit.batch";
        public const string Delete = "datahub.delete";
        public const string Descriptor = "datahub.descriptor";
    }

    /// <summary>Span attribute names.</summary>
    public static class Tags
    {
        public const string Database = "database";
        public const string Schema = "schema";
        public const string Tables = "tables";
        public const string Columns = "columns";
        public const string Selection = "selection";
        public const string Proposals = "proposals";
        public const string Batches = "batches";
        public const string Batch = "batch";
        public const string Server = "server";
        public const string DryRun = "dry_run";
        public const string Entities = "entities";
    }
}
