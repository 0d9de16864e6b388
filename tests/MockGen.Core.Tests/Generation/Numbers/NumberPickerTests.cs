using MockGen.Core.Generation.Numbers;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Tests.Generation.Numbers;

public sealed class NumberPickerTests
{
    private static ExactDecimal D(string literal) => ExactDecimal.TryParse(literal, out var d) ? d : throw new FormatException(literal);

    [Theory]
    [InlineData("0.1", "0", "1")]
    [InlineData("0.01", "-5", "5")]
    [InlineData("0.0001", "0", "0.5")]
    [InlineData("1.5", "0", "100")]
    public void TryPick_DecimalMultipleOf_StaysExactOnTheGrid(string multipleOf, string min, string max)
    {
        var range = NumberRange.Unbounded.WithMultipleOf(D(multipleOf)).WithMinimum(D(min), false).WithMaximum(D(max), false);
        var rng = Prng.FromParts("numbers", multipleOf);
        for (var i = 0; i < 500; i++)
        {
            Assert.True(NumberPicker.TryPick(range, rng, NumberPlacement.Typical, out var value));
            Assert.True(range.Contains(value), value.ToString());
            Assert.DoesNotContain("E", value.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void TryPick_ExclusiveBounds_PicksStrictlyInside()
    {
        var range = NumberRange.Unbounded.WithMinimum(D("0"), true).WithMaximum(D("0.3"), true).WithMultipleOf(D("0.1"));
        Assert.True(NumberPicker.TryPick(range, Prng.FromParts("x"), NumberPlacement.Low, out var low));
        Assert.True(NumberPicker.TryPick(range, Prng.FromParts("x"), NumberPlacement.High, out var high));
        Assert.Equal("0.1", low.ToString());
        Assert.Equal("0.2", high.ToString());
    }

    [Fact]
    public void TryPick_EmptyRange_ReportsNoValue()
    {
        var range = NumberRange.Unbounded.WithMinimum(D("1.1"), false).WithMaximum(D("1.9"), false) with { IntegerOnly = true };
        Assert.False(NumberPicker.TryPick(range, Prng.FromParts("x"), NumberPlacement.Typical, out _));
    }

    [Fact]
    public void TryPick_IntegerWithFractionalMultipleOf_UsesCommonMultiple()
    {
        var range = (NumberRange.Unbounded with { IntegerOnly = true }).WithMultipleOf(D("0.75")).WithMinimum(D("1"), false);
        Assert.True(NumberPicker.TryPick(range, Prng.FromParts("x"), NumberPlacement.Low, out var value));
        Assert.Equal("3", value.ToString());
    }

    [Fact]
    public void TryPick_HugeBounds_AreExact()
    {
        var range = NumberRange.Unbounded.WithMinimum(D("1e300"), true) with { IntegerOnly = true };
        Assert.True(NumberPicker.TryPick(range, Prng.FromParts("x"), NumberPlacement.Low, out var value));
        Assert.Equal("1" + new string('0', 299) + "1", value.ToString());
    }

    [Fact]
    public void TryPick_NoMultipleOf_NarrowExclusiveRange_FindsFinerValue()
    {
        var range = NumberRange.Unbounded.WithMinimum(D("0"), true).WithMaximum(D("0.001"), true);
        Assert.True(NumberPicker.TryPick(range, Prng.FromParts("x"), NumberPlacement.Typical, out var value));
        Assert.True(range.Contains(value), value.ToString());
    }

    [Fact]
    public void Intersect_TightestBoundsAndLcmOfMultiples()
    {
        var a = NumberRange.Unbounded.WithMinimum(D("1"), false).WithMultipleOf(D("0.2"));
        var b = NumberRange.Unbounded.WithMinimum(D("1"), true).WithMaximum(D("9"), false).WithMultipleOf(D("0.3"));
        var merged = a.Intersect(b);
        Assert.True(merged.MinimumExclusive);
        Assert.Equal("0.6", merged.MultipleOf!.Value.ToString());
    }

    [Theory]
    [InlineData("1e2", "100")]
    [InlineData("-0.50", "-0.5")]
    [InlineData("1.5E-3", "0.0015")]
    [InlineData("0.1", "0.1")]
    public void TryParse_Literal_PrintsPlainExactForm(string literal, string expected)
    {
        Assert.True(ExactDecimal.TryParse(literal, out var value));
        Assert.Equal(expected, value.ToString());
    }
}
