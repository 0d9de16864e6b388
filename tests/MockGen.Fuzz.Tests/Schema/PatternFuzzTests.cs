using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Fuzz.Tests.Contracts;
using MockGen.Fuzz.Tests.Support;
using Xunit.Abstractions;

namespace MockGen.Fuzz.Tests.Schema;

/// <summary>
/// Issue 12, hostile input: ECMA-262 patterns built from the grammar's pieces (classes, Unicode properties, groups,
/// lookarounds, backreferences, quantifiers up to 100,000, broken syntax) and the classic catastrophic ones, in
/// <c>pattern</c> and <c>patternProperties</c>. The pattern translator and compiler accept or refuse
/// (<see cref="ContractException"/>); the pattern generator's payloads pass the validator; matching the strings that
/// make backtracking engines explode ends within the case bound.
/// </summary>
public sealed class PatternFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Pieces =
    [
        "a", "b", "z", "0", ".", "\\d", "\\w", "\\s", "\\D", "\\W", "\\S", "[a-z]", "[^a]", "[\\d-x]", "[\\u0000-\\uFFFF]", "[]", "[^]",
        "\\p{L}", "\\p{Letter}", "\\P{Lu}", "\\p{Script=Greek}", "\\p{Nope}", "\\u{1F600}", "\\uD83D\\uDE00", "\\x41", "\\cJ", "\\0", "\\/",
        "(", ")", "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?<n>", "\\k<n>", "\\1", "\\2", "|", "*", "+", "?", "{2}", "{1,3}", "{0,}", "{1000}",
        "{100000}", "{2,1}", "*?", "+?", "^", "$", "\\b", "\\B", "[", "]", "\\", "{", "}", "-", "😀", "é",
    ];

    private static readonly string[] Catastrophic =
    [
        "^(a+)+$", "^(a|a)*$", "^(a|aa)+$", "(.*a){12}", "^(\\w+\\s?)*$", "(a*)*b", "^(([a-z])+.)+[A-Z]([a-z])+$", "(x+x+)+y",
        "^(a?){30}a{30}$", "^(\\d+)*$", "((a+)+)+c", "^(.*?,){30}P", "(\\1?a)+$", "^(?=(a+))\\1*b",
    ];

    private static readonly Gen<string> Pattern = Gen.Frequency(
        (3, Gen.OneOfConst(Pieces).Array[1, 16].Select(string.Concat)),
        (1, Gen.OneOfConst(Catastrophic)));

    private static readonly Gen<string> Subject = Gen.OneOf(
        Gen.Select(Gen.Int[1, 5_000], Gen.OneOfConst("!", "b", "", ",", "1a"), (n, tail) => new string('a', n) + tail),
        Gen.Select(Gen.Int[1, 2_000], n => string.Concat(Enumerable.Repeat("x", n)) + "z"),
        Gen.OneOfConst("a", "0", " ", ",", "!", "Z", "é", "😀", "\n").Array[0, 60].Select(string.Concat));

    [Fact]
    public void CompileGenerateMatch_HostilePattern_BoundedAnswer()
    {
        FuzzRun.Sample(output, "patterns", Gen.Select(Pattern, Gen.Bool, Subject.Array[1, 3]), c => Check(c.Item1, c.Item2, c.Item3), c => $"{c.Item1} ({(c.Item2 ? "patternProperties" : "pattern")}) on {string.Join(" | ", c.Item3.Select(HostileCase.Describe))}");
    }

    private static void Check(string pattern, bool asPropertyName, string[] subjects)
    {
        var schema = asPropertyName
            ? new JsonObject { ["type"] = "object", ["patternProperties"] = new JsonObject { [pattern] = new JsonObject { ["type"] = "integer" } }, ["additionalProperties"] = false, ["minProperties"] = 1 }
            : new JsonObject { ["type"] = "string", ["pattern"] = pattern };
        var text = schema.ToJsonString();
        HostileCase.Run(
            text,
            () =>
            {
                var contract = new ContractLoader().Load("p.json", Encoding.UTF8.GetBytes(text));
                var root = contract.Targets.First(t => t.JsonPointer.Length == 0);
                foreach (var subject in subjects)
                {
                    var instance = asPropertyName ? new JsonObject { [subject] = 1 } : (JsonNode)JsonValue.Create(subject);
                    using var document = JsonDocument.Parse(instance.ToJsonString());
                    _ = contract.Validate(root, document.RootElement).IsValid;
                }

                ContractLoadingFuzzTests.GenerateAndValidate(contract);
            },
            typeof(ContractException),
            typeof(GenerationException));
    }
}
