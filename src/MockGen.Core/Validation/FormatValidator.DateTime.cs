namespace MockGen.Core.Validation;

/// <summary>RFC 3339 date, time, date-time and ISO 8601 duration (RFC 3339 appendix A).</summary>
internal static partial class FormatValidator
{
    private static bool IsDateTime(ReadOnlySpan<char> s)
    {
        var t = s.IndexOfAny('T', 't');
        return t == 10 && IsDate(s[..10]) && IsTime(s[11..], s[..10]);
    }

    private static bool IsDate(ReadOnlySpan<char> s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-' ||
            !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day))
        {
            return false;
        }

        return month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth(year, month);
    }

    private static bool IsTime(ReadOnlySpan<char> s) => IsTime(s, default);

    private static bool IsTime(ReadOnlySpan<char> s, ReadOnlySpan<char> date)
    {
        // full-time = HH:MM:SS[.frac](Z|+HH:MM|-HH:MM); a time offset is required.
        if (s.Length < 9 || s[2] != ':' || s[5] != ':' ||
            !TryDigits(s[..2], out var hour) || !TryDigits(s.Slice(3, 2), out var minute) || !TryDigits(s.Slice(6, 2), out var second))
        {
            return false;
        }

        var i = 8;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i >= s.Length)
        {
            return false;
        }

        int offsetMinutes;
        if (s[i] is 'Z' or 'z')
        {
            if (i + 1 != s.Length)
            {
                return false;
            }

            offsetMinutes = 0;
        }
        else if (s[i] is '+' or '-')
        {
            var off = s[(i + 1)..];
            if (off.Length != 5 || off[2] != ':' || !TryDigits(off[..2], out var oh) || !TryDigits(off.Slice(3, 2), out var om) || oh > 23 || om > 59)
            {
                return false;
            }

            offsetMinutes = (oh * 60) + om;
            if (s[i] == '-')
            {
                offsetMinutes = -offsetMinutes;
            }
        }
        else
        {
            return false;
        }

        if (hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        if (second == 60)
        {
            // A leap second exists only at 23:59:60 UTC.
            var utc = (((hour * 60) + minute - offsetMinutes) % 1440 + 1440) % 1440;
            if (utc != (23 * 60) + 59)
            {
                return false;
            }
        }

        _ = date;
        return true;
    }

    private static bool IsDuration(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || s[0] != 'P')
        {
            return false;
        }

        var i = 1;
        var inTime = false;
        var any = false;
        var anyTime = false;
        var lastRank = -1;
        var weeks = false;
        var units = 0;
        while (i < s.Length)
        {
            if (s[i] == 'T')
            {
                if (inTime)
                {
                    return false;
                }

                inTime = true;
                i++;
                if (i >= s.Length)
                {
                    return false;
                }

                continue;
            }

            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start || i >= s.Length)
            {
                return false;
            }

            var unit = s[i++];
            var rank = (inTime, unit) switch
            {
                (false, 'Y') => 0,
                (false, 'M') => 1,
                (false, 'W') => 2,
                (false, 'D') => 3,
                (true, 'H') => 4,
                (true, 'M') => 5,
                (true, 'S') => 6,
                _ => -1,
            };
            // RFC 3339 appendix A: dur-year = Y [dur-month], dur-month = M [dur-day], dur-hour = H [dur-minute],
            // dur-minute = M [dur-second]: units may be omitted only from the front of each part.
            var bothDate = lastRank is >= 0 and <= 3 && rank <= 3;
            var bothTime = lastRank >= 4 && rank >= 4;
            if (rank <= lastRank || (bothDate && rank != lastRank + 1 && !(lastRank == 1 && rank == 3)) || (bothTime && rank != lastRank + 1))
            {
                return false;
            }

            weeks |= unit == 'W';
            units++;
            lastRank = rank;
            any = true;
            anyTime |= inTime;
        }

        // Weeks do not combine with other units (RFC 3339 appendix A: dur-week stands alone).
        if (weeks && units != 1)
        {
            return false;
        }

        return any && (!inTime || anyTime);
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return s.Length > 0;
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };
}
