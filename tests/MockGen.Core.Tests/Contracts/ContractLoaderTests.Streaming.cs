using System.Runtime.CompilerServices;
using System.Text.Json;
using MockGen.Core.Contracts;

namespace MockGen.Core.Tests.Contracts;

/// <summary>
/// A folder's contracts are loaded one at a time, when the caller reaches them, and nothing keeps the earlier ones:
/// a folder run's peak memory is that of its largest contract, not of the folder (issue 9: 158 OpenAPI documents took
/// 1.5 GB when loaded up front).
/// </summary>
public sealed partial class ContractLoaderTests
{
    [Fact]
    public async Task EnumerateFolderAsync_LoadsEachContractOnlyWhenTheCallerReachesIt()
    {
        using var folder = new TempFolder();
        folder.Write("a.json", """{"type":"integer"}""");
        var b = folder.Write("b.json", """{"type":"integer"}""");

        var seen = new List<bool>();
        await foreach (var entry in new ContractLoader().EnumerateFolderAsync(folder.Path))
        {
            var contract = Assert.IsType<Contract>(entry.Contract);
            seen.Add(contract.Validate(contract.Targets[0], JsonDocument.Parse("\"text\"").RootElement).IsValid);
            if (entry.Name == "a.json")
            {
                // Changed after the first contract was handed out: the second is read only now, so it sees the change.
                await File.WriteAllTextAsync(b, """{"type":"string"}""");
            }
        }

        Assert.Equal([false, true], seen);
    }

    [Fact]
    public async Task EnumerateFolderAsync_HoldsNoEarlierContractWhileTheNextIsUsed()
    {
        using var folder = new TempFolder();
        for (var i = 0; i < 4; i++)
        {
            folder.Write($"c{i}.json", """{"type":"object","properties":{"id":{"type":"integer"}}}""");
        }

        var earlier = new List<WeakReference>();
        var alive = new List<int>();
        await foreach (var entry in new ContractLoader().EnumerateFolderAsync(folder.Path))
        {
            CollectEverything();
            alive.Add(earlier.Count(w => w.IsAlive));
            earlier.Add(Track(entry));
        }

        Assert.Equal([0, 0, 0, 0], alive);
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"b":{"$ref":"b.json"}}}""")]
    // Written with an escape, the keyword is invisible to the first pass's text check: it must parse such a file.
    [InlineData("""{"type":"object","properties":{"b":{"\u0024ref":"b.json"}}}""")]
    [InlineData("""{"type":"object","properties":{"b":{"$ref" : "./b.json#/$defs/x"}}}""")]
    public async Task EnumerateFolderAsync_JsonFileReferencedByAnother_IsAPartNotAContract(string a)
    {
        using var folder = new TempFolder();
        folder.Write("a.json", a);
        folder.Write("b.json", """{"type":"integer","$defs":{"x":{"type":"string"}}}""");
        folder.Write("c.json", """{"type":"object","properties":{"local":{"$ref":"#/$defs/n"}},"$defs":{"n":{"type":"integer"}}}""");

        var names = new List<string>();
        await foreach (var entry in new ContractLoader().EnumerateFolderAsync(folder.Path))
        {
            names.Add(entry.Name);
        }

        Assert.Equal(["a.json", "c.json"], names);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference Track(ContractFolderEntry entry) => new(entry.Contract);

    private static void CollectEverything()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
