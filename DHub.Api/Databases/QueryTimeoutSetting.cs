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

    public static int Seconds(IConfiguration configuration) => configuration.GetValue(Key, DefaultSeconds);
}
