using MockGen.Storage.Stores;

namespace MockGen.Storage.Tests.Support;

internal static class PipelineStoreFactory
{
    public static PipelineStore Local() => PipelineStore.LocalFolder(Directory.CreateTempSubdirectory("mockgen-store-").FullName);
}
