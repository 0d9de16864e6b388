using MockGen.Deployment.Tests.Support;

namespace MockGen.Deployment.Tests.Infra;

/// <summary>Compiles infra/main.bicep once for all <see cref="MainTemplateTests"/> (about 2 s).</summary>
public sealed class MainTemplateFixture : IAsyncLifetime
{
    internal ArmTemplate Template { get; private set; } = null!;

    public async Task InitializeAsync() => Template = await ArmTemplate.CompileAsync(Path.Combine(Locations.Infra, "main.bicep"));

    public Task DisposeAsync() => Task.CompletedTask;
}
