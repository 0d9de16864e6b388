using System.Text;
using CsCheck;
using MockGen.Cli;
using MockGen.Fuzz.Tests.Support;
using Xunit.Abstractions;

namespace MockGen.Fuzz.Tests.Validate;

/// <summary>
/// Issue 12, hostile input: NDJSON datasets for <c>mockgen validate</c>, in process through the CLI's entry point,
/// built from the records <c>mockgen generate</c> wrote for the sample contract and then mutated (and mixed with
/// deep, huge and binary lines). Every run ends with exit 0, 1 or 2 (2 with an <c>error:</c> line naming the
/// dataset line), never an unhandled exception, within the case bound.
/// </summary>
public sealed class DatasetLineFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mockgen-fuzz-ndjson-").FullName;

    [Fact]
    public void Validate_MutatedDataset_ExitZeroOneOrTwo()
    {
        var contract = Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml");
        var seedFile = Path.Combine(_folder, "seed.ndjson");
        var generated = Run(["generate", contract, "--count", "3", "--seed", "fuzz", "--out", seedFile], []);
        Assert.True(generated.Exit == 0, generated.Error);
        var records = File.ReadAllLines(seedFile).Where(l => l.Length > 0).ToArray();
        Assert.NotEmpty(records);

        var hostileLine = Gen.OneOf(
            Mutations.Of(records),
            Gen.OneOfConst(records),
            Gen.Int[10, 100_000].Select(n => "{\"meta\":{\"target\":\"#\"},\"payload\":" + new string('[', n) + new string(']', n) + "}"),
            Gen.Int[1, 300_000].Select(n => "{\"meta\":{\"target\":\"#\"},\"payload\":\"" + new string('x', n) + "\"}"),
            Gen.OneOfConst(
                "{}", "[]", "null", "{\"meta\":1}", "{\"meta\":{},\"payload\":1}", "{\"meta\":{\"target\":1},\"payload\":1}", "{\"meta\":{\"error\":\"x\"}}",
                "{\"meta\":{\"target\":\"#/nope\"},\"payload\":{}}", "{\"meta\":{\"contract\":\"../../etc/passwd\",\"target\":\"#\"},\"payload\":{}}",
                "{\"meta\":{\"target\":\"#\",\"violation\":{\"keyword\":7}},\"payload\":{}}", "{\"meta\":{\"target\":\"#\",\"expect\":\"invalid\"},\"payload\":1e999999}",
                "\uFEFF{\"meta\":{\"target\":\"#\"},\"payload\":1}", "{\"meta\":{\"target\":\"#\"},\"payload\":1,\"payload\":2}", "\u0000", "{\"a\":\"\\ud800\"}"));
        var dataset = Gen.Select(hostileLine.Array[1, 6], Gen.Bool, (lines, binary) => (lines, binary));
        FuzzRun.Sample(
            output,
            "ndjson-lines",
            dataset,
            d =>
            {
                var bytes = Encoding.UTF8.GetBytes(string.Join('\n', d.lines));
                if (d.binary)
                {
                    // Invalid UTF-8 in the middle of a line (a truncated multi-byte sequence).
                    bytes = [.. bytes.Take(bytes.Length / 2), 0xC3, 0x28, 0xFF, .. bytes.Skip(bytes.Length / 2)];
                }

                var input = string.Join("\\n", d.lines);
                HostileCase.Run(input, () =>
                {
                    var run = Run(["validate", contract, "-"], bytes);
                    Assert.True(run.Exit is 0 or 1 or 2, $"exit {run.Exit}: {run.Error}");
                    if (run.Exit == 2)
                    {
                        Assert.Contains("error:", run.Error, StringComparison.Ordinal);
                    }
                });
            },
            d => HostileCase.Describe(string.Join("\\n", d.lines)) + (d.binary ? " (+ invalid UTF-8)" : string.Empty));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Out, string Error) Run(string[] args, byte[] stdin)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(stdout, stderr, () => new MemoryStream(stdin));
        var exit = Program.RunAsync(args, console, CancellationToken.None).GetAwaiter().GetResult();
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
