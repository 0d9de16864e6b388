using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Schema;
using Spectre.Console;

namespace MockGen.Cli.Commands;

/// <summary><c>mockgen inspect &lt;contract&gt; [--json]</c>: a contract's kind, version, diagnostics and targets.</summary>
internal static class InspectCommand
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliConsole console)
    {
        var contract = new Argument<string>("contract")
        {
            Description = "A contract file (.json, .yaml, .yml: OpenAPI 2.0, 3.0, 3.1 or JSON Schema) or a folder of them.",
        };
        var json = new Option<bool>("--json") { Description = "Print the same information as one JSON document (for scripts)." };
        var contractOptions = new ContractOptions();
        var command = new Command("inspect", "Show a contract's kind, version hash, diagnostics, payload targets (id, name, direction) "
            + "and patterns (read as unicode, or as annex-b when only the no-flag regex grammar accepts one). "
            + "Target ids are what --target takes in validate and generate.");
        command.Arguments.Add(contract);
        command.Options.Add(json);
        contractOptions.AddTo(command);
        CliHelp.SetExamples(
            command,
            "# Targets of an OpenAPI description, as a table",
            "mockgen inspect petstore.yaml",
            "# The same as JSON, e.g. to pick target ids with jq",
            "mockgen inspect petstore.yaml --json | jq -r '.targets[].id'",
            "# Every contract of a folder, with a remote $ref served from a local copy",
            "mockgen inspect ./contracts --map https://schemas.example.com/=./vendor/schemas/");
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetValue(contract)!,
            parseResult.GetValue(json),
            contractOptions.ToLoaderOptions(parseResult),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string path, bool asJson, ContractLoaderOptions options, CancellationToken cancellationToken)
    {
        var loader = new ContractLoader(options);
        if (Directory.Exists(path))
        {
            return await InspectFolderAsync(console, loader, path, asJson, cancellationToken).ConfigureAwait(false);
        }

        var contract = await loader.LoadAsync(path, cancellationToken).ConfigureAwait(false);
        if (asJson)
        {
            await console.Out.WriteAsync(ToJson(path, isFolder: false, [contract], [])).ConfigureAwait(false);
        }
        else if (console.IsOutputTerminal)
        {
            WriteRich(console.CreateRichOut(), contract);
        }
        else
        {
            await console.Out.WriteAsync(ToPlain(contract)).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    // A folder is streamed: each contract is loaded, printed and dropped before the next (as generate does), so memory
    // is that of the largest contract and the first contract shows at once; the JSON form is written as it goes too.
    // Failures are reported on stderr after the contracts, and in the JSON form's "failures".
    private static async Task<int> InspectFolderAsync(CliConsole console, ContractLoader loader, string path, bool asJson, CancellationToken cancellationToken)
    {
        var failures = new List<ContractLoadFailure>();
        var rich = !asJson && console.IsOutputTerminal ? console.CreateRichOut() : null;
        using var stream = asJson ? new TextWriterStream(console.Out) : null;
        using var writer = stream is null ? null : new Utf8JsonWriter(stream, JsonOptions);
        writer?.WriteStartObject();
        writer?.WriteString("folder", path);
        writer?.WriteStartArray("contracts");
        var first = true;
        await foreach (var entry in loader.EnumerateFolderAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Contract is not { } contract)
            {
                failures.Add(entry.Failure!);
                continue;
            }

            if (writer is not null)
            {
                WriteContract(writer, contract);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (rich is not null)
            {
                WriteRich(rich, contract);
            }
            else
            {
                if (!first)
                {
                    await console.Out.WriteLineAsync().ConfigureAwait(false);
                }

                await console.Out.WriteAsync(ToPlain(contract)).ConfigureAwait(false);
            }

            first = false;
        }

        if (writer is not null)
        {
            writer.WriteEndArray();
            WriteFailures(writer, failures);
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            await console.Out.WriteAsync("\n").ConfigureAwait(false);
        }

        foreach (var failure in failures)
        {
            await console.Error.WriteLineAsync("error: " + failure.Error.Message).ConfigureAwait(false);
        }

        return failures.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }

    /// <summary>Plain text for pipes and files: a header of "key  value" lines, then the targets aligned in columns.</summary>
    internal static string ToPlain(Contract contract)
    {
        var text = new StringBuilder();
        var diagnostics = AllDiagnostics(contract);
        var errors = diagnostics.Count(d => d.Severity == ContractDiagnosticSeverity.Error);
        var warnings = diagnostics.Count - errors;
        text.Append("contract     ").AppendLine(contract.Name);
        text.Append("kind         ").Append(CliNames.Kind(contract.Kind));
        if (contract.SpecificationVersion is { } spec)
        {
            text.Append(" (").Append(spec).Append(')');
        }

        text.AppendLine();
        text.Append("dialect      ").AppendLine(CliNames.Dialect(contract.Dialect));
        if (contract.Title is { } title)
        {
            text.Append("title        ").AppendLine(title);
        }

        text.Append("version      ").AppendLine(contract.Version);
        text.Append("files        ").AppendLine(contract.Documents.Count.ToString(CultureInfo.InvariantCulture));
        text.Append("diagnostics  ").AppendLine(CultureInfo.InvariantCulture, $"{errors} errors, {warnings} warnings");
        foreach (var diagnostic in diagnostics)
        {
            text.Append("  ").AppendLine(diagnostic.ToString());
        }

        text.Append("targets      ").AppendLine(contract.Targets.Count.ToString(CultureInfo.InvariantCulture));
        if (contract.Targets.Count > 0)
        {
            var idWidth = Math.Max(2, contract.Targets.Max(t => t.Id.Length));
            var nameWidth = Math.Max(4, contract.Targets.Max(t => t.Name.Length));
            text.Append("  ").Append("ID".PadRight(idWidth)).Append("  ").Append("NAME".PadRight(nameWidth)).AppendLine("  DIRECTION");
            foreach (var target in contract.Targets)
            {
                text.Append("  ").Append(target.Id.PadRight(idWidth)).Append("  ").Append(target.Name.PadRight(nameWidth)).Append("  ")
                    .AppendLine(CliNames.Direction(target.Direction));
            }
        }

        var patterns = contract.Schemas.CompiledPatterns();
        if (patterns.Count > 0)
        {
            var annexB = patterns.Count(p => p.Syntax == PatternSyntax.AnnexB);
            text.Append("patterns     ").AppendLine(CultureInfo.InvariantCulture, $"{patterns.Count} ({patterns.Count - annexB} unicode, {annexB} annex-b)");
            var locations = patterns.Select(p => PatternLocation(contract, p)).ToList();
            var width = Math.Max(8, locations.Max(l => l.Length));
            text.Append("  MODE     ").Append("LOCATION".PadRight(width)).AppendLine("  PATTERN");
            for (var i = 0; i < patterns.Count; i++)
            {
                text.Append("  ").Append(SyntaxName(patterns[i].Syntax).PadRight(7)).Append("  ").Append(locations[i].PadRight(width)).Append("  ")
                    .AppendLine(patterns[i].Pattern);
            }
        }

        return text.ToString();
    }

    // "unicode": read with the u flag, as JSON Schema means; "annex-b": only the no-flag grammar (ECMA-262 Annex B) accepts it.
    private static string SyntaxName(PatternSyntax syntax) => syntax == PatternSyntax.Unicode ? "unicode" : "annex-b";

    // "#/pointer" in the root document; "file#/pointer" in another document of the contract.
    private static string PatternLocation(Contract contract, SchemaPattern pattern)
    {
        if (string.Equals(contract.RootDocument.BaseUri.AbsoluteUri, pattern.DocumentUri, StringComparison.Ordinal))
        {
            return "#" + pattern.JsonPointer;
        }

        var document = contract.Documents.FirstOrDefault(d => string.Equals(d.BaseUri.AbsoluteUri, pattern.DocumentUri, StringComparison.Ordinal));
        return (document?.SourcePath ?? pattern.DocumentUri) + "#" + pattern.JsonPointer;
    }

    /// <summary>
    /// The loader's diagnostics plus one error per schema that does not compile (an unknown <c>$ref</c>
    /// target, say), so that inspect finds what validate and generate would trip over.
    /// </summary>
    private static List<ContractDiagnostic> AllDiagnostics(Contract contract)
    {
        var all = new List<ContractDiagnostic>(contract.Diagnostics);
        foreach (var problem in contract.CheckTargets())
        {
            if (!all.Contains(problem))
            {
                all.Add(problem);
            }
        }

        // Where the draft's reading (MockGen's) and ajv-style readings of the same schema differ.
        foreach (var conflict in contract.Schemas.RefSiblingConflicts())
        {
            var document = contract.Documents.FirstOrDefault(d => string.Equals(d.BaseUri.AbsoluteUri, conflict.DocumentUri, StringComparison.Ordinal));
            var keywords = string.Join(", ", conflict.Keywords);
            all.Add(new ContractDiagnostic(
                ContractDiagnosticSeverity.Warning,
                $"{CliNames.Dialect(conflict.Dialect)} ignores {keywords} beside $ref, as MockGen does; ajv and most tools apply them. Move them into an allOf with the $ref so both readings agree",
                "#" + conflict.JsonPointer,
                document?.SourcePath));
        }

        return all;
    }

    private static void WriteRich(IAnsiConsole console, Contract contract)
    {
        var diagnostics = AllDiagnostics(contract);
        var errors = diagnostics.Count(d => d.Severity == ContractDiagnosticSeverity.Error);
        console.MarkupLine($"[bold]{Markup.Escape(contract.Name)}[/]  {Markup.Escape(CliNames.Kind(contract.Kind))} {Markup.Escape(contract.SpecificationVersion ?? string.Empty)}  "
            + $"dialect {Markup.Escape(CliNames.Dialect(contract.Dialect))}  {contract.Documents.Count} file(s)");
        if (contract.Title is { } title)
        {
            console.MarkupLine($"[dim]title[/]    {Markup.Escape(title)}");
        }

        console.MarkupLine($"[dim]version[/]  {Markup.Escape(contract.Version)}");
        foreach (var diagnostic in diagnostics)
        {
            var color = diagnostic.Severity == ContractDiagnosticSeverity.Error ? "red" : "yellow";
            console.MarkupLine($"[{color}]{Markup.Escape(diagnostic.ToString())}[/]");
        }

        if (errors == 0 && diagnostics.Count == 0)
        {
            console.MarkupLine("[green]no diagnostics[/]");
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Target id").AddColumn("Name").AddColumn("Direction");
        foreach (var target in contract.Targets)
        {
            table.AddRow(Markup.Escape(target.Id), Markup.Escape(target.Name), CliNames.Direction(target.Direction));
        }

        console.Write(table);
        var patterns = contract.Schemas.CompiledPatterns();
        if (patterns.Count > 0)
        {
            var patternTable = new Table().Border(TableBorder.Rounded).AddColumn("Mode").AddColumn("Location").AddColumn("Pattern");
            foreach (var pattern in patterns)
            {
                patternTable.AddRow(SyntaxName(pattern.Syntax), Markup.Escape(PatternLocation(contract, pattern)), Markup.Escape(pattern.Pattern));
            }

            console.Write(patternTable);
        }

        console.WriteLine();
    }

    /// <summary>The JSON form: one contract object, or for a folder {"folder", "contracts": [...], "failures": [...]}.</summary>
    internal static string ToJson(string path, bool isFolder, IReadOnlyList<Contract> contracts, IReadOnlyList<ContractLoadFailure> failures)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            if (isFolder)
            {
                writer.WriteStartObject();
                writer.WriteString("folder", path);
                writer.WriteStartArray("contracts");
                foreach (var contract in contracts)
                {
                    WriteContract(writer, contract);
                }

                writer.WriteEndArray();
                WriteFailures(writer, failures);
                writer.WriteEndObject();
            }
            else
            {
                WriteContract(writer, contracts[0]);
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteFailures(Utf8JsonWriter writer, IReadOnlyList<ContractLoadFailure> failures)
    {
        writer.WriteStartArray("failures");
        foreach (var failure in failures)
        {
            writer.WriteStartObject();
            writer.WriteString("contract", failure.Name);
            writer.WriteString("error", failure.Error.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteContract(Utf8JsonWriter writer, Contract contract)
    {
        writer.WriteStartObject();
        writer.WriteString("contract", contract.Name);
        writer.WriteString("kind", CliNames.Kind(contract.Kind));
        writer.WriteString("specificationVersion", contract.SpecificationVersion);
        writer.WriteString("dialect", CliNames.Dialect(contract.Dialect));
        writer.WriteString("title", contract.Title);
        writer.WriteString("version", contract.Version);
        writer.WriteNumber("files", contract.Documents.Count);
        writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in AllDiagnostics(contract))
        {
            writer.WriteStartObject();
            writer.WriteString("severity", CliNames.Severity(diagnostic.Severity));
            writer.WriteString("message", diagnostic.Message);
            writer.WriteString("pointer", diagnostic.JsonPointer);
            writer.WriteString("file", diagnostic.SourcePath);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("targets");
        foreach (var target in contract.Targets)
        {
            writer.WriteStartObject();
            writer.WriteString("id", target.Id);
            writer.WriteString("name", target.Name);
            writer.WriteString("direction", CliNames.Direction(target.Direction));
            WriteOptional(writer, "operationId", target.OperationId);
            WriteOptional(writer, "method", target.Method);
            WriteOptional(writer, "path", target.Path);
            WriteOptional(writer, "status", target.StatusCode);
            WriteOptional(writer, "mediaType", target.MediaType);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("patterns");
        foreach (var pattern in contract.Schemas.CompiledPatterns())
        {
            writer.WriteStartObject();
            writer.WriteString("location", PatternLocation(contract, pattern));
            writer.WriteString("pattern", pattern.Pattern);
            writer.WriteString("mode", SyntaxName(pattern.Syntax));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
