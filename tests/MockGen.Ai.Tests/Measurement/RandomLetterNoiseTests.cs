using MockGen.Ai.Measurement;

namespace MockGen.Ai.Tests.Measurement;

public sealed class RandomLetterNoiseTests
{
    [Theory]
    [InlineData("cvjohhj")]
    [InlineData("yelfx")]
    [InlineData("riwchjm")]
    [InlineData("gyavmwqm")]
    [InlineData("tbzliffzeycozrkk")]
    public void IsNoise_Filler_IsNoise(string value) => Assert.True(RandomLetterNoise.IsNoise(value));

    [Theory]
    [InlineData("pending")]
    [InlineData("duplicate")]
    [InlineData("wallet")]
    [InlineData("paypal")]
    [InlineData("google_pay")]
    [InlineData("Quinton Kerluke")]
    [InlineData("spring-sale-2025")]
    [InlineData("The card was declined by the issuer.")]
    [InlineData("ab")]
    [InlineData("a1qNC")]
    public void IsNoise_WordsNamesAndIds_AreNot(string value) => Assert.False(RandomLetterNoise.IsNoise(value));

    [Fact]
    public void Share_CountsTheNoisyFraction() => Assert.Equal(0.5, RandomLetterNoise.Share(["cvjohhj", "pending", "yelfx", "wallet"]));
}
