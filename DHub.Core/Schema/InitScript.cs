using System.Text.RegularExpressions;

namespace DHub.Core.Schema;

/// <summary>
/// One database init script, split the way psql would run it: a preamble executed in the
/// maintenance database (<c>CREATE DATABASE</c>), then a body executed after <c>\c &lt;db&gt;</c>.
/// </summary>
/// <remarks>
/// The same files are mounted into the postgres container's entrypoint, which runs them with psql.
/// Outside the container we have no guarantee that psql is installed (External mode targets any
/// server), so we honour the single meta-command the scripts use, <c>\c</c>, and nothing else.
/// </remarks>
public sealed partial record InitScript(string FileName, string DatabaseName, string Body)
{
    [GeneratedRegex(@"^\s*\\c(?:onnect)?\s+(?<db>[A-Za-z_][A-Za-z0-9_]*)\s*$")]
    private static partial Regex ConnectMetaCommand();

    [GeneratedRegex(@"^\s*\\")]
    private static partial Regex AnyMetaCommand();

    public static InitScript Parse(string fileName, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        string? database = null;
        var body = new List<string>();

        foreach (var line in lines)
        {
            var connect = ConnectMetaCommand().Match(line);
            if (connect.Success)
            {
                if (database is not null)
                {
                    throw new InvalidInitScriptException(fileName, "it switches database more than once; one script creates one database.");
                }

                database = connect.Groups["db"].Value;
                continue;
            }

            if (AnyMetaCommand().IsMatch(line))
            {
                throw new InvalidInitScriptException(fileName, $"unsupported psql meta-command '{line.Trim()}'; only \\c <database> is allowed.");
            }

            if (database is not null)
            {
                body.Add(line);
            }
        }

        if (database is null)
        {
            throw new InvalidInitScriptException(fileName, "it has no '\\c <database>' line.");
        }

        return new InitScript(fileName, database, string.Join('\n', body));
    }
}

public sealed class InvalidInitScriptException(string fileName, string reason)
    : Exception($"Init script '{fileName}' cannot be applied: {reason}");
