using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace DHub.Tests.Infrastructure;

/// <summary>
/// Evaluates a resource's arguments and environment as if publishing, so app-model tests can read
/// them without endpoints being allocated (values that need a running app stay as expressions).
/// </summary>
public static class ResourceConfiguration
{
    public static async Task<IExecutionConfigurationResult> EvaluateAsync(IResource resource)
    {
        var result = await ExecutionConfigurationBuilder.Create(resource)
            .WithArgumentsConfig()
            .WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), NullLogger.Instance, TestContext.Current.CancellationToken);
        if (result.Exception is { } error)
        {
            throw error;
        }

        return result;
    }
}
