using SourceCheck.Cli.Infrastructure;

return CliApp.Run(args, CliEnvironment.FromConsole());
