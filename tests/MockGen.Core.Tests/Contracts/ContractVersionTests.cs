using System.Security.Cryptography;
using System.Text;
using MockGen.Core.Contracts;

namespace MockGen.Core.Tests.Contracts;

public sealed class ContractVersionTests
{
    [Fact]
    public async Task Version_SingleFile_IsSha256OfCanonicalBytes()
    {
        using var folder = new TempFolder();
        var path = folder.Write("petstore.yaml", ContractFixtures.Petstore30Yaml);

        var contract = await new ContractLoader().LoadAsync(path);

        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ContractFixtures.Petstore30Yaml)));
        Assert.Equal(expected, contract.Version);
    }

    [Fact]
    public async Task Version_SameContentDifferentLineEndingsBomOrFileName_IsStable()
    {
        using var folder = new TempFolder();
        var lf = folder.Write("a/petstore.yaml", ContractFixtures.Petstore30Yaml);
        var crlf = folder.Write("b/renamed.yaml", ContractFixtures.Petstore30Yaml.Replace("\n", "\r\n", StringComparison.Ordinal));
        var bom = Path.Combine(folder.Path, "c.yaml");
        await File.WriteAllTextAsync(bom, ContractFixtures.Petstore30Yaml, new UTF8Encoding(true));
        var loader = new ContractLoader();

        var versions = new[] { (await loader.LoadAsync(lf)).Version, (await loader.LoadAsync(crlf)).Version, (await loader.LoadAsync(bom)).Version };

        Assert.Single(versions.Distinct());
        Assert.Matches("^sha256:[0-9a-f]{64}$", versions[0]);
    }

    [Fact]
    public async Task Version_AnyChange_GivesANewVersion()
    {
        using var folder = new TempFolder();
        var loader = new ContractLoader();
        var original = (await loader.LoadAsync(folder.Write("a.yaml", ContractFixtures.Petstore30Yaml))).Version;
        var changed = (await loader.LoadAsync(folder.Write("b.yaml", ContractFixtures.Petstore30Yaml.Replace("maxLength: 50", "maxLength: 51", StringComparison.Ordinal)))).Version;

        Assert.NotEqual(original, changed);
    }

    [Fact]
    public async Task Version_MultiFile_CoversEveryFile()
    {
        using var folder = new TempFolder();
        folder.Write("openapi.yaml", ContractFixtures.MultiFileRoot);
        folder.Write("schemas/pet.yaml", ContractFixtures.MultiFilePet);
        var common = folder.Write("schemas/common.json", ContractFixtures.MultiFileCommon);
        folder.Write("bodies.yaml", ContractFixtures.MultiFileBodies);
        var loader = new ContractLoader();
        var root = Path.Combine(folder.Path, "openapi.yaml");

        var first = await loader.LoadAsync(root);
        var again = await loader.LoadAsync(root);
        await File.WriteAllTextAsync(common, ContractFixtures.MultiFileCommon.Replace("\"minimum\": 1", "\"minimum\": 2", StringComparison.Ordinal));
        var edited = await loader.LoadAsync(root);

        Assert.Equal(first.Version, again.Version);
        Assert.NotEqual(first.Version, edited.Version);
        var rootOnly = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ContractFixtures.MultiFileRoot)));
        Assert.NotEqual(rootOnly, first.Version);
    }
}
