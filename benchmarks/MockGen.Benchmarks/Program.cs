using BenchmarkDotNet.Running;

// `dotnet run -c Release --project benchmarks/MockGen.Benchmarks -- --filter '*'` runs every benchmark.
// (Not typeof(Program): the referenced Functions app has a Program of its own.)
BenchmarkSwitcher.FromAssembly(typeof(MockGen.Benchmarks.Pipeline.PipelineRunBenchmarks).Assembly).Run(args);
