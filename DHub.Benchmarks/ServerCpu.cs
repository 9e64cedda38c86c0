using System.Globalization;
using System.Net;
using Npgsql;

namespace DHub.Benchmarks;

/// <summary>
/// CPU time used by a PostgreSQL server running on this machine: the postmaster, its live children
/// (backends, checkpointer, WAL writer...) and the children it has already reaped. Read from /proc,
/// so only available on Linux and for a local server.
/// </summary>
public sealed class ServerCpu(int postmasterPid)
{
    // USER_HZ: the unit of /proc/<pid>/stat times; 100 on every mainstream Linux architecture.
    private const double TicksPerSecond = 100;

    /// <summary>Finds the postmaster behind <paramref name="connectionString"/> when the server runs on this machine.</summary>
    public static async Task<ServerCpu?> TryAttachAsync(string connectionString, CancellationToken cancellationToken)
    {
        var host = new NpgsqlConnectionStringBuilder(connectionString).Host ?? "";
        var local = host is "localhost" or "" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        if (!local || !OperatingSystem.IsLinux())
        {
            return null;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        // A containerised server's pids are not ours; then the backend is missing or not a postgres process.
        if (Stat(backend) is not { } stat || !IsPostgres(stat.ParentPid))
        {
            return null;
        }

        return new ServerCpu(stat.ParentPid);
    }

    /// <summary>Total CPU seconds used so far by the server, or null when it cannot be read.</summary>
    public double? TotalSeconds()
    {
        if (Stat(postmasterPid) is not { } postmaster)
        {
            return null;
        }

        var ticks = postmaster.OwnTicks + postmaster.ReapedChildrenTicks;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != postmasterPid
                && Stat(pid) is { } child
                && child.ParentPid == postmasterPid)
            {
                ticks += child.OwnTicks;
            }
        }

        return ticks / TicksPerSecond;
    }

    private static bool IsPostgres(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim().StartsWith("postgres", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private readonly record struct ProcStat(int ParentPid, long OwnTicks, long ReapedChildrenTicks);

    private static ProcStat? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // the process has just exited
        }

        // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14-17.
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return new ProcStat((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
    }
}
