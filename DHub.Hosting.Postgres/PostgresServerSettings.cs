namespace DHub.Hosting.Postgres;

/// <summary>
/// The settings every server DHub runs itself gets (the AppHost's Local mode, throwaway servers),
/// so a benchmark or a test measures the server a user gets.
/// </summary>
internal static class PostgresServerSettings
{
    public static IReadOnlyList<KeyValuePair<string, string>> Standard { get; } =
    [
        new("listen_addresses", "127.0.0.1"),
        // TCP only: no socket file to place in a directory we may not own.
        new("unix_socket_directories", ""),
        // Seeding commits the six databases atomically with two-phase commit.
        new("max_prepared_transactions", "16"),
        // PostgreSQL logs to stderr, which the dashboard shows as errors: keep it to real warnings.
        new("log_min_messages", "warning"),
    ];

    /// <summary>As <c>postgres</c> command-line options (<c>-c name=value</c>).</summary>
    public static IEnumerable<string> AsArguments(IEnumerable<KeyValuePair<string, string>> settings) =>
        settings.SelectMany(s => new[] { "-c", $"{s.Key}={s.Value}" });

    /// <summary>As <c>postgresql.conf</c> lines, values quoted.</summary>
    public static IEnumerable<string> AsConfigLines(IEnumerable<KeyValuePair<string, string>> settings) =>
        settings.Select(s => $"{s.Key} = '{s.Value.Replace("'", "''", StringComparison.Ordinal)}'");
}
