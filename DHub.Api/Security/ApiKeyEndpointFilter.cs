using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DHub.Api.Security;

public sealed class ApiKeyOptions
{
    public const string Section = "DHub:Api";
    public const string HeaderName = "X-Api-Key";

    /// <summary>The key state-changing endpoints require; set by the AppHost from the secret parameter <c>api-key</c>.</summary>
    public string? Key { get; set; }
}

/// <summary>
/// Guards state-changing endpoints: no <c>X-Api-Key</c> header is 401, a wrong one 403. Keys are
/// compared in constant time (over their SHA-256 digests, so length leaks nothing either).
/// </summary>
public sealed partial class ApiKeyEndpointFilter(IOptions<ApiKeyOptions> options, ILogger<ApiKeyEndpointFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[ApiKeyOptions.HeaderName].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "API key required",
                detail: $"This endpoint changes data; send the API key in the {ApiKeyOptions.HeaderName} header.");
        }

        var expected = options.Value.Key;
        if (string.IsNullOrEmpty(expected))
        {
            LogNoKeyConfigured();
        }

        if (string.IsNullOrEmpty(expected) || !CryptographicOperations.FixedTimeEquals(Digest(presented), Digest(expected)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Invalid API key", detail: "The API key is not valid.");
        }

        return await next(context);
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key is configured (DHub:Api:Key); state-changing endpoints refuse every request")]
    private partial void LogNoKeyConfigured();
}
