namespace MockGen.Storage.Tests.Support;

public enum StoreKind
{
    LocalFolder,
    Azurite,
}
