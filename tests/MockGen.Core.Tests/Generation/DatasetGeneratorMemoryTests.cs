using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;

namespace MockGen.Core.Tests.Generation;

[Collection(SerialGenerationCollection.Name)]
public sealed class DatasetGeneratorMemoryTests
{
    [Fact]
    public void Generate_LargeCount_MemoryDoesNotGrowWithCount()
    {
        var contract = GenerationFixtures.LoadOrders();
        var target = contract.Targets.First(t => t.JsonPointer.Length == 0);
        long HeapAfter(long count)
        {
            using var writer = new DatasetWriter(Stream.Null, OutputFormat.Ndjson);
            new DatasetGenerator(new GenerationOptions { Count = count, Parallelism = 2 }).Generate(contract, [target], writer);
            writer.Complete();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return GC.GetTotalMemory(forceFullCollection: true);
        }

        var small = HeapAfter(300);
        var large = HeapAfter(6_000);
        // Nothing per payload survives the run: 20x the payloads may not cost more than a few MB of heap.
        Assert.True(large - small < 8 * 1024 * 1024, $"heap grew from {small} to {large} bytes");
    }
}
