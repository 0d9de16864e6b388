using System.Globalization;
using Bogus;
using MockGen.Core.Generation.Formats;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Realism;

/// <summary>
/// The faker methods an <c>x-mockgen</c> hint or a profile may pin, by dotted name. An explicit allow-list:
/// user text never reaches reflection, and every entry is deterministic under the caller's <see cref="Prng"/>.
/// </summary>
internal static class FakerCatalog
{
    private static readonly Dictionary<string, Func<Faker, Prng, string>> s_methods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name.firstName"] = (f, _) => f.Name.FirstName(),
        ["name.lastName"] = (f, _) => f.Name.LastName(),
        ["name.fullName"] = (f, _) => f.Name.FullName(),
        ["name.prefix"] = (f, _) => f.Name.Prefix(),
        ["name.jobTitle"] = (f, _) => f.Name.JobTitle(),
        ["name.jobArea"] = (f, _) => f.Name.JobArea(),
        ["internet.email"] = (f, _) => f.Internet.ExampleEmail(),
        ["internet.userName"] = (f, _) => f.Internet.UserName(),
        ["internet.url"] = (f, _) => f.Internet.Url(),
        ["internet.domainName"] = (f, _) => f.Internet.DomainName(),
        ["internet.ip"] = (f, _) => f.Internet.Ip(),
        ["internet.ipv6"] = (f, _) => f.Internet.Ipv6(),
        ["internet.mac"] = (f, _) => f.Internet.Mac(),
        ["internet.userAgent"] = (f, _) => f.Internet.UserAgent(),
        ["internet.color"] = (f, _) => f.Internet.Color(),
        ["address.streetAddress"] = (f, _) => f.Address.StreetAddress(),
        ["address.secondaryAddress"] = (f, _) => f.Address.SecondaryAddress(),
        ["address.city"] = (f, _) => f.Address.City(),
        ["address.zipCode"] = (f, _) => f.Address.ZipCode(),
        ["address.state"] = (f, _) => f.Address.State(),
        ["address.country"] = (f, _) => f.Address.Country(),
        ["address.countryCode"] = (_, rng) => rng.Pick(CountryTable.All).Alpha2,
        ["address.countryCodeAlpha3"] = (_, rng) => rng.Pick(CountryTable.All).Alpha3,
        ["address.latitude"] = (f, _) => f.Address.Latitude().ToString("0.######", CultureInfo.InvariantCulture),
        ["address.longitude"] = (f, _) => f.Address.Longitude().ToString("0.######", CultureInfo.InvariantCulture),
        ["company.companyName"] = (f, _) => f.Company.CompanyName(),
        ["company.catchPhrase"] = (f, _) => f.Company.CatchPhrase(),
        ["company.bs"] = (f, _) => f.Company.Bs(),
        ["commerce.productName"] = (f, _) => f.Commerce.ProductName(),
        ["commerce.productDescription"] = (f, _) => f.Commerce.ProductDescription(),
        ["commerce.department"] = (f, _) => f.Commerce.Department(),
        ["commerce.color"] = (f, _) => f.Commerce.Color(),
        ["commerce.ean13"] = (f, _) => f.Commerce.Ean13(),
        ["finance.iban"] = (_, rng) => IbanGenerator.Generate(rng),
        ["finance.bic"] = (f, _) => f.Finance.Bic(),
        ["finance.accountName"] = (f, _) => f.Finance.AccountName(),
        ["finance.currencyCode"] = (_, rng) => rng.Pick(CurrencyTable.Common).Code,
        ["finance.amount"] = (f, _) => f.Finance.Amount().ToString("0.00", CultureInfo.InvariantCulture),
        ["phone.phoneNumber"] = (f, _) => f.Phone.PhoneNumber(),
        ["lorem.word"] = (f, _) => f.Lorem.Word(),
        ["lorem.sentence"] = (f, _) => f.Lorem.Sentence(),
        ["lorem.paragraph"] = (f, _) => f.Lorem.Paragraph(),
        ["rant.review"] = (f, _) => f.Rant.Review(),
        ["hacker.phrase"] = (f, _) => f.Hacker.Phrase(),
        ["system.fileName"] = (f, _) => f.System.FileName(),
        ["system.mimeType"] = (f, _) => f.System.MimeType(),
        ["system.semver"] = (f, _) => f.System.Semver(),
        ["vehicle.vin"] = (f, _) => f.Vehicle.Vin(),
        ["random.uuid"] = (_, rng) => FormatGenerator.TryGenerate("uuid", rng, 0, null, out var uuid) ? uuid : string.Empty,
    };

    /// <summary>Every allowed name, in ordinal order, for error messages and documentation.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. s_methods.Keys.Order(StringComparer.Ordinal)];

    public static bool IsKnown(string name) => s_methods.ContainsKey(name);

    public static string Invoke(string name, Faker faker, Prng rng) => s_methods[name](faker, rng);
}
