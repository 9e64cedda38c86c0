using System.Globalization;
using DHub.Core.Databases;

namespace DHub.Api.Databases;

/// <summary>
/// <c>DHub:Api:MaxResultBytes</c>: how large the answer of one query may be. The API holds up to
/// this much per running query (see <see cref="QueryResponseBuffer"/>), so it bounds memory too.
/// </summary>
public static class MaxResultBytesSetting
{
    public const string Key = "DHub:Api:MaxResultBytes";

    /// <summary>Reads the setting once, at start: a bad value stops the API with one clear line.</summary>
    public static bool TryRead(IConfiguration configuration, out MaxResultBytes limit, out string problem)
    {
        var raw = configuration[Key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            (limit, problem) = (new MaxResultBytes(SqlQuery.DefaultMaxResultBytes), "");
            return true;
        }

        if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            && bytes is >= SqlQuery.MinMaxResultBytes and <= SqlQuery.MaxMaxResultBytes)
        {
            (limit, problem) = (new MaxResultBytes(bytes), "");
            return true;
        }

        (limit, problem) = (new MaxResultBytes(SqlQuery.DefaultMaxResultBytes),
            $"{Key} must be a whole number of bytes from {SqlQuery.MinMaxResultBytes} to {SqlQuery.MaxMaxResultBytes}, not '{raw}'.");
        return false;
    }
}

/// <summary>The validated <see cref="MaxResultBytesSetting"/>, as a service the endpoints take.</summary>
public sealed record MaxResultBytes(long Bytes);
