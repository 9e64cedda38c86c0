namespace DHub.AppHost.DataHub;

/// <summary>Which DataHub the AppHost runs next to the demo: none (publish to one configured elsewhere) or DataHub's quickstart.</summary>
public enum DataHubStackMode
{
    None,
    Quickstart,
}
