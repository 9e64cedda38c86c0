using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace DHub.Cli.Commands;

/// <summary>
/// Example command lines per command, printed as an "Examples:" section at the end of its
/// <c>--help</c>. System.CommandLine's help has no such section; putting examples in the
/// description instead would repeat them in every parent's list of subcommands.
/// </summary>
public sealed class CommandExamples
{
    private readonly Dictionary<Command, string[]> _examples = [];

    public void Add(Command command, params string[] examples) => _examples[command] = examples;

    public IReadOnlyList<string> For(Command command) => _examples.TryGetValue(command, out var examples) ? examples : [];

    /// <summary>Makes the root's (recursive) help option print the examples after the standard help.</summary>
    public void AttachTo(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExamplesHelpAction((HelpAction)help.Action!, this);
    }

    private sealed class ExamplesHelpAction(HelpAction standard, CommandExamples examples) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = standard.Invoke(parseResult);
            var lines = examples.For(parseResult.CommandResult.Command);
            if (lines.Count > 0)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var line in lines)
                {
                    output.WriteLine($"  {line}");
                }

                output.WriteLine();
            }

            return exitCode;
        }
    }
}
