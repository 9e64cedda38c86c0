using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DHub.Core.Seeding;

/// <summary>The seeder's traces and metrics. Hosts register the name with OpenTelemetry.</summary>
public static class SeedTelemetry
{
    public const string Name = "DHub.Seeder";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> RowsLoaded = Meter.CreateCounter<long>(
        "dhub.seed.rows_loaded", unit: "{row}", description: "Rows loaded into the demo databases, by database and table.");

    public static readonly Histogram<double> PhaseDuration = Meter.CreateHistogram<double>(
        "dhub.seed.phase.duration", unit: "s", description: "Wall time of each seeding phase.");

    /// <summary>Span attribute names, kept short because the dashboard shows them as they are.</summary>
    public static class Tags
    {
        public const string Scale = "scale";
        public const string Seed = "seed";
        public const string TotalRows = "total_rows";
        public const string Phase = "phase";
        public const string Database = "database";
        public const string Table = "table";
        public const string Rows = "rows";
        public const string Bytes = "bytes";
    }
}
