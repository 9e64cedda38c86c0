using System.Globalization;
using DHub.Benchmarks;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync(ex.Message);
    await Console.Error.WriteLineAsync(BenchmarkOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var report = await BenchmarkRunner.RunAsync(options, Console.Out, cancel.Token);
await ReportWriter.WriteAsync(report, options.Output, cancel.Token);
Console.WriteLine();
Console.WriteLine(ReportWriter.Markdown(report));
Console.WriteLine($"Written to {Path.GetFullPath(options.Output)}");
return 0;
