using DHub.Core.Databases;
using DHub.Hosting.Postgres;
using DHub.Tests.Infrastructure.Tiers;

namespace DHub.Tests.Faults;

/// <summary>
/// A bad <c>DHub:Api:QueryTimeoutSeconds</c> or <c>DHub:Api:MaxResultBytes</c> stops the API at start with one clear line, instead of
/// failing every status or query request with a 500.
/// </summary>
[Collection(OwnServersCollection.Name)]
[Faults]
public sealed class ApiConfigurationTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("601")]
    [InlineData("ten")]
    [InlineData("2.5")]
    public async Task A_query_timeout_out_of_range_stops_the_api_at_start_with_a_clear_message(string value)
    {
        await using var api = ServiceProcess.Start(FaultSupport.ServiceDll(new Projects.DHub_Api().ProjectPath), ApiEnvironment(("DHub__Api__QueryTimeoutSeconds", value)));
        await FaultSupport.WaitUntilAsync(() => Task.FromResult(api.HasExited), TimeSpan.FromSeconds(30), "the API to refuse the setting");

        Assert.Equal(2, api.ExitCode);
        Assert.Contains($"error: DHub:Api:QueryTimeoutSeconds must be a whole number of seconds from 1 to 600, not '{value}'.", api.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", api.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1023")]
    [InlineData("16MiB")]
    public async Task A_result_size_limit_out_of_range_stops_the_api_at_start_with_a_clear_message(string value)
    {
        await using var api = ServiceProcess.Start(FaultSupport.ServiceDll(new Projects.DHub_Api().ProjectPath), ApiEnvironment(("DHub__Api__MaxResultBytes", value)));
        await FaultSupport.WaitUntilAsync(() => Task.FromResult(api.HasExited), TimeSpan.FromSeconds(30), "the API to refuse the setting");

        Assert.Equal(2, api.ExitCode);
        Assert.Contains($"error: DHub:Api:MaxResultBytes must be a whole number of bytes from 1024 to 1073741824, not '{value}'.", api.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", api.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ApiEnvironment(params (string Name, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{LoopbackPort.FindFree()}",
            ["DHub__Api__Key"] = OwnApp.ApiKey,
        };
        foreach (var database in DemoDatabases.All)
        {
            environment[$"ConnectionStrings__{database}"] = $"Host=127.0.0.1;Port=1;Username=postgres;Database={database}";
        }

        foreach (var (name, setting) in settings)
        {
            environment[name] = setting;
        }

        return environment;
    }
}
