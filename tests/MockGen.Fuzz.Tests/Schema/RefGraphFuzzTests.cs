using System.Text;
using System.Text.Json;
using CsCheck;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Fuzz.Tests.Contracts;
using MockGen.Fuzz.Tests.Support;
using Xunit.Abstractions;

namespace MockGen.Fuzz.Tests.Schema;

/// <summary>
/// Issue 12, hostile input: <c>$ref</c>/<c>$id</c> graphs (random cycles through every applicator, <c>$id</c>-scoped
/// and anchor references, dangling pointers, <c>$dynamicRef</c>) and chains tens of thousands deep. Loading gives a
/// contract or a <see cref="ContractException"/>; validation of shallow and very deep instances gives a verdict;
/// generation gives payloads its validator accepts or error records. No stack overflow, no hang.
/// </summary>
public sealed class RefGraphFuzzTests(ITestOutputHelper output)
{
    private static readonly Gen<string> Instance = Gen.OneOf(
        Gen.OneOfConst("null", "1", "\"a\"", "[]", "{}", "[1,[2,[3]]]", "{\"a\":{\"a\":{\"a\":1}}}", "{\"a\":[{\"a\":{}}],\"c\":{\"c\":{}}}"),
        Gen.Select(Gen.Int[10, 20_000], Gen.Bool, (depth, objects) => objects
            ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
            : new string('[', depth) + new string(']', depth)));

    [Fact]
    public void LoadValidateGenerate_RandomRefGraph_BoundedAnswer()
    {
        FuzzRun.Sample(output, "ref-graphs", Gen.Select(RandomDocuments.RefGraph, Instance.Array[1, 3]), c => Check(c.Item1, c.Item2), c => c.Item1 + " | " + string.Join(" | ", c.Item2.Select(HostileCase.Describe)));
    }

    [Fact]
    public void LoadValidateGenerate_DeepChain_BoundedAnswer()
    {
        FuzzRun.Sample(output, "deep-chains", Gen.Select(RandomDocuments.DeepChain, Instance), c => Check(c.Item1, [c.Item2]), c => HostileCase.Describe(c.Item1) + " | " + HostileCase.Describe(c.Item2));
    }

    private static void Check(string schema, string[] instances) =>
        HostileCase.Run(
            schema,
            () =>
            {
                var contract = new ContractLoader().Load("root.json", Encoding.UTF8.GetBytes(schema));
                var root = contract.Targets.First(t => t.JsonPointer.Length == 0);
                foreach (var text in instances)
                {
                    using var instance = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 30_000 });
                    _ = contract.Validate(root, instance.RootElement).IsValid;
                }

                ContractLoadingFuzzTests.GenerateAndValidate(contract);
            },
            typeof(ContractException),
            typeof(GenerationException));
}
