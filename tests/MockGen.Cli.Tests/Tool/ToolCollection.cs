using MockGen.Cli.Tests.Pull;

namespace MockGen.Cli.Tests.Tool;

/// <summary>
/// Tests of the packed, installed tool: one pack for all of them, and their own <c>serve</c> (its store is tampered
/// with by a test, so it is not the pull tests' server).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ToolCollection : ICollectionFixture<ToolPackageFixture>, ICollectionFixture<ServeFixture>
{
    public const string Name = "installed tool";
}
