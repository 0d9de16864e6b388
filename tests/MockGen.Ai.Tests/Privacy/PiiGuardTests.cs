using System.Text.Json.Nodes;
using MockGen.Ai.Privacy;

namespace MockGen.Ai.Tests.Privacy;

public sealed class PiiGuardTests
{
    private readonly PiiGuard _guard = new(["Contoso Secret"]);

    [Theory]
    [InlineData("mail jane.doe@gmail.com now", "mail jane.doe@example.com now", PiiKind.Email)]
    [InlineData("card 4539 1488 0343 6467", "card 4111 1111 1111 1111", PiiKind.CardNumber)]
    [InlineData("4539148803436467", "4111111111111111", PiiKind.CardNumber)]
    [InlineData("ssn 123-45-6789", "ssn 987-65-4329", PiiKind.NationalId)]
    [InlineData("call +1 415 867 5309", "call +1-202-555-0109", PiiKind.Phone)]
    [InlineData("+4915123456789", "+1-202-555-0189", PiiKind.Phone)]
    [InlineData("NL91ABNA0417164300", "GB82WEST12345698765432", PiiKind.Iban)]
    [InlineData("pay to DE44500105175407324931", "pay to GB82WEST12345698765432", PiiKind.Iban)]
    [InlineData("the Contoso secret plan", "the Example plan", PiiKind.DenyListed)]
    public void Mask_RealLookingData_IsReplacedAndCounted(string value, string expected, PiiKind kind)
    {
        var findings = new List<PiiKind>();

        Assert.Equal(expected, _guard.Mask(value, findings));
        Assert.Equal([kind], findings);
    }

    [Theory]
    [InlineData("jane@example.com")]
    [InlineData("ops@billing.example.org")]
    [InlineData("x@host.test")]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4242424242424242")]
    [InlineData("4539 1488 0343 6468")] // fails Luhn: not a card
    [InlineData("+1-202-555-0143")]
    [InlineData("987-65-4321")]
    [InlineData("666-12-3456")]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("2024-05-01 10:30")]
    [InlineData("Invoice INV-2024-000123 for order 77812")]
    public void Mask_FictionalOrReservedData_IsKept(string value)
    {
        var findings = new List<PiiKind>();

        Assert.Equal(value, _guard.Mask(value, findings));
        Assert.Empty(findings);
    }

    [Fact]
    public void MaskTree_MasksValuesAndNames_LeavesInputAlone_FirstOfCollidingNamesWins()
    {
        var input = JsonNode.Parse("""
            {"contact":{"jane.doe@gmail.com":"primary","ops@example.com":"x","jane.doe@yahoo.com":"second"},
             "cards":["4539 1488 0343 6467",42,true,null],"note":"call +1 415 867 5309"}
            """)!;
        var before = input.ToJsonString();
        var findings = new List<PiiKind>();

        var masked = _guard.MaskTree(input, findings)!;

        Assert.Equal(before, input.ToJsonString());
        var text = masked.ToJsonString();
        Assert.DoesNotContain("gmail", text, StringComparison.Ordinal);
        Assert.DoesNotContain("yahoo", text, StringComparison.Ordinal);
        Assert.DoesNotContain("4539", text, StringComparison.Ordinal);
        Assert.DoesNotContain("867", text, StringComparison.Ordinal);
        // Both gmail and yahoo names mask to the same synthetic address: the first member is kept, never a raw name.
        var contact = masked["contact"]!.AsObject();
        Assert.Equal(2, contact.Count);
        Assert.Equal("primary", contact.Single(m => m.Key != "ops@example.com").Value!.GetValue<string>());
        Assert.Equal("[42,true,null]", new JsonArray([.. masked["cards"]!.AsArray().Skip(1).Select(n => n?.DeepClone())]).ToJsonString());
        Assert.Contains(PiiKind.Email, findings);
        Assert.Contains(PiiKind.CardNumber, findings);
        Assert.Contains(PiiKind.Phone, findings);
    }

    [Fact]
    public void Luhn_KnownNumbers() => Assert.True(PiiGuard.Luhn("4111111111111111") && !PiiGuard.Luhn("4111111111111112"));
}
