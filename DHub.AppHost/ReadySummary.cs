using System.Globalization;
using System.Text;
using DHub.AppHost.Postgres;

namespace DHub.AppHost;

/// <summary>
/// What a newcomer needs once the seeder finished: how much it wrote, where the API is, and how to
/// point <c>dhub</c> at this server. Holds the server's host, port and user, never its password.
/// </summary>
public sealed record ReadySummary(long Rows, TimeSpan Duration, Uri? Api, string Host, int Port, string Username, PostgresMode Mode)
{
    /// <summary>Stands in for the password in the printed command line.</summary>
    public const string PasswordPlaceholder = "<password>";

    public string Format()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"DHub is ready: seeded {Rows:N0} rows in {Duration.TotalSeconds:0.0} s.");
        if (Api is not null)
        {
            var api = Api.ToString().TrimEnd('/');
            text.AppendLine(CultureInfo.InvariantCulture, $"  API:       {api}  (reference: {api}/scalar)");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"  dhub:      dotnet run --project DHub.Cli -- db list --connection \"Host={Host};Port={Port};Username={Username};Password={PasswordPlaceholder}\"");
        text.Append(CultureInfo.InvariantCulture, $"  password:  {WhereThePasswordIs()}");
        return text.ToString();
    }

    private string WhereThePasswordIs() => Mode == PostgresMode.External
        ? "the one in your ConnectionStrings:postgres"
        : $"the dashboard's '{DemoPostgresBuilderExtensions.PasswordParameterName}' parameter (Parameters, show value), or "
          + "'dotnet user-secrets list --project DHub.AppHost'";
}
