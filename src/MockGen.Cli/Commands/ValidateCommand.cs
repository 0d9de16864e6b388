using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Telemetry;
using MockGen.Core.Validation;

namespace MockGen.Cli.Commands;

/// <summary>
/// <c>mockgen validate &lt;contract-or-folder&gt; &lt;dataset.ndjson | -&gt;</c>: validates dataset records
/// line by line (memory does not grow with the dataset), one JSON result line per record on stdout,
/// a summary on stderr.
/// </summary>
internal static class ValidateCommand
{
    /// <summary>Payloads nest at most this deep; deeper lines are bad input, not a stack overflow.</summary>
    private const int MaxPayloadDepth = 512;

    public static Command Create(CliConsole console)
    {
        var contract = new Argument<string>("contract")
        {
            Description = "The contract file, or a folder of contracts (then each record's meta.contract names its file, relative to the folder).",
        };
        var dataset = new Argument<string>("dataset")
        {
            Description = "NDJSON dataset, one record per line: {\"meta\": {\"contract\": ..., \"target\": ...}, \"payload\": ...}. Use - for standard input.",
        };
        var target = new Option<string?>("--target", "-t")
        {
            Description = "Validate bare payloads (one JSON value per line) against this target id (see mockgen inspect); the lines carry no meta.",
            HelpName = "id",
        };
        var formats = new Option<string>("--formats")
        {
            Description = "assert: 'format' must hold (date-time, email, uuid...); annotate: formats are not checked.",
            DefaultValueFactory = _ => "assert",
        };
        formats.AcceptOnlyFromAmong("assert", "annotate");
        var contractOptions = new ContractOptions();
        var command = new Command("validate", "Validate dataset records against their contract. Prints one JSON line per record "
            + "{line, valid, errors: [{instanceLocation, keywordLocation, keyword, message}]} and a summary on stderr. "
            + "Records labelled with meta.violation (negative variants) must fail with exactly that violation; they add "
            + "\"expected\" and \"matched\" to their line.");
        command.Arguments.Add(contract);
        command.Arguments.Add(dataset);
        command.Options.Add(target);
        command.Options.Add(formats);
        contractOptions.AddTo(command);
        CliHelp.SetExamples(
            command,
            "# Check a generated dataset",
            "mockgen validate petstore.yaml dataset.ndjson",
            "# Records of many contracts: meta.contract is the path inside the folder",
            "mockgen validate ./contracts dataset.ndjson > results.ndjson",
            "# Bare payloads from another tool, against one target, formats as annotations",
            "cat payloads.ndjson | mockgen validate petstore.yaml - --target '#/components/schemas/Pet' --formats annotate",
            "# Only the failures",
            "mockgen validate petstore.yaml dataset.ndjson | jq -c 'select(.valid == false)'");
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetValue(contract)!,
            parseResult.GetValue(dataset)!,
            parseResult.GetValue(target),
            parseResult.GetValue(formats) != "annotate",
            contractOptions.ToLoaderOptions(parseResult),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, string contractPath, string datasetPath, string? targetId, bool assertFormats, ContractLoaderOptions loaderOptions, CancellationToken cancellationToken)
    {
        var loader = new ContractLoader(loaderOptions);
        var isFolder = Directory.Exists(contractPath);
        if (isFolder && targetId is not null)
        {
            throw CliException.TargetNeedsFile(contractPath);
        }

        var session = new Session(loader, contractPath, isFolder, new ValidationOptions { AssertFormats = assertFormats });
        ContractTarget? fixedTarget = null;
        Contract? single = null;
        if (!isFolder)
        {
            single = await loader.LoadAsync(contractPath, cancellationToken).ConfigureAwait(false);
            if (targetId is not null)
            {
                fixedTarget = single.GetTarget(targetId);
                single.Compile(fixedTarget);
            }
        }

        var datasetName = datasetPath == "-" ? "<stdin>" : datasetPath;
        if (datasetPath != "-" && !File.Exists(datasetPath))
        {
            throw CliException.DatasetNotFound(datasetPath);
        }

        var output = new ArrayBufferWriter<byte>(4096);
        var summary = new ValidationSummary();
        using var activity = MockGenTelemetry.ActivitySource.StartActivity(SpanNames.Validate);
        activity?.SetTag("mockgen.dataset", datasetName);
        await using var stream = datasetPath == "-" ? console.OpenInput() : File.OpenRead(datasetPath);
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        long lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = Parse(datasetName, lineNumber, line);
            var root = document.RootElement;
            Contract contract;
            ContractTarget target;
            JsonElement payload;
            ExpectedViolation? expected = null;
            if (fixedTarget is not null)
            {
                (contract, target, payload) = (single!, fixedTarget, root);
            }
            else
            {
                var record = ReadRecord(datasetName, lineNumber, root);
                if (record.Error is { } recorded)
                {
                    // An error record: the generator said this payload could not be made. Its verdict is that error.
                    summary.AddError(record.ContractName ?? "(unknown)", record.TargetId ?? "(contract)");
                    await WriteErrorAsync(console, output, lineNumber, "the dataset records no payload here: " + recorded).ConfigureAwait(false);
                    continue;
                }

                Contract? loaded = single;
                string? broken = null;
                if (loaded is null)
                {
                    (loaded, broken) = await session.ContractAsync(datasetName, lineNumber, record.ContractName, cancellationToken).ConfigureAwait(false);
                }

                if (loaded is null)
                {
                    // The record's contract does not load: this record gets an error verdict, the rest are validated.
                    summary.AddError(record.ContractName!, record.TargetId!);
                    await WriteErrorAsync(console, output, lineNumber, broken!).ConfigureAwait(false);
                    continue;
                }

                contract = loaded;
                target = contract.FindTarget(record.TargetId!)
                    ?? throw CliException.MalformedLine(datasetName, lineNumber, $"#/meta/target \"{record.TargetId}\": {contract.Name} has no such target (list them with: mockgen inspect {contract.Name})");
                if (session.CompileError(contract, target) is { } compileError)
                {
                    summary.AddError(contract.Name, target.Id);
                    await WriteErrorAsync(console, output, lineNumber, compileError).ConfigureAwait(false);
                    continue;
                }

                (payload, expected) = (record.Payload, record.Violation);
                if (record.ContractVersion is { } version && version != contract.Version)
                {
                    summary.OtherVersion++;
                }
            }

            var result = contract.Validate(target, payload, session.ValidationOptions);
            ValidationTelemetry.Validated(null, contract.Name, target.Id, ValidationTelemetry.Validate);
            foreach (var error in result.Errors)
            {
                ValidationTelemetry.Failure(null, contract.Name, target.Id, error.Keyword, ValidationTelemetry.Validate);
            }

            var matched = expected?.IsMatchedBy(result);
            summary.Add(contract.Name, target.Id, result.IsValid, matched);
            WriteResult(output, lineNumber, result, expected, matched);
            await console.Out.WriteAsync(Encoding.UTF8.GetString(output.WrittenSpan)).ConfigureAwait(false);
            output.ResetWrittenCount();
        }

        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        await console.Error.WriteAsync(summary.Render(datasetName)).ConfigureAwait(false);
        return summary.AllAsExpected ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static JsonDocument Parse(string dataset, long lineNumber, string line)
    {
        try
        {
            return JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = MaxPayloadDepth });
        }
        catch (JsonException ex)
        {
            var column = (ex.BytePositionInLine ?? 0) + 1;
            var detail = ex.Message;
            var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
            detail = cut > 0 ? detail[..cut] : detail;
            throw CliException.MalformedLine(dataset, lineNumber, $"column {column.ToString(CultureInfo.InvariantCulture)}: invalid JSON: {detail}");
        }
    }

    private static DatasetRecord ReadRecord(string dataset, long lineNumber, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw CliException.MalformedLine(dataset, lineNumber, "#: a record is an object {\"meta\": {...}, \"payload\": ...} (for bare payloads, pass --target)");
        }

        if (!root.TryGetProperty("meta", out var meta) || meta.ValueKind != JsonValueKind.Object)
        {
            throw CliException.MalformedLine(dataset, lineNumber, "#/meta: missing or not an object (for bare payloads, pass --target)");
        }

        var contract = meta.TryGetProperty("contract", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (meta.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String && !root.TryGetProperty("payload", out _))
        {
            // An error record {"meta": {..., "error": "..."}}: its contract, target or index produced no payload.
            var errorTarget = meta.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            return new DatasetRecord(contract, errorTarget, null, default, null) { Error = error.GetString() };
        }

        if (!root.TryGetProperty("payload", out var payload))
        {
            throw CliException.MalformedLine(dataset, lineNumber, "#/payload: missing");
        }

        if (!meta.TryGetProperty("target", out var target) || target.ValueKind != JsonValueKind.String)
        {
            throw CliException.MalformedLine(dataset, lineNumber, "#/meta/target: missing or not a string (a target id, see mockgen inspect)");
        }

        var version = meta.TryGetProperty("contractVersion", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        ExpectedViolation? violation;
        try
        {
            violation = ExpectedViolation.Read(meta);
        }
        catch (InvalidOperationException ex)
        {
            throw CliException.MalformedLine(dataset, lineNumber, ex.Message);
        }

        return new DatasetRecord(contract, target.GetString()!, version, payload, violation);
    }

    private static void WriteResult(ArrayBufferWriter<byte> output, long lineNumber, ValidationResult result, ExpectedViolation? expected, bool? matched)
    {
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", lineNumber);
            writer.WriteBoolean("valid", result.IsValid);
            writer.WriteStartArray("errors");
            foreach (var error in result.Errors)
            {
                writer.WriteStartObject();
                writer.WriteString("instanceLocation", error.InstanceLocation);
                writer.WriteString("keywordLocation", error.KeywordLocation);
                writer.WriteString("keyword", error.Keyword);
                writer.WriteString("message", error.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (expected is not null)
            {
                writer.WriteStartObject("expected");
                writer.WriteString("keyword", expected.Keyword);
                writer.WriteString("instancePath", expected.InstancePath);
                writer.WriteString("schemaPath", expected.SchemaPath);
                writer.WriteEndObject();
                writer.WriteBoolean("matched", matched == true);
            }

            writer.WriteEndObject();
        }

        output.Write("\n"u8);
    }

    /// <summary>One dataset line, read; an error record has <see cref="Error"/> and no payload.</summary>
    private sealed record DatasetRecord(string? ContractName, string? TargetId, string? ContractVersion, JsonElement Payload, ExpectedViolation? Violation)
    {
        public string? Error { get; init; }
    }

    private static async Task WriteErrorAsync(CliConsole console, ArrayBufferWriter<byte> output, long lineNumber, string error)
    {
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", lineNumber);
            writer.WriteBoolean("valid", false);
            writer.WriteStartArray("errors");
            writer.WriteEndArray();
            writer.WriteString("error", error);
            writer.WriteEndObject();
        }

        output.Write("\n"u8);
        await console.Out.WriteAsync(Encoding.UTF8.GetString(output.WrittenSpan)).ConfigureAwait(false);
        output.ResetWrittenCount();
    }

    /// <summary>
    /// Contracts loaded for this run: a folder's are loaded on first use and kept in a small most-recently-used
    /// set (memory is bounded by a few contracts, not the folder); load and compile failures are remembered by name,
    /// so each broken contract is read once and every record naming it gets the same error verdict.
    /// </summary>
    private sealed class Session(ContractLoader loader, string contractPath, bool isFolder, ValidationOptions validationOptions)
    {
        // Datasets are usually grouped by contract, so a few recent contracts cover almost every lookup.
        private const int KeptContracts = 4;
        private readonly LinkedList<Contract> _recent = new();
        private readonly Dictionary<string, string> _broken = new(StringComparer.Ordinal);
        private readonly Dictionary<(Contract, string), string?> _compiled = [];

        public ValidationOptions ValidationOptions { get; } = validationOptions;

        public async Task<(Contract? Contract, string? Error)> ContractAsync(string dataset, long lineNumber, string? name, CancellationToken cancellationToken)
        {
            if (!isFolder || name is null)
            {
                throw CliException.MalformedLine(dataset, lineNumber, "#/meta/contract: missing; with a contract folder every record names its contract file, relative to the folder");
            }

            for (var node = _recent.First; node is not null; node = node.Next)
            {
                if (string.Equals(node.Value.Name, name, StringComparison.Ordinal))
                {
                    _recent.Remove(node);
                    _recent.AddFirst(node);
                    return (node.Value, null);
                }
            }

            if (_broken.TryGetValue(name, out var error))
            {
                return (null, error);
            }

            var root = Path.GetFullPath(contractPath) + Path.DirectorySeparatorChar;
            var full = Path.GetFullPath(Path.Combine(contractPath, name));
            if (!full.StartsWith(root, StringComparison.Ordinal) || !File.Exists(full))
            {
                throw CliException.ContractOutsideFolder(dataset, lineNumber, name);
            }

            Contract contract;
            try
            {
                contract = await loader.LoadAsync(full, name, cancellationToken).ConfigureAwait(false);
            }
            catch (ContractException ex)
            {
                _broken[name] = ex.Message;
                return (null, ex.Message);
            }

            _recent.AddFirst(contract);
            if (_recent.Count > KeptContracts)
            {
                var evicted = _recent.Last!.Value;
                _recent.RemoveLast();
                foreach (var key in _compiled.Keys.Where(k => ReferenceEquals(k.Item1, evicted)).ToList())
                {
                    _compiled.Remove(key);
                }
            }

            return (contract, null);
        }

        /// <summary>Compiles a target once; the error message when it does not compile, else null.</summary>
        public string? CompileError(Contract contract, ContractTarget target)
        {
            if (!_compiled.TryGetValue((contract, target.Id), out var error))
            {
                try
                {
                    contract.Compile(target);
                }
                catch (ContractException ex)
                {
                    error = ex.Message;
                }

                _compiled[(contract, target.Id)] = error;
            }

            return error;
        }
    }
}
