namespace MockGen.Testing.FakeAzureOpenAI.Tests;

/// <summary>The PII the fake plants is what a PII guard must catch: valid checksums, no reserved or test values.</summary>
public sealed class FakePiiTests
{
    private static readonly string[] PublishedTestCards =
        ["4242424242424242", "4111111111111111", "5555555555554444", "378282246310005", "371449635398431", "4000056655665556", "5105105105105100"];

    [Fact]
    public void CardNumbers_AreLuhnValid_AndNotPublishedTestNumbers()
    {
        Assert.All(FakePii.CardNumbers, card => Assert.True(FakePii.IsLuhnValid(card), card));
        Assert.DoesNotContain(FakePii.CardNumbers, PublishedTestCards.Contains);
        Assert.False(FakePii.IsLuhnValid("4242424242424241"));
    }

    [Fact]
    public void Ibans_HaveValidCheckDigits()
    {
        Assert.All(FakePii.Ibans, iban => Assert.True(FakePii.IsIbanValid(iban), iban));
        Assert.True(FakePii.IsIbanValid("DE89370400440532013000"));
        Assert.False(FakePii.IsIbanValid("DE00370400440532013000"));
    }

    [Fact]
    public void Emails_AreOutsideReservedDomains()
    {
        string[] reserved = ["example.com", "example.org", "example.net", "test", "invalid", "localhost"];
        Assert.All(FakePii.Emails, email => Assert.DoesNotContain(reserved, r => email.EndsWith("@" + r, StringComparison.Ordinal) || email.EndsWith("." + r, StringComparison.Ordinal)));
    }

    [Fact]
    public void Phones_AreE164_AndNotIn555Or7946FictionalRanges()
    {
        Assert.All(FakePii.Phones, phone =>
        {
            Assert.Matches("^\\+[1-9][0-9]{7,14}$", phone);
            Assert.DoesNotContain("555", phone[2..], StringComparison.Ordinal);
            Assert.DoesNotContain("7946", phone, StringComparison.Ordinal);
        });
    }
}
