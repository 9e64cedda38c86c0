using DHub.Cli.Connection;

namespace DHub.Tests.Cli;

public sealed class DotEnvFileTests
{
    [Fact]
    public void Reads_assignments_comments_quotes_and_export()
    {
        var variables = DotEnvFile.Parse(
            """
            # PostgreSQL of the demo
            POSTGRES_HOST=db.internal
            export POSTGRES_PORT=6543
            POSTGRES_USER = "bank owner"   
            POSTGRES_PASSWORD='p#ss "word"'
            POSTGRES_DB=loans_db # trailing comment
            DHUB_CONNECTION=Host=h;Password=a#b

            not an assignment
            =no key
            EMPTY=
            """.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal("db.internal", variables["POSTGRES_HOST"]);
        Assert.Equal("6543", variables["POSTGRES_PORT"]);
        Assert.Equal("bank owner", variables["POSTGRES_USER"]);
        Assert.Equal("p#ss \"word\"", variables["POSTGRES_PASSWORD"]);
        Assert.Equal("loans_db", variables["POSTGRES_DB"]);
        Assert.Equal("Host=h;Password=a#b", variables["DHUB_CONNECTION"]);
        Assert.Equal("", variables["EMPTY"]);
        Assert.Equal(7, variables.Count);
    }

    [Fact]
    public void A_missing_file_is_no_variables()
    {
        var directory = Directory.CreateTempSubdirectory("dhub-dotenv-");
        try
        {
            Assert.Empty(DotEnvFile.Load(directory.FullName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
