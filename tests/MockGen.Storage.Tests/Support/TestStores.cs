using MockGen.Storage.Stores;

namespace MockGen.Storage.Tests.Support;

/// <summary>Builds a fresh, isolated store of either kind: a new temp folder, or a new Azurite account namespace.</summary>
internal static class TestStores
{
    public static TheoryData<StoreKind> Kinds => new() { StoreKind.LocalFolder, StoreKind.Azurite };

    public static PipelineStore Create(StoreKind kind, AzuriteFixture azurite) => kind switch
    {
        StoreKind.LocalFolder => PipelineStore.LocalFolder(Directory.CreateTempSubdirectory("mockgen-store-").FullName),
        // Azurite is shared by the assembly, so each test uses its own tenant/run names instead of its own account.
        _ => PipelineStore.AzureConnectionString(azurite.ConnectionString),
    };

    private static int s_counter;

    /// <summary>A name unique in this test run, so tests sharing Azurite never see each other's data.</summary>
    public static string Unique(string prefix) => prefix + Interlocked.Increment(ref s_counter).ToString(System.Globalization.CultureInfo.InvariantCulture) + "x" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
