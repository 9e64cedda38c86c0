using DHub.Core.DataHub.Urns;

namespace DHub.Tests.Core.DataHub.Urns;

/// <summary>DHub names containers with DataHub's own GUID algorithm, so both write to the same entities.</summary>
public sealed class ContainerGuidTests
{
    [Fact]
    public void The_postgrestest_vector_from_DataHubs_golden_file_matches()
    {
        Assert.Equal("a6097853edba03be190d99ece4b307ff", ContainerGuid.ForDatabase("postgres", "postgrestest", "PROD"));
        Assert.Equal("51904fc8cd5cc729bc630decff284525", ContainerGuid.ForSchema("postgres", "postgrestest", "public", "PROD"));
    }

    [Fact]
    public void The_key_is_compact_json_with_sorted_keys()
    {
        Assert.Equal(
            """{"database":"employees_db","instance":"PROD","platform":"postgres","schema":"public"}""",
            ContainerGuid.PythonCompactJson(new Dictionary<string, string>
            {
                ["schema"] = "public", ["platform"] = "postgres", ["instance"] = "PROD", ["database"] = "employees_db",
            }));
    }

    /// <summary>Expected values computed with Python: hashlib.md5(json.dumps(key, sort_keys=True, separators=(",", ":")).encode()).</summary>
    [Theory]
    [InlineData("employees_db", "e10f6478d92f8e21b852f0152258dd62")]
    [InlineData("café_db", "d6558847df3d0afc46f288520cedba16")]
    public void Database_guids_match_python(string database, string expected) =>
        Assert.Equal(expected, ContainerGuid.ForDatabase("postgres", database, "PROD"));

    [Fact]
    public void Schema_guids_match_python() =>
        Assert.Equal("1555180905474f09da46b24109ef20e9", ContainerGuid.ForSchema("postgres", "employees_db", "public", "PROD"));

    [Fact]
    public void Non_ascii_and_control_characters_are_escaped_like_python() =>
        Assert.Equal(
            """{"k":"caf\u00e9 \"q\" \\ \n \ud83d\ude00"}""",
            ContainerGuid.PythonCompactJson(new Dictionary<string, string> { ["k"] = "café \"q\" \\ \n 😀" }));

    [Fact]
    public void Container_urns_use_the_guid() =>
        Assert.Equal("urn:li:container:a6097853edba03be190d99ece4b307ff", DataHubUrns.DatabaseContainer("postgrestest"));
}
