using System.Text;
using CsCheck;

namespace MockGen.Fuzz.Tests.Support;

/// <summary>
/// Text mutations of well-formed seeds (the way a fuzzer's havoc stage works, but seeded and shrinkable):
/// spans deleted, duplicated or replaced, and tokens inserted that matter to JSON, YAML, OpenAPI and JSON Schema.
/// </summary>
internal static class Mutations
{
    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "\"", ":", ",", "\n", "\n  ", "\t", " ", "-", "- ", "? ", "|", ">", "#", "&a ", "*a", "<<: *a", "!!binary ", "!!str ",
        "%YAML 1.2\n---\n", "---\n", "...\n", "null", "true", "~", "1e999999", "-0", "0.1e-400", "123456789012345678901234567890",
        "\"\\ud800\"", "\"\\u0000\"", "\\", "\"$ref\": \"#\"", "\"$ref\": \"#/components/schemas/Missing\"", "$ref: '#'", "\"$ref\": \"../x.json\"",
        "\"$ref\": \"http://127.0.0.1:1/x\"", "\"$id\": \"urn:x\"", "\"$dynamicRef\": \"#meta\"", "\"$anchor\": \"a\"", "\"type\": \"object\"",
        "\"allOf\": [", "\"oneOf\": [{}, {}]", "\"pattern\": \"^(a+)+$\"", "\"format\": \"date-time\"", "\"enum\": []", "\"required\": [\"a\"]",
        "\"minimum\": 10, \"maximum\": 1", "\"multipleOf\": 0", "\"items\": false", "\"nullable\": true", "\"discriminator\": {\"propertyName\": \"k\"}",
        "é", "😀", "\u2028", "\uFEFF",
    ];

    /// <summary>One of the seeds with one to eight mutations.</summary>
    public static Gen<string> Of(IReadOnlyList<string> seeds) =>
        Gen.Select(Gen.Int[0, seeds.Count - 1], Mutation.Array[1, 8], (i, ms) =>
        {
            var text = new StringBuilder(seeds[i]);
            foreach (var m in ms)
            {
                m(text);
            }

            return text.ToString();
        });

    private static readonly Gen<Action<StringBuilder>> Mutation = Gen.OneOf(
        Gen.Select(Gen.Double[0, 1], Gen.Int[1, 64], (at, length) => (Action<StringBuilder>)(s =>
        {
            var start = (int)(at * s.Length);
            s.Remove(start, Math.Min(length, s.Length - start));
        })),
        Gen.Select(Gen.Double[0, 1], Gen.OneOfConst(Tokens), (at, token) => (Action<StringBuilder>)(s => s.Insert((int)(at * s.Length), token))),
        Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[1, 200], Gen.Int[1, 4], (from, to, length, times) => (Action<StringBuilder>)(s =>
        {
            var start = (int)(from * s.Length);
            var span = s.ToString(start, Math.Min(length, s.Length - start));
            var at = (int)(to * s.Length);
            for (var i = 0; i < times; i++)
            {
                s.Insert(at, span);
            }
        })),
        Gen.Select(Gen.Double[0, 1], Gen.Char, (at, c) => (Action<StringBuilder>)(s =>
        {
            if (s.Length > 0)
            {
                s[Math.Min((int)(at * s.Length), s.Length - 1)] = c;
            }
        })));
}
