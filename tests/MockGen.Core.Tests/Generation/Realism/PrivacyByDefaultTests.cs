using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;
using MockGen.Core.Generation.Realism;
using MockGen.Core.Tests.Enrichment;
using MockGen.Core.Tests.Suite;

namespace MockGen.Core.Tests.Generation.Realism;

/// <summary>
/// Privacy by default (issue 10): no generated email, card number, phone, IBAN or SSN falls outside the synthetic
/// ranges unless a run opts into lifelike data. The oracle below is written independently of
/// <see cref="SyntheticRanges"/> (its own lists and checks), so the generator cannot grade its own homework.
/// </summary>
public sealed class PrivacyByDefaultTests
{
    private static readonly GenerationVariant[] NonNegative = [GenerationVariant.Typical, GenerationVariant.Minimal, GenerationVariant.Maximal, GenerationVariant.Boundary];

    [Fact]
    public void Generate_SampleContract_EveryPersonalValueIsInASafeRange()
    {
        var findings = new List<string>();
        var seen = new SeenKinds();
        foreach (var seed in new[] { "1", "2", "3" })
        {
            foreach (var (pointer, name, text) in StringLeaves(Generate(LoadSample(), seed, count: 40, realism: null)))
            {
                seen.Note(name, text);
                if (SafeRangeOracle.Problem(name, text) is { } problem)
                {
                    findings.Add($"seed {seed} {pointer}: {problem}");
                }
            }
        }

        Assert.True(findings.Count == 0, string.Join('\n', findings.Take(20)));

        // The property is not vacuous: the sample's emails, phones, card numbers, IBANs and tokens were all generated.
        Assert.True(seen.Emails > 50 && seen.Phones > 20 && seen.Cards > 20 && seen.Ibans > 20 && seen.Tokens > 20, seen.ToString());
    }

    [Fact]
    public void Generate_SuiteSchemas_EveryPersonalValueIsInASafeRange()
    {
        var findings = new List<string>();
        var emails = 0;
        foreach (var optional in new[] { false, true })
        {
            foreach (var file in SuiteLoader.FileNames("draft2020-12", optional))
            {
                foreach (var group in SuiteLoader.Load("draft2020-12", file).GroupBy(c => c.GroupIndex))
                {
                    if (!group.Any(c => c.Valid) || group.First().Schema.GetRawText().Contains("http://localhost:1234", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    Contract contract;
                    try
                    {
                        contract = new ContractLoader().Load(file.Replace('/', '-') + "-" + group.Key.ToString(CultureInfo.InvariantCulture) + ".json", Encoding.UTF8.GetBytes(group.First().Schema.GetRawText()));
                    }
                    catch (ContractException)
                    {
                        continue;
                    }

                    foreach (var (pointer, name, text) in StringLeaves(Generate(contract, "5", count: 5, realism: null, rootOnly: true)))
                    {
                        emails += text.Contains('@', StringComparison.Ordinal) ? 1 : 0;
                        if (SafeRangeOracle.Problem(name, text) is { } problem)
                        {
                            findings.Add($"{file}/{group.Key} {pointer}: {problem}");
                        }
                    }
                }
            }
        }

        Assert.True(findings.Count == 0, string.Join('\n', findings.Take(20)));
        Assert.True(emails > 20, $"only {emails} emails generated for the suite's format schemas");
    }

    [Fact]
    public void Generate_LifelikeOptIn_RestoresEverydayDomainsAndPhones()
    {
        var synthetic = new SeenKinds();
        var lifelike = new SeenKinds();
        foreach (var (_, name, text) in StringLeaves(Generate(LoadSample(), "1", count: 40, realism: null)))
        {
            synthetic.Note(name, text);
        }

        foreach (var (_, name, text) in StringLeaves(Generate(LoadSample(), "1", count: 40, realism: RealismLevel.Lifelike)))
        {
            lifelike.Note(name, text);
        }

        Assert.All(synthetic.Domains, d => Assert.True(SafeRangeOracle.IsReservedDomain(d), d));
        var everyday = lifelike.Domains.Where(d => !SafeRangeOracle.IsReservedDomain(d)).ToList();
        Assert.True(everyday.Count >= 3, "lifelike domains: " + string.Join(", ", lifelike.Domains));
        Assert.Contains(lifelike.PhoneValues, p => SafeRangeOracle.Problem("phone", p) is not null);
        Assert.Contains(lifelike.IbanValues, i => SafeRangeOracle.Problem("iban", i) is not null);

        // Card numbers and tokens are sensitive by name: synthetic even in a lifelike run.
        Assert.All(lifelike.CardValues, c => Assert.Null(SafeRangeOracle.Problem("number", c)));
    }

    [Fact]
    public void Generate_LifelikeProfile_EqualsTheLifelikeOption()
    {
        var profile = RealismProfile.Parse("""{"realism": "lifelike"}""", "profile.json");
        var byProfile = Generate(LoadSample(), "4", count: 10, realism: null, profile: profile);
        var byOption = Generate(LoadSample(), "4", count: 10, realism: RealismLevel.Lifelike);
        Assert.Equal(byOption, byProfile);
        Assert.NotEqual(byOption, Generate(LoadSample(), "4", count: 10, realism: null));
    }

    [Theory]
    [InlineData("""{"type": "string", "x-mockgen": {"sensitive": true}, "examples": ["sk_live_51Habc"], "default": "sk_live_51Habc"}""", "note")]
    [InlineData("""{"type": "string", "examples": ["hunter2-real-password"], "default": "hunter2-real-password"}""", "db_password")]
    [InlineData("""{"type": "string", "examples": ["ghp_realtoken000000000"]}""", "accessToken")]
    [InlineData("""{"type": "string", "examples": ["4000 0566 5566 5556"]}""", "card_number")]
    [InlineData("""{"type": "string", "examples": ["123-45-6789"]}""", "ssn")]
    public void Generate_SensitiveField_NeverEchoesExamplesOrDefaults(string property, string name)
    {
        var contract = GenerationFixtures.Load(
            "secret.json",
            "{\"type\": \"object\", \"required\": [\"" + name + "\", \"label\"], \"additionalProperties\": false, \"properties\": {\""
            + name + "\": " + property + ", \"label\": {\"type\": \"string\", \"examples\": [\"echoed\"]}}}");
        var values = Payloads(Generate(contract, "1", count: 60, realism: RealismLevel.Lifelike, rootOnly: true)).ToList();
        var example = JsonDocument.Parse(property).RootElement.GetProperty("examples")[0].GetString();
        Assert.DoesNotContain(values, p => p.GetProperty(name).GetString() == example);

        // The control: a field that is not sensitive does echo its example now and then.
        Assert.Contains(values, p => p.GetProperty("label").GetString() == "echoed");
    }

    [Fact]
    public void Parse_ProfileRealismAndSensitiveHint_AreReadAndCheckedWithTheirPointer()
    {
        var profile = RealismProfile.Parse("""{"realism": "synthetic", "properties": {"note": {"sensitive": true}}}""", "p.json");
        Assert.Equal(RealismLevel.Synthetic, profile.Realism);
        Assert.True(new RealismEngine(new RealismOptions { Profile = profile }).IsSensitive("/note", "note", null));
        Assert.False(new RealismEngine(new RealismOptions { Profile = profile }).IsSensitive("/label", "label", null));

        var badLevel = Assert.Throws<RealismConfigurationException>(() => RealismProfile.Parse("""{"realism": "real"}""", "p.json"));
        Assert.Contains("p.json#/realism", badLevel.Message, StringComparison.Ordinal);
        Assert.Contains("\"lifelike\"", badLevel.Message, StringComparison.Ordinal);
        var badFlag = Assert.Throws<RealismConfigurationException>(() => RealismProfile.Parse("""{"properties": {"note": {"sensitive": "yes"}}}""", "p.json"));
        Assert.Contains("p.json#/properties/note/sensitive", badFlag.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SyntheticValues_EveryShape_IsRecognisedAsSyntheticByBothCheckers()
    {
        for (var i = 0; i < 200; i++)
        {
            var rng = MockGen.Core.Generation.Random.Prng.FromParts("privacy", i.ToString(CultureInfo.InvariantCulture));
            foreach (var phone in SyntheticValues.FictionalPhones(rng, i % 2 == 0 ? "en" : "en_GB"))
            {
                Assert.Null(SafeRangeOracle.Problem("phone", phone));
            }

            foreach (var ssn in SyntheticValues.FictionalSsns(rng))
            {
                Assert.Null(SafeRangeOracle.Problem("ssn", ssn));
                Assert.False(SyntheticRanges.LooksReal(ssn), ssn);
            }

            var iban = IbanGenerator.Generate(rng);
            Assert.True(IbanGenerator.IsValid(iban), iban);
            Assert.Null(SafeRangeOracle.Problem("iban", iban));
            Assert.False(SyntheticRanges.LooksReal(iban), iban);
        }

        Assert.All(SyntheticValues.TestCards, c => Assert.True(SyntheticRanges.IsLuhnValid(c), c));
        Assert.True(SyntheticRanges.LooksReal("4556737586899855"));   // Luhn-valid, not a published test number
        Assert.True(SyntheticRanges.LooksReal("jane.doe@gmail.com"));
        Assert.False(SyntheticRanges.LooksReal("jane.doe@acme.example"));
        Assert.True(SyntheticRanges.LooksReal("DE44500105175407324931"));   // checksum-valid with a real bank code
    }

    private static Contract LoadSample() =>
        new ContractLoader().Load("payments-api.yaml", File.ReadAllBytes(Path.Combine(StrictFixtures.RepositoryRoot(), "samples", "payments-api.yaml")));

    private static byte[] Generate(Contract contract, string seed, int count, RealismLevel? realism, bool rootOnly = false, RealismProfile? profile = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            var options = new GenerationOptions { Seed = seed, Count = count, Variants = NonNegative, Realism = realism, Profile = profile };
            new DatasetGenerator(options).Generate(contract, rootOnly ? [contract.Targets.First(t => t.JsonPointer.Length == 0)] : null, writer);
            writer.Complete();
        }

        return stream.ToArray();
    }

    private static IEnumerable<JsonElement> Payloads(byte[] dataset)
    {
        foreach (var line in Encoding.UTF8.GetString(dataset).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var record = JsonDocument.Parse(line);
            if (record.RootElement.TryGetProperty("payload", out var payload))
            {
                yield return payload.Clone();
            }
        }
    }

    private static IEnumerable<(string Pointer, string? Name, string Text)> StringLeaves(byte[] dataset)
    {
        foreach (var payload in Payloads(dataset))
        {
            foreach (var leaf in Walk(payload, string.Empty, null))
            {
                yield return leaf;
            }
        }
    }

    private static IEnumerable<(string, string?, string)> Walk(JsonElement value, string pointer, string? name)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                yield return (pointer, name, value.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var p in value.EnumerateObject())
                {
                    foreach (var leaf in Walk(p.Value, pointer + "/" + p.Name, p.Name))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    foreach (var leaf in Walk(item, pointer + "/" + (i++).ToString(CultureInfo.InvariantCulture), name))
                    {
                        yield return leaf;
                    }
                }

                break;
        }
    }

    private sealed class SeenKinds
    {
        public int Emails { get; private set; }

        public int Phones => PhoneValues.Count;

        public int Cards => CardValues.Count;

        public int Ibans => IbanValues.Count;

        public int Tokens { get; private set; }

        public SortedSet<string> Domains { get; } = new(StringComparer.Ordinal);

        public List<string> PhoneValues { get; } = [];

        public List<string> CardValues { get; } = [];

        public List<string> IbanValues { get; } = [];

        public void Note(string? name, string text)
        {
            if (text.LastIndexOf('@') is var at and > 0)
            {
                Emails++;
                Domains.Add(text[(at + 1)..]);
            }

            switch (name)
            {
                case "phone": PhoneValues.Add(text); break;
                case "number": CardValues.Add(text); break;
                case "iban": IbanValues.Add(text); break;
                case "token": Tokens++; break;
            }
        }

        public override string ToString() => $"emails {Emails}, phones {Phones}, cards {Cards}, ibans {Ibans}, tokens {Tokens}";
    }

    /// <summary>The test's own reading of the safe ranges, from the RFCs, the card processors' and regulators' lists.</summary>
    private static class SafeRangeOracle
    {
        private static readonly string[] PublishedTestCards =
        [
            "4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556", "5555555555554444",
            "5105105105105100", "2223003122003222", "5200828282828210", "378282246310005", "371449635398431",
            "6011111111111117", "6011000990139424", "3056930009020004", "3566002020360505", "6200000000000005",
        ];

        // Bank identifier offset in the BBAN, length, and the test code ("0" repeated, or "WEST").
        private static readonly Dictionary<string, (int Offset, string Code)> TestBanks = new(StringComparer.Ordinal)
        {
            ["DE"] = (0, "00000000"), ["FR"] = (0, "00000"), ["GB"] = (0, "WEST"), ["NL"] = (0, "WEST"), ["ES"] = (0, "0000"),
            ["IT"] = (1, "00000"), ["BE"] = (0, "000"), ["AT"] = (0, "00000"), ["CH"] = (0, "00000"), ["IE"] = (0, "WEST"),
            ["PT"] = (0, "0000"), ["PL"] = (0, "00000000"), ["SE"] = (0, "000"), ["LU"] = (0, "000"),
        };

        public static bool IsReservedDomain(string domain)
        {
            var d = domain.ToLowerInvariant();
            var labels = d.Split('.');
            var tld = labels[^1];
            var second = labels.Length >= 2 ? labels[^2] + "." + tld : tld;
            return tld is "test" or "example" or "invalid" or "localhost" || second is "example.com" or "example.org" or "example.net";
        }

        public static string? Problem(string? name, string text)
        {
            var at = text.LastIndexOf('@');
            if (at > 0 && text.IndexOf(' ', StringComparison.Ordinal) < 0 && !IsReservedDomain(text[(at + 1)..]))
            {
                return $"email {text} is not in a reserved domain";
            }

            var digits = new string([.. text.Where(char.IsAsciiDigit)]);
            var onlyDigitsAndSeparators = text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-');
            if (onlyDigitsAndSeparators && digits.Length is >= 13 and <= 19 && Luhn(digits) && !PublishedTestCards.Contains(digits))
            {
                return $"card-like {text} is Luhn-valid and not a published test number";
            }

            if (text.Length == 11 && text[3] == '-' && text[6] == '-' && digits.Length == 9 && !(digits[..3] is "000" or "666" || digits[0] == '9'))
            {
                return $"SSN-like {text} is in an issued area";
            }

            if (text.Length is >= 15 and <= 34 && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1]) && text.All(char.IsAsciiLetterOrDigit)
                && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3]) && Mod97(text) == 1
                && !(TestBanks.TryGetValue(text[..2], out var bank) && text.AsSpan(4 + bank.Offset).StartsWith(bank.Code, StringComparison.Ordinal)))
            {
                return $"IBAN {text} is checksum-valid with a bank code that is not a test code";
            }

            var phoneNamed = name is not null && (name.Contains("phone", StringComparison.OrdinalIgnoreCase) || name.Contains("mobile", StringComparison.OrdinalIgnoreCase) || name is "fax" or "tel");
            if (phoneNamed && digits.Length >= 10 && !(digits.Contains("55501", StringComparison.Ordinal) || digits.Contains("7700900", StringComparison.Ordinal) || digits.Contains("2079460", StringComparison.Ordinal)))
            {
                return $"phone {text} is not in NANP 555-01xx or an Ofcom drama range";
            }

            return null;
        }

        private static bool Luhn(string digits)
        {
            var sum = 0;
            for (var i = 0; i < digits.Length; i++)
            {
                var d = digits[digits.Length - 1 - i] - '0';
                sum += i % 2 == 1 ? (d * 2) % 9 + (d == 9 ? 9 : 0) : d;
            }

            return sum % 10 == 0;
        }

        private static int Mod97(string iban)
        {
            var rearranged = iban[4..] + iban[..4];
            var number = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
            return (int)(BigInteger.Parse(number, CultureInfo.InvariantCulture) % 97);
        }
    }
}
