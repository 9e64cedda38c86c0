using Microsoft.Extensions.Logging.Testing;

namespace DHub.Tests.Infrastructure;

/// <summary>
/// Captured log records as one line each (level, category, message, structured values, exception), so
/// that a test can search everything a record carries, for a secret or a phrase, in one place.
/// </summary>
public static class LogLines
{
    public static IReadOnlyList<string> Lines(this FakeLogCollector collector) => [.. collector.GetSnapshot().Select(Line)];

    public static string Line(FakeLogRecord record)
    {
        var values = record.StructuredState is { } pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        return $"{record.Level} {record.Category}: {record.Message} [{values}] {record.Exception}";
    }
}
