using DHub.Cli;

return await DhubApp.RunAsync(args, CliHost.FromProcess());
