using System.Collections.Concurrent;
using Bogus.Bson;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Realism;

/// <summary>
/// Bogus's locale data, read once and drawn from directly: each method returns exactly what the Bogus dataset method
/// of the same name returns when its randomizer draws from the same <see cref="Prng"/> (see <see cref="BogusFaker"/>),
/// the same picks in the same order, without Bogus's global lock around every draw and its per-call parsing of
/// formats (issue 9: the lock alone was about a tenth of gated generation's CPU time). A method returns null where
/// it would have to guess (gendered name lists, missing keys): the caller then asks Bogus itself.
/// <c>LocaleDataTests</c> compares every method with Bogus over many streams and locales. Thread-safe.
/// </summary>
/// <remarks>
/// The draws Bogus 35.6.5 makes (Directory.Packages.props pins it): an array item is <c>Randomizer.Number(0, n - 1)</c>,
/// which <see cref="PrngRandom"/> turns into <see cref="Prng.NextInt(int, int)"/> over the same bounds; a format's
/// <c>#{category.key}</c> tokens are replaced left to right, each by an item that is itself expanded first; then
/// <c>Randomizer.Replace</c> turns every <c>#</c> into a digit, <c>?</c> into a capital letter and <c>*</c> into
/// either (one coin first), in order.
/// </remarks>
internal sealed class LocaleData
{
    private static readonly ConcurrentDictionary<string, LocaleData> s_locales = new(StringComparer.Ordinal);

    private readonly string _locale;
    private readonly ConcurrentDictionary<(string Category, string Path), string[]?> _arrays = new();

    // Parsed formats by their text, their tokens' arrays resolved in this locale (under a category: the text alone
    // does not say which dataset a bare #{key} belongs to): looked up once per format drawn, not once per token.
    private readonly ConcurrentDictionary<(string Category, string Format), FormatPart[]?> _formats = new();
    private readonly bool _plainFirstNames;
    private readonly bool _plainLastNames;

    private LocaleData(string locale)
    {
        _locale = locale;

        // Name.FirstName() and LastName() without a gender, as Bogus decides between its lists (gendered lists draw a
        // gender first, which is left to Bogus).
        var hasFirstNameList = Bogus.Database.HasKey("name", "first_name", locale, null);
        var genderedFirst = Bogus.Database.HasKey("name", "male_first_name", locale, null) && Bogus.Database.HasKey("name", "female_first_name", locale, null);
        _plainFirstNames = hasFirstNameList || !genderedFirst;
        _plainLastNames = !(Bogus.Database.HasKey("name", "male_last_name", locale, null) && Bogus.Database.HasKey("name", "female_last_name", locale, null));
    }

    /// <summary>The data of <paramref name="locale"/> (a Bogus locale name, e.g. "en", "de", "en_GB").</summary>
    public static LocaleData For(string locale) => s_locales.GetOrAdd(locale, static l => new LocaleData(l));

    /// <summary><c>Name.FirstName()</c>, or null when the locale's names are gendered.</summary>
    public string? FirstName(Prng rng) => _plainFirstNames ? Pick(rng, "name", "first_name") : null;

    /// <summary><c>Name.LastName()</c>, or null when the locale's names are gendered.</summary>
    public string? LastName(Prng rng) => _plainLastNames ? Pick(rng, "name", "last_name") : null;

    /// <summary><c>Name.JobTitle()</c>: descriptor, level and job.</summary>
    public string? JobTitle(Prng rng)
    {
        var descriptor = Pick(rng, "name", "title.descriptor");
        var level = Pick(rng, "name", "title.level");
        var job = Pick(rng, "name", "title.job");
        return descriptor is null || level is null || job is null ? null : $"{descriptor} {level} {job}";
    }

    /// <summary><c>Company.CatchPhrase()</c>: adjective, descriptor and noun.</summary>
    public string? CatchPhrase(Prng rng)
    {
        var adjective = Pick(rng, "company", "adjective");
        var descriptor = Pick(rng, "company", "descriptor");
        var noun = Pick(rng, "company", "noun");
        return adjective is null || descriptor is null || noun is null ? null : $"{adjective} {descriptor} {noun}";
    }

    /// <summary><c>Commerce.Department()</c>: one to three departments, joined as "A, B &amp; C".</summary>
    public string? Department(Prng rng)
    {
        var count = rng.NextInt(1, 3);
        var departments = new string[count];
        for (var i = 0; i < count; i++)
        {
            if (Pick(rng, "commerce", "department") is not { } department)
            {
                return null;
            }

            departments[i] = department;
        }

        return count > 1 ? $"{string.Join(", ", departments, 0, count - 1)} & {departments[^1]}" : departments[0];
    }

    /// <summary><c>Commerce.ProductDescription()</c>.</summary>
    public string? ProductDescription(Prng rng) => Pick(rng, "commerce", "product_description");

    /// <summary><c>Rant.Review()</c> (Bogus's <c>Rant</c> is English whatever the faker's locale: ask the "en" data).</summary>
    public string? Review(Prng rng) => Pick(rng, "rant", "review")?.Replace("$product", "product", StringComparison.Ordinal);

    /// <summary><c>Address.StreetAddress()</c>.</summary>
    public string? StreetAddress(Prng rng) => Formatted(rng, "address", "street_address");

    /// <summary><c>Address.SecondaryAddress()</c>.</summary>
    public string? SecondaryAddress(Prng rng) => Formatted(rng, "address", "secondary_address");

    /// <summary><c>Address.City()</c>.</summary>
    public string? City(Prng rng) => Formatted(rng, "address", "city");

    /// <summary><c>Address.ZipCode()</c>.</summary>
    public string? ZipCode(Prng rng) => Formatted(rng, "address", "postcode");

    /// <summary><c>Address.State()</c>.</summary>
    public string? State(Prng rng) => Pick(rng, "address", "state");

    /// <summary><c>DataSet.GetRandomArrayItem</c>: one item of the array at category/path ("" for an empty one).</summary>
    public string? Pick(Prng rng, string category, string path)
    {
        if (Array(category, path) is not { } items)
        {
            return null;
        }

        return items.Length == 0 ? string.Empty : items[rng.NextInt(0, items.Length - 1)];
    }

    /// <summary><c>DataSet.GetFormattedValue</c>: an item of the array, its tokens expanded, then its placeholders drawn.</summary>
    public string? Formatted(Prng rng, string category, string path)
    {
        if (Pick(rng, category, path) is not { } format)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder(format.Length + 16);
        if (!Expand(rng, category, format, builder, 0))
        {
            return null;
        }

        // Randomizer.Replace over the whole expanded text.
        for (var i = 0; i < builder.Length; i++)
        {
            var c = builder[i];
            if (c == '*')
            {
                c = rng.NextInt(0, 1) == 0 ? '#' : '?';
            }

            if (c == '#')
            {
                builder[i] = (char)('0' + rng.NextInt(0, 9));
            }
            else if (c == '?')
            {
                builder[i] = (char)('A' + rng.NextInt(0, 25));
            }
            else
            {
                builder[i] = c;
            }
        }

        return builder.ToString();
    }

    // DataSet.ParseTokens: each #{key} or #{category.key} is replaced by an item of that array, itself expanded first.
    private bool Expand(Prng rng, string category, string format, System.Text.StringBuilder builder, int depth)
    {
        if (depth > 16)
        {
            return false;
        }

        if (_formats.GetOrAdd((category, format), static (key, data) => data.Parse(key.Category, key.Format), this) is not { } parts)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Items is not { } items)
            {
                builder.Append(part.Text);
                continue;
            }

            if (!Expand(rng, category, items[rng.NextInt(0, items.Length - 1)], builder, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    // Splits a format as Bogus's token pattern \#{(.*?)\} matches it: "#{" up to the first "}", no line break between;
    // null when a token names a missing or empty array (where Bogus itself would fail).
    private FormatPart[]? Parse(string category, string format)
    {
        var parts = new List<FormatPart>();
        var literalStart = 0;
        var search = 0;
        while (search < format.Length)
        {
            var start = format.IndexOf("#{", search, StringComparison.Ordinal);
            if (start < 0)
            {
                break;
            }

            var end = format.IndexOf('}', start + 2);
            if (end < 0)
            {
                break;
            }

            var token = format.AsSpan(start + 2, end - start - 2);
            if (token.Contains('\n'))
            {
                search = start + 1;
                continue;
            }

            if (start > literalStart)
            {
                parts.Add(new FormatPart(format[literalStart..start], null));
            }

            var key = token.ToString().ToLowerInvariant().Split('.');
            var items = key.Length == 1 ? Array(category, key[0]) : Array(key[0], key[1]);
            if (items is not { Length: > 0 })
            {
                return null;
            }

            parts.Add(new FormatPart(string.Empty, items));
            literalStart = search = end + 1;
        }

        if (literalStart < format.Length)
        {
            parts.Add(new FormatPart(format[literalStart..], null));
        }

        return [.. parts];
    }

    // The strings of a Bogus array (with Bogus's fallback to "en"), or null when the key is missing or not an array.
    private string[]? Array(string category, string path) => _arrays.GetOrAdd((category, path), static (key, locale) =>
    {
        if (Bogus.Database.Get(key.Category, key.Path, locale) is not BArray array)
        {
            return null;
        }

        var items = new string[array.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = array[i].StringValue;
        }

        return items;
    }, _locale);

    // A literal (Items null) or a token, replaced by one of its Items.
    private sealed record FormatPart(string Text, string[]? Items);
}
