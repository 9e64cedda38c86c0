using DHub.Tests.Faults;

/// <summary>
/// The .NET startup hook of this assembly: a DHub process started with
/// <c>DOTNET_STARTUP_HOOKS</c> pointing here runs <see cref="Initialize"/> before its Main, and its
/// hosts then seed with <see cref="BrokenGenerator.Pipeline"/>.
/// </summary>
#pragma warning disable CA1050 // The runtime finds the hook by this exact name, outside any namespace.
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize() => BrokenGenerator.InjectIntoHosts();
}
