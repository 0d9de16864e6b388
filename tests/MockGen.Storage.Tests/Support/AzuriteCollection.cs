namespace MockGen.Storage.Tests.Support;

/// <summary>All tests that need Azurite share one instance per assembly run.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
