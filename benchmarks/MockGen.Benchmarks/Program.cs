using BenchmarkDotNet.Running;

// `dotnet run -c Release --project benchmarks/MockGen.Benchmarks -- --filter '*'` runs every benchmark.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
