using System.Globalization;
using System.Text;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Formats;

internal static partial class FormatGenerator
{
    /// <summary>An instant uniformly drawn from [<paramref name="start"/>, <paramref name="end"/>], to the second.</summary>
    public static DateTimeOffset Instant(Prng rng, DateTimeOffset start, DateTimeOffset end)
    {
        var seconds = Math.Max(0, (long)(end - start).TotalSeconds);
        return start.AddSeconds(rng.NextInt64(0, seconds));
    }

    /// <summary>
    /// RFC 3339 <c>date-time</c> text for <paramref name="instant"/> of <paramref name="length"/> code points when
    /// possible (20: <c>Z</c>; 22 and up: fraction digits; 25: a numeric offset), else the closest shape.
    /// </summary>
    public static string FormatDateTime(DateTimeOffset instant, int length, Prng rng)
    {
        var utc = instant.ToUniversalTime();
        if (length == 25)
        {
            // Same instant, written in a zone a few hours away: "2024-05-06T09:08:09+02:00".
            var offset = TimeSpan.FromHours(rng.Pick(s_offsetHours));
            return utc.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + FormatOffset(offset);
        }

        var text = new StringBuilder(utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        if (length >= 22)
        {
            text.Append('.').Append(Digits(rng, length - 21));
        }

        return text.Append('Z').ToString();
    }

    private static readonly int[] s_offsetHours = [-8, -5, -3, 1, 2, 3, 5, 8, 9];

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static string? DateTime(Prng rng, int lo, int hi)
    {
        var instant = Instant(rng, DefaultWindowStart, DefaultWindowEnd);
        int length;
        if (lo <= 20 && hi >= 20 && (hi < 22 || rng.NextBool(0.6)))
        {
            length = 20;
        }
        else if (lo <= 25 && hi >= 25 && rng.NextBool(0.5))
        {
            length = 25;
        }
        else
        {
            length = Target(rng, lo, hi, 22, 24);
            if (length < 22)
            {
                return null;
            }
        }

        return FormatDateTime(instant, length, rng);
    }

    private static string? Date(Prng rng, int lo, int hi) =>
        Instant(rng, DefaultWindowStart, DefaultWindowEnd).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(Prng rng, int lo, int hi)
    {
        // RFC 3339 full-time: partial-time plus a mandatory offset; 9 code points with "Z", 11 and up with a fraction.
        var seconds = rng.NextInt(0, 86_399);
        var text = new StringBuilder(TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
        var length = lo <= 9 && hi >= 9 && rng.NextBool(0.7) ? 9 : Target(rng, lo, hi, 11, 14);
        if (length == 14 && rng.NextBool())
        {
            return text.Append(FormatOffset(TimeSpan.FromHours(rng.Pick(s_offsetHours)))).ToString();
        }

        if (length >= 11)
        {
            text.Append('.').Append(Digits(rng, length - 10));
        }

        return text.Append('Z').ToString();
    }

    private static string? Duration(Prng rng, int lo, int hi)
    {
        // RFC 3339 Appendix A: P(n)W, or date components then an optional T with time components.
        var text = new StringBuilder("P");
        var shape = rng.NextInt(0, 4);
        switch (shape)
        {
            case 0:
                text.Append(rng.NextInt(1, 12).ToString(CultureInfo.InvariantCulture)).Append('W');
                break;
            case 1:
                text.Append(rng.NextInt(1, 30).ToString(CultureInfo.InvariantCulture)).Append('D');
                break;
            case 2:
                text.Append('T').Append(rng.NextInt(1, 23).ToString(CultureInfo.InvariantCulture)).Append('H')
                    .Append(rng.NextInt(1, 59).ToString(CultureInfo.InvariantCulture)).Append('M');
                break;
            case 3:
                text.Append('T').Append(rng.NextInt(1, 59).ToString(CultureInfo.InvariantCulture)).Append('M');
                break;
            default:
                text.Append(rng.NextInt(1, 3).ToString(CultureInfo.InvariantCulture)).Append('Y')
                    .Append(rng.NextInt(1, 11).ToString(CultureInfo.InvariantCulture)).Append('M')
                    .Append(rng.NextInt(1, 28).ToString(CultureInfo.InvariantCulture)).Append("DT")
                    .Append(rng.NextInt(1, 23).ToString(CultureInfo.InvariantCulture)).Append('H');
                break;
        }

        if (text.Length > hi)
        {
            return hi >= 3 ? "P" + rng.NextInt(1, 9).ToString(CultureInfo.InvariantCulture) + "D" : null;
        }

        // Leading zeros are allowed digits (dur-day = 1*DIGIT "D"), so a longer value pads its first number.
        if (text.Length < lo)
        {
            var firstDigit = text[1] == 'T' ? 2 : 1;
            text.Insert(firstDigit, new string('0', lo - text.Length));
        }

        return text.ToString();
    }
}
