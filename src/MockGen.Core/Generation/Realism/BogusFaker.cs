using System.Reflection;
using Bogus;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Realism;

/// <summary>
/// One Bogus <see cref="Faker"/> per locale and thread, bound to the caller's <see cref="Prng"/> for each use.
/// </summary>
/// <remarks>
/// Bogus 35.6.5's <see cref="Randomizer"/> offers only an <c>int</c> seed (which builds a <see cref="System.Random"/>
/// whose algorithm .NET does not promise to keep) or the global static <see cref="Randomizer.Seed"/>. Neither is
/// acceptable for byte-stable payloads, so the randomizer's private <c>localSeed</c> field is pointed at a
/// <see cref="PrngRandom"/>. The field name is checked once at startup (Bogus is pinned in Directory.Packages.props);
/// a Bogus upgrade that renames it fails loudly here, and the pinned-value tests catch any other drift.
/// </remarks>
internal sealed class BogusFaker
{
    private static readonly FieldInfo s_localSeed =
        typeof(Randomizer).GetField("localSeed", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("Bogus.Randomizer has no private 'localSeed' field: MockGen supports the Bogus version pinned in Directory.Packages.props only.");

    [ThreadStatic]
    private static Dictionary<string, BogusFaker>? t_cache;

    private readonly PrngRandom _random = new();

    private BogusFaker(string locale)
    {
        Faker = new Faker(locale);
        var randomizer = new Randomizer();
        s_localSeed.SetValue(randomizer, _random);

        // Faker.Random's setter hands the randomizer to every dataset (Name, Address, Internet ...).
        Faker.Random = randomizer;
    }

    public Faker Faker { get; }

    /// <summary>This thread's faker for <paramref name="locale"/>, now drawing from <paramref name="rng"/>.</summary>
    public static Faker For(string locale, Prng rng)
    {
        t_cache ??= new Dictionary<string, BogusFaker>(StringComparer.Ordinal);
        if (!t_cache.TryGetValue(locale, out var faker))
        {
            faker = new BogusFaker(locale);
            t_cache[locale] = faker;
        }

        faker._random.Source = rng;
        return faker.Faker;
    }

    /// <summary>True when Bogus has data for <paramref name="locale"/> (e.g. "en", "de", "fr", "en_GB").</summary>
    public static bool IsLocale(string locale) => Database.LocaleResourceExists(locale);
}
