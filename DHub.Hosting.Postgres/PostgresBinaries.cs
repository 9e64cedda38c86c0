namespace DHub.Hosting.Postgres;

/// <summary>The installed PostgreSQL server programs: <c>postgres</c>, <c>initdb</c> and <c>pg_ctl</c>, side by side in one folder.</summary>
public sealed record PostgresBinaries(string Directory)
{
    public string Postgres => Path.Combine(Directory, "postgres");

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>
    /// Looks on PATH first (a user's deliberate choice), then under <c>/usr/lib/postgresql/*/bin</c>,
    /// where Debian and Ubuntu install the server without putting it on PATH; the newest major wins.
    /// </summary>
    public static PostgresBinaries? Find(string? path = null, string debianRoot = "/usr/lib/postgresql")
    {
        path ??= Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasServer(dir))
            {
                // PATH often holds symlinks (/usr/local/bin/postgres); resolve so pg_ctl sits beside postgres.
                var target = new FileInfo(Path.Combine(dir, "postgres")).ResolveLinkTarget(returnFinalTarget: true);
                var real = target is null ? dir : Path.GetDirectoryName(target.FullName)!;
                return new PostgresBinaries(HasServer(real) ? real : dir);
            }
        }

        if (!System.IO.Directory.Exists(debianRoot))
        {
            return null;
        }

        return System.IO.Directory.GetDirectories(debianRoot)
            .Select(version => Path.Combine(version, "bin"))
            .Where(HasServer)
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .Select(bin => new PostgresBinaries(bin))
            .FirstOrDefault();
    }

    private static bool HasServer(string dir) =>
        File.Exists(Path.Combine(dir, "postgres")) && File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));
}
