using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Realism;
using MockGen.Core.Generation.Walking;
using MockGen.Core.Validation;

namespace MockGen.Benchmarks.Generation;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/MockGen.Benchmarks -- generation-cost [--seconds 5] [--hash 2000]</c>:
/// gated generation as <see cref="GenerationBenchmarks"/> builds it (payments <c>Payment</c>, nested, tree; realism
/// on), measured in process CPU time and allocated bytes per payload rather than wall time, which a machine shared
/// with other work cannot give (issue 9). Each schema: at least 3,000 warm-up payloads and 3 s, then typical payloads for the given
/// seconds. With <c>--hash N</c> it prints instead a SHA-256 of the first N payloads of each schema and variant, so
/// two builds can be shown to write the same bytes.
/// </summary>
internal static class GenerationCostCommand
{
    private static readonly string[] Schemas = ["payments", "nested", "tree"];

    public static int Run(string[] args)
    {
        var hashCount = Option(args, "--hash", 0);
        if (hashCount > 0)
        {
            foreach (var schema in Schemas)
            {
                foreach (var variant in Enum.GetValues<GenerationVariant>().Where(v => v != GenerationVariant.Coverage))
                {
                    Console.WriteLine($"{schema} {variant}: {Hash(schema, variant, hashCount)}");
                }
            }

            return 0;
        }

        var seconds = Option(args, "--seconds", 5);
        foreach (var schema in Schemas)
        {
            var (generator, key) = Create(schema, GenerationVariant.Typical);
            // Warm-up by count and by time: the JIT's tiering finishes on a clock, and a faster build reaches a count
            // sooner, which would bill it the background compilation that the slower one had finished.
            long index = 0;
            var warmUp = Stopwatch.StartNew();
            while (index < 3_000 || warmUp.Elapsed.TotalSeconds < 3)
            {
                generator.Generate(key(index++));
            }

            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var pauseBefore = GC.GetTotalPauseDuration();
            var clock = Stopwatch.StartNew();
            long count = 0;
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                for (var i = 0; i < 100; i++)
                {
                    generator.Generate(key(index++));
                }

                count += 100;
            }

            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / count;
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024.0 / count;
            var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMicroseconds / count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{schema}: {count} payloads, CPU {cpu:F1} us/payload, wall {clock.Elapsed.TotalMicroseconds / count:F1} us, {allocated:F1} KB allocated/payload, GC pauses {pause:F1} us/payload, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        }

        return 0;
    }

    private static string Hash(string schema, GenerationVariant variant, int count)
    {
        var (generator, key) = Create(schema, variant);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var attempts = 0;
        for (var i = 0; i < count; i++)
        {
            var result = generator.Generate(key(i));
            attempts += result.Attempts;
            sha.AppendData(result is Generated generated ? generated.Json : Encoding.UTF8.GetBytes(result.ToString() ?? string.Empty));
            if (result is Generated { Violation: { } violation })
            {
                sha.AppendData(Encoding.UTF8.GetBytes(violation.ToString()));
            }
        }

        return $"{Convert.ToHexString(sha.GetHashAndReset())[..16]} ({attempts} attempts)";
    }

    private static (TargetGenerator Generator, Func<long, PayloadKey> Key) Create(string schema, GenerationVariant variant)
    {
        var loader = new ContractLoader();
        var (contract, targetId) = schema switch
        {
            "payments" => (loader.Load("payments-api.yaml", File.ReadAllBytes(GenerationBenchmarks.SamplePath())), "#/components/schemas/Payment"),
            "nested" => (loader.Load("company.json", Encoding.UTF8.GetBytes(GenerationSchemas.NestedResource)), "#"),
            _ => (loader.Load("tree.json", Encoding.UTF8.GetBytes(GenerationSchemas.RecursiveTree)), "#"),
        };
        var target = contract.GetTarget(targetId);
        var generator = ContractSchemas.CreateTarget(
            contract.Schemas,
            target.SchemaUri,
            new WalkerSettings { Direction = target.Direction, Leaves = new RealismLeafSource(new RealismEngine(new RealismOptions())) },
            new ValidationOptions { Direction = target.Direction });
        return (generator, i => new PayloadKey(contract.Version, target.Id, variant, "bench", string.Empty, string.Empty, i));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
