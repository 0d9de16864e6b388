using System.CommandLine;

var root = new RootCommand("mockgen: schema-valid, reproducible JSON test payloads from API contracts.");
// Each command lives in Commands/<Name>Command.cs and registers itself here, one line each.
root.Subcommands.Add(MockGen.Cli.Commands.GenerateCommand.Create());
return root.Parse(args).Invoke();
