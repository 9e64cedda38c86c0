namespace DHub.Cli.Connection;

public sealed record EnvironmentValue(string Value, VariableOrigin Origin);

/// <summary>
/// The process environment with the current directory's <c>.env</c> file merged underneath it:
/// a real environment variable always wins over the file, so a shell can override what a project set.
/// </summary>
public sealed class CliEnvironment(Func<string, string?> getEnvironmentVariable, IReadOnlyDictionary<string, string> dotEnv, string dotEnvPath)
{
    public string DotEnvPath { get; } = dotEnvPath;

    public static CliEnvironment For(CliHost host) =>
        new(host.GetEnvironmentVariable, DotEnvFile.Load(host.CurrentDirectory), Path.Combine(host.CurrentDirectory, DotEnvFile.FileName));

    /// <summary>The variable's value and origin, or null when it is unset or blank in both places.</summary>
    public EnvironmentValue? Get(string name)
    {
        if (getEnvironmentVariable(name) is { } value && !string.IsNullOrWhiteSpace(value))
        {
            return new EnvironmentValue(value, VariableOrigin.Environment);
        }

        return dotEnv.TryGetValue(name, out var fromFile) && !string.IsNullOrWhiteSpace(fromFile)
            ? new EnvironmentValue(fromFile, VariableOrigin.DotEnvFile)
            : null;
    }
}
