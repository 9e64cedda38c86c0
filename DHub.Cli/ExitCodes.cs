namespace DHub.Cli;

/// <summary>The process exit codes, documented in docs/cli.md; scripts depend on them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and the operation failed: a database unreachable in <c>db test</c>, a seed failed, <c>--confirm</c> missing.</summary>
    public const int Failed = 1;

    /// <summary>The input is wrong: a parse error, a bad value, an unknown database, a write without <c>--write</c>, bad SQL.</summary>
    public const int InvalidInput = 2;

    /// <summary>The PostgreSQL server could not be reached or refused the login.</summary>
    public const int CannotConnect = 3;

    /// <summary>Interrupted (Ctrl+C), by the shell convention 128 + SIGINT.</summary>
    public const int Cancelled = 130;
}
