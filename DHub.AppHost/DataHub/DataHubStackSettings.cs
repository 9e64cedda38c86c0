using Microsoft.Extensions.Configuration;

namespace DHub.AppHost.DataHub;

/// <summary>The <c>DHub:DataHub</c> settings that shape the in-stack DataHub.</summary>
public sealed record DataHubStackSettings(DataHubStackMode Mode, string Version, bool Persistent)
{
    public const string StackKey = "DHub:DataHub:Stack";
    public const string VersionKey = "DHub:DataHub:Version";
    public const string PersistentKey = "DHub:DataHub:Persistent";

    /// <summary>DataHub's CLI quickstart default today; the setup jobs below exist up to v1.4.x.</summary>
    public const string DefaultVersion = "v1.4.0.3";

    public static DataHubStackSettings From(IConfiguration configuration) => new(
        ParseMode(configuration[StackKey]),
        configuration[VersionKey] is { Length: > 0 } version ? version : DefaultVersion,
        configuration.GetValue<bool>(PersistentKey));

    public static DataHubStackMode ParseMode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DataHubStackMode.None;
        }

        return Enum.TryParse<DataHubStackMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new DataHubStackUnavailableException($"{StackKey} has the value '{value}'; expected one of None, Quickstart.");
    }
}

public sealed class DataHubStackUnavailableException(string message) : Exception(message);
