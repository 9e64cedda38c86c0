using System.Text.RegularExpressions;

namespace DHub.Hosting.Postgres.InitScripts;

/// <summary>
/// One init script, split the way psql runs it: a preamble in the maintenance database, then one
/// section per <c>\c &lt;db&gt;</c>, each executed in that database.
/// </summary>
/// <remarks>
/// <para>
/// Two shapes exist. A database script creates one database (<c>CREATE DATABASE x;</c> then
/// <c>\c x</c>) and runs once, when that database is missing. A configuration script creates none: it
/// sets up databases the others created (the roles and grants), and every statement in it must be
/// repeatable, because it runs on every start.
/// </para>
/// <para>
/// The same files are mounted into the postgres container's entrypoint, which runs them with psql.
/// Outside the container we have no guarantee that psql is installed (External mode targets any
/// server), so we honour the single meta-command the scripts use, <c>\c</c>, and nothing else.
/// </para>
/// </remarks>
public sealed partial record InitScript(string FileName, string? CreatedDatabase, string Preamble, IReadOnlyList<InitScriptSection> Sections)
{
    [GeneratedRegex(@"^\s*\\c(?:onnect)?\s+(?<db>[A-Za-z_][A-Za-z0-9_]*)\s*$")]
    private static partial Regex ConnectMetaCommand();

    [GeneratedRegex(@"^\s*\\")]
    private static partial Regex AnyMetaCommand();

    [GeneratedRegex(@"^\s*CREATE\s+DATABASE\s+(?<db>[A-Za-z_][A-Za-z0-9_]*)\s*;", RegexOptions.IgnoreCase)]
    private static partial Regex CreateDatabase();

    public static InitScript Parse(string fileName, string text)
    {
        var preamble = new List<string>();
        var sections = new List<(string Database, List<string> Lines)>();

        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var connect = ConnectMetaCommand().Match(line);
            if (connect.Success)
            {
                sections.Add((connect.Groups["db"].Value, []));
                continue;
            }

            if (AnyMetaCommand().IsMatch(line))
            {
                throw new InvalidInitScriptException(fileName, $"unsupported psql meta-command '{line.Trim()}'; only \\c <database> is allowed.");
            }

            (sections.Count == 0 ? preamble : sections[^1].Lines).Add(line);
        }

        if (sections.Count == 0)
        {
            throw new InvalidInitScriptException(fileName, "it has no '\\c <database>' line.");
        }

        var created = preamble.Select(line => CreateDatabase().Match(line)).Where(m => m.Success).Select(m => m.Groups["db"].Value).ToList();
        if (created.Count > 0 && (created.Count > 1 || sections.Count > 1 || sections[0].Database != created[0]))
        {
            throw new InvalidInitScriptException(fileName,
                "a script that creates a database must create exactly one and connect to it alone.");
        }

        return new InitScript(
            fileName,
            created.FirstOrDefault(),
            string.Join('\n', preamble),
            [.. sections.Select(s => new InitScriptSection(s.Database, string.Join('\n', s.Lines)))]);
    }
}

/// <summary>The statements an init script runs in one database.</summary>
public sealed record InitScriptSection(string DatabaseName, string Sql);

public sealed class InvalidInitScriptException(string fileName, string reason)
    : Exception($"Init script '{fileName}' cannot be applied: {reason}");
