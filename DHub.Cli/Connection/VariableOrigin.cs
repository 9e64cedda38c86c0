namespace DHub.Cli.Connection;

/// <summary>Where a setting came from, so an error can tell the user which knob to turn.</summary>
public enum VariableOrigin
{
    Environment,
    DotEnvFile,
}
