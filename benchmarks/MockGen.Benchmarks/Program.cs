using BenchmarkDotNet.Running;

// `dotnet run -c Release --project benchmarks/MockGen.Benchmarks -- --filter '*'` runs every benchmark.
// `... -- load [--seconds 60] [--tenants 20] [--stream-mb 1024]` runs the load and soak run (issue 12) instead.
// (Not typeof(Program): the referenced Functions app has a Program of its own.)
if (args.Length > 0 && args[0] == "load")
{
    return await MockGen.Benchmarks.Load.LoadCommand.RunAsync(args[1..]);
}

// `... -- generation-cost [--seconds 5] [--hash 2000]`: CPU time and allocations per gated payload, or the bytes' hashes (issue 9).
if (args.Length > 0 && args[0] == "generation-cost")
{
    return MockGen.Benchmarks.Generation.GenerationCostCommand.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(MockGen.Benchmarks.Pipeline.PipelineRunBenchmarks).Assembly).Run(args);
return 0;
