using MockGen.Ai.Cassettes;
using MockGen.Storage.Stores;

namespace MockGen.Ai.Tests.Support;

/// <summary>A local folder store a test owns (the same store abstraction Blob implements), deleted afterwards.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Root = Path.Combine(Path.GetTempPath(), "mockgen-ai-tests", Path.GetRandomFileName());
        Store = PipelineStore.LocalFolder(Root);
        Cassettes = new CassetteStore(Store.Blobs);
    }

    public string Root { get; }

    public PipelineStore Store { get; }

    public CassetteStore Cassettes { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
