using System.Globalization;

namespace DHub.Api.Databases;

/// <summary>
/// <c>DHub:Api:QueryTimeoutSeconds</c>: the statement timeout of the database work a request can
/// make slow, a user's query and the row counts of the seed status. One setting, so an operator
/// bounds how long any request may hold a connection in one place.
/// </summary>
public static class QueryTimeoutSetting
{
    public const string Key = "DHub:Api:QueryTimeoutSeconds";

    public const int DefaultSeconds = 10;

    public const int MaxSeconds = 600;

    /// <summary>
    /// Reads the setting once, at start: a bad value must stop the API with a clear message, not
    /// fail every request that needs it.
    /// </summary>
    public static bool TryRead(IConfiguration configuration, out QueryTimeout timeout, out string problem)
    {
        var raw = configuration[Key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            (timeout, problem) = (new QueryTimeout(DefaultSeconds), "");
            return true;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= MaxSeconds)
        {
            (timeout, problem) = (new QueryTimeout(seconds), "");
            return true;
        }

        (timeout, problem) = (new QueryTimeout(DefaultSeconds), $"{Key} must be a whole number of seconds from 1 to {MaxSeconds}, not '{raw}'.");
        return false;
    }
}

/// <summary>The validated <see cref="QueryTimeoutSetting"/>, as a service the endpoints take.</summary>
public sealed record QueryTimeout(int Seconds)
{
    public TimeSpan AsTimeSpan => TimeSpan.FromSeconds(Seconds);
}
