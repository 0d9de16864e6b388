using System.Globalization;
using MockGen.Core.Generation.Formats;
using MockGen.Core.Generation.Random;
using static MockGen.Core.Generation.Realism.PropertyNames;

namespace MockGen.Core.Generation.Realism;

internal sealed partial class RealismEngine
{
    private const int RealismAttempts = 4;

    private static readonly string[] s_personParents =
    [
        "user", "customer", "person", "employee", "author", "owner", "contact", "member", "patient", "student", "driver",
        "passenger", "recipient", "sender", "payer", "payee", "beneficiary", "holder", "manager", "assignee", "reviewer",
        "buyer", "seller", "guest", "traveler", "traveller", "applicant", "account", "profile", "createdby", "updatedby",
    ];

    private static readonly string[] s_companyParents = ["company", "organization", "organisation", "merchant", "vendor", "supplier", "employer", "business", "bank", "brand", "partner", "provider", "seller"];
    private static readonly string[] s_productParents = ["product", "item", "article", "plan", "service", "offer", "sku", "lineitem", "lineitems", "items", "products", "lines", "orderlines"];
    private static readonly string[] s_addressParents = ["address", "billing", "shipping", "location", "residence", "home", "office", "mailing", "postal", "billingaddress", "shippingaddress"];
    private static readonly string[] s_paymentParents = ["payment", "transaction", "charge", "refund", "invoice", "payout", "transfer", "settlement", "authorization"];
    private static readonly string[] s_orderParents = ["order", "shipment", "delivery", "parcel", "fulfillment", "fulfilment", "booking", "reservation"];

    private static readonly string[] s_paymentStatuses = ["pending", "authorized", "captured", "settled", "failed", "refunded"];
    private static readonly string[] s_orderStatuses = ["created", "paid", "processing", "shipped", "delivered", "cancelled"];
    private static readonly string[] s_statuses = ["active", "pending", "inactive", "suspended", "archived"];
    private static readonly string[] s_timeZones = ["Europe/Berlin", "Europe/Paris", "Europe/London", "America/New_York", "America/Chicago", "America/Los_Angeles", "Asia/Tokyo", "Asia/Singapore", "Australia/Sydney", "UTC"];
    private static readonly string[] s_localeTags = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "pt-BR", "ja-JP", "pl-PL"];
    private static readonly string[] s_languages = ["en", "de", "fr", "es", "it", "nl", "pt", "ja", "pl", "sv"];

    private static readonly Dictionary<string, string[]> s_mailProviders = new(StringComparer.Ordinal)
    {
        ["de"] = ["gmail.com", "web.de", "gmx.de", "t-online.de", "outlook.de"],
        ["fr"] = ["gmail.com", "orange.fr", "free.fr", "laposte.net", "outlook.fr"],
        ["en_GB"] = ["gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk"],
    };

    // RFC 5737 TEST-NET-1, -2 and -3.
    private static readonly string[] s_documentationNetworks = ["192.0.2.", "198.51.100.", "203.0.113."];

    private static readonly string[] s_defaultMailProviders = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me"];

    private bool TryRealisticString(ValueContext context, Prng rng, bool synthetic, out string value)
    {
        var name = Normalize(context.PropertyName);
        var parent = Parent(context.ParentPointer);
        for (var attempt = 0; attempt < RealismAttempts; attempt++)
        {
            var candidate = RealisticString(context, name, parent, rng, synthetic, out var freeText);
            if (candidate is null)
            {
                break;
            }

            if (freeText && context.MaxLength is { } max)
            {
                candidate = TruncateAtWord(candidate, max);
            }

            if (Accept(context, candidate))
            {
                value = candidate;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    // One realistic candidate for the name/format/parent, or null for "no rule applies". Synthetic: personal data from
    // the ranges of SyntheticValues (reserved domains, test cards, fictional phones and ids, test bank codes).
    private string? RealisticString(ValueContext context, string name, string parent, Prng rng, bool synthetic, out bool freeText)
    {
        freeText = false;
        var format = context.Format;
        var record = context.Record ?? CreateRecord(rng.Fork("record"));

        if (format is "date-time" or "date" or "time" || (format is null && LooksTemporal(name, context.PropertyName)))
        {
            return Temporal(context, name, record, rng);
        }

        if (name.Length == 0)
        {
            return null;
        }

        var faker = BogusFaker.For(_locale, rng);
        // Bogus's own data drawn from the same stream, without its per-draw lock (see LocaleData); Bogus when null.
        var data = LocaleData.For(_locale);
        var personParent = IsAny(parent, s_personParents);

        // People.
        if (IsAny(name, "firstname", "givenname", "forename", "first"))
        {
            return record.Person.First;
        }

        if (IsAny(name, "lastname", "surname", "familyname", "last"))
        {
            return record.Person.Last;
        }

        if (name == "middlename")
        {
            return data.FirstName(rng) ?? faker.Name.FirstName();
        }

        if (IsAny(name, "fullname", "displayname", "contactname", "customername", "accountholdername", "accountholder", "holdername", "cardholdername", "cardholder", "authorname", "ownername", "recipientname", "sendername", "beneficiaryname", "payername", "payeename", "personname")
            || (name == "name" && (personParent || parent.Length == 0)))
        {
            return record.Person.First + " " + record.Person.Last;
        }

        if (IsAny(name, "username", "login", "handle", "nickname", "screenname", "userhandle"))
        {
            var (first, last) = record.Person;
            return Transliteration.ToAsciiSlug(first) + rng.Pick([".", "_", ""]) + Transliteration.ToAsciiSlug(last)
                + (rng.NextBool(0.4) ? rng.NextInt(1, 99).ToString(CultureInfo.InvariantCulture) : string.Empty);
        }

        if (name == "initials")
        {
            return string.Concat(record.Person.First.AsSpan(0, 1), record.Person.Last.AsSpan(0, 1));
        }

        if (IsAny(name, "jobtitle", "position", "occupation") || (name == "title" && personParent))
        {
            return data.JobTitle(rng) ?? faker.Name.JobTitle();
        }

        if (IsAny(name, "gender", "sex"))
        {
            return rng.Pick(["female", "male"]);
        }

        // Contact.
        if (name.Contains("email", StringComparison.Ordinal) || name == "mail")
        {
            return Email(record, rng, work: IsAny(parent, s_companyParents) || ContainsAny(name, "work", "business", "company"), synthetic);
        }

        if (name.Contains("phone", StringComparison.Ordinal) || IsAny(name, "mobile", "tel", "telephone", "fax", "cell", "msisdn"))
        {
            return synthetic ? FirstAccepted(context, SyntheticValues.FictionalPhones(rng, _locale)) : faker.Phone.PhoneNumber();
        }

        // National ids: always from ranges never issued (the names are sensitive, so even lifelike runs get these).
        if (IsAny(name, "ssn", "socialsecuritynumber", "socialsecurityno", "usssn") || (name == "nationalid" && _locale != "en_GB"))
        {
            return FirstAccepted(context, SyntheticValues.FictionalSsns(rng));
        }

        if (IsAny(name, "nino", "nationalinsurancenumber", "ninumber", "nationalinsuranceno") || name == "nationalid")
        {
            return FirstAccepted(context, SyntheticValues.FictionalNinos(rng));
        }

        // Addresses.
        if (IsAny(name, "street", "streetaddress", "address1", "addressline1", "line1", "street1", "streetline1"))
        {
            return data.StreetAddress(rng) ?? faker.Address.StreetAddress();
        }

        if (IsAny(name, "address2", "addressline2", "line2", "street2", "streetline2"))
        {
            return data.SecondaryAddress(rng) ?? faker.Address.SecondaryAddress();
        }

        if (IsAny(name, "address", "fulladdress", "postaladdress", "mailingaddress", "billingaddress", "shippingaddress"))
        {
            var street = data.StreetAddress(rng) ?? faker.Address.StreetAddress();
            var zip = data.ZipCode(rng) ?? faker.Address.ZipCode();
            var city = data.City(rng) ?? faker.Address.City();
            return $"{street}, {zip} {city}";
        }

        if (IsAny(name, "city", "town", "locality", "cityname"))
        {
            return data.City(rng) ?? faker.Address.City();
        }

        if (IsAny(name, "zip", "zipcode", "postcode", "postalcode"))
        {
            return data.ZipCode(rng) ?? faker.Address.ZipCode();
        }

        if (IsAny(name, "province", "region", "county", "stateprovince", "statename") || (name == "state" && IsAny(parent, s_addressParents)))
        {
            return data.State(rng) ?? faker.Address.State();
        }

        if (IsAny(name, "countrycode", "countryiso", "iso2", "alpha2", "countryalpha2", "nationality", "countryiso2"))
        {
            return record.Country.Alpha2;
        }

        if (IsAny(name, "alpha3", "iso3", "countryalpha3", "countryiso3"))
        {
            return record.Country.Alpha3;
        }

        if (IsAny(name, "country", "countryname"))
        {
            return context.MaxLength switch
            {
                2 => record.Country.Alpha2,
                3 => record.Country.Alpha3,
                _ => context.Pattern is not null && context.Pattern.Contains("{2}", StringComparison.Ordinal) ? record.Country.Alpha2 : record.Country.Name,
            };
        }

        if (IsAny(name, "latitude", "lat"))
        {
            return faker.Address.Latitude().ToString("0.######", CultureInfo.InvariantCulture);
        }

        if (IsAny(name, "longitude", "lng", "lon", "long"))
        {
            return faker.Address.Longitude().ToString("0.######", CultureInfo.InvariantCulture);
        }

        if (IsAny(name, "timezone", "tz", "timezoneid"))
        {
            return rng.Pick(s_timeZones);
        }

        // Money and banking.
        if (IsAny(name, "currency", "currencycode", "ccy", "currencyiso", "isocurrencycode"))
        {
            return record.Currency.Code;
        }

        if (name.Contains("iban", StringComparison.Ordinal))
        {
            return IbanGenerator.Generate(rng, record.Country.Alpha2, testBank: synthetic);
        }

        if (IsAny(name, "bic", "swift", "swiftcode", "biccode", "swiftbic"))
        {
            return faker.Finance.Bic();
        }

        if (IsAny(name, "cardnumber", "creditcardnumber", "pan", "creditcard", "ccnumber", "debitcardnumber", "primaryaccountnumber")
            || (IsAny(name, "number", "num", "no") && ContainsAny(parent, "card")))
        {
            // Always a published test number (the name is sensitive): a rotating start, then the first that fits.
            var start = rng.NextInt(0, SyntheticValues.TestCards.Length - 1);
            return FirstAccepted(context, SyntheticValues.TestCards.Skip(start).Concat(SyntheticValues.TestCards.Take(start)));
        }

        if (IsAny(name, "accountnumber", "bankaccountnumber"))
        {
            return rng.NextInt(1, 9).ToString(CultureInfo.InvariantCulture) + Digits(rng, 9);
        }

        if (IsMoneyName(name))
        {
            var currency = record.Currency;
            var amount = MoneyValue(rng, name, currency);
            return amount.ToString("F" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        // Organisations and commerce.
        if (IsAny(name, "company", "companyname", "organization", "organisation", "organizationname", "organisationname", "orgname", "employer", "merchant", "merchantname", "vendor", "vendorname", "supplier", "suppliername", "businessname", "legalname", "tradingname")
            || (name == "name" && IsAny(parent, s_companyParents)))
        {
            return record.Company;
        }

        if (name == "department")
        {
            return data.Department(rng) ?? faker.Commerce.Department();
        }

        if (IsAny(name, "product", "productname", "itemname", "articlename", "planname") || (name is "name" or "title" && IsAny(parent, s_productParents)))
        {
            return faker.Commerce.ProductName();
        }

        if (name == "name" && ContainsAny(parent, "category", "department", "tag", "group"))
        {
            return data.Department(rng) ?? faker.Commerce.Department();
        }

        if (name == "sku")
        {
            return FormatGenerator.TryGenerate("uuid", rng, 0, null, out var uuid) ? "SKU-" + uuid[..8].ToUpperInvariant() : null;
        }

        if (IsAny(name, "color", "colour"))
        {
            return faker.Commerce.Color();
        }

        if (IsAny(name, "hexcolor", "hexcolour", "colorhex"))
        {
            return "#" + Digits(rng, 6, "0123456789abcdef");
        }

        if (name == "name")
        {
            return record.Person.First + " " + record.Person.Last;
        }

        if (IsAny(name, "title", "subject", "headline", "heading", "caption"))
        {
            freeText = true;
            return data.CatchPhrase(rng) ?? faker.Company.CatchPhrase();
        }

        if (IsAny(name, "bio", "about", "biography"))
        {
            freeText = true;
            var jobTitle = data.JobTitle(rng) ?? faker.Name.JobTitle();
            return $"{jobTitle} at {record.Company}.";
        }

        if (IsAny(name, "description", "summary", "details", "desc", "shortdescription", "longdescription", "productdescription"))
        {
            freeText = true;
            return data.ProductDescription(rng) ?? faker.Commerce.ProductDescription();
        }

        if (IsAny(name, "comment", "comments", "note", "notes", "message", "review", "feedback", "remarks", "body", "text", "content", "reason"))
        {
            freeText = true;
            return LocaleData.For("en").Review(rng) ?? faker.Rant.Review();
        }

        if (name == "slug")
        {
            return string.Join('-', faker.Commerce.ProductName().Split(' ').Select(Transliteration.ToAsciiSlug).Where(s => s.Length > 0));
        }

        // Internet.
        if (IsAny(name, "avatar", "avatarurl", "image", "imageurl", "photo", "photourl", "picture", "pictureurl", "thumbnail", "thumbnailurl", "logo", "logourl"))
        {
            return faker.Image.PicsumUrl();
        }

        if (IsAny(name, "url", "website", "homepage", "webpage", "link", "href", "uri", "siteurl", "profileurl", "callbackurl", "webhookurl", "redirecturi", "redirecturl", "returnurl", "websiteurl"))
        {
            return faker.Internet.UrlWithPath("https");
        }

        if (IsAny(name, "domain", "domainname", "hostname", "host"))
        {
            return faker.Internet.DomainName();
        }

        if (IsAny(name, "ip", "ipaddress", "ipv4", "clientip", "remoteip", "remoteaddress", "sourceip", "ipv4address"))
        {
            // Synthetic: the RFC 5737 documentation networks, never a subscriber's address.
            return synthetic
                ? rng.Pick(s_documentationNetworks) + rng.NextInt(1, 254).ToString(CultureInfo.InvariantCulture)
                : faker.Internet.Ip();
        }

        if (IsAny(name, "ipv6", "ipv6address"))
        {
            // Synthetic: RFC 3849's 2001:db8::/32 documentation prefix.
            return synthetic
                ? "2001:db8:" + string.Join(':', Enumerable.Range(0, 6).Select(_ => rng.NextInt(0, 0xffff).ToString("x", CultureInfo.InvariantCulture)))
                : faker.Internet.Ipv6();
        }

        if (IsAny(name, "mac", "macaddress"))
        {
            return faker.Internet.Mac();
        }

        if (name == "useragent")
        {
            return faker.Internet.UserAgent();
        }

        if (IsAny(name, "token", "apikey", "secret", "accesstoken", "refreshtoken", "sessiontoken", "clientsecret"))
        {
            return Digits(rng, 40, "0123456789abcdef");
        }

        if (IsAny(name, "password", "passwd"))
        {
            return FormatGenerator.TryGenerate("password", rng, 0, null, out var password) ? password : null;
        }

        // Identifiers: a UUID for "id", "uuid", "guid", "orderId", "customer_id" ... (not "paid", "valid").
        if (IsAny(name, "id", "uuid", "guid") || IsIdentifierName(context.PropertyName))
        {
            return FormatGenerator.TryGenerate("uuid", rng, 0, null, out var uuid) ? uuid : null;
        }

        // Status-like words, by the kind of record they describe.
        if (IsAny(name, "status", "state", "stage", "phase", "lifecyclestate", "paymentstatus", "orderstatus"))
        {
            return rng.Pick(IsAny(parent, s_paymentParents) || name == "paymentstatus" ? s_paymentStatuses
                : IsAny(parent, s_orderParents) || name == "orderstatus" ? s_orderStatuses
                : s_statuses);
        }

        if (name == "locale")
        {
            return rng.Pick(s_localeTags);
        }

        if (IsAny(name, "language", "lang", "languagecode"))
        {
            return rng.Pick(s_languages);
        }

        if (IsAny(name, "version", "semver"))
        {
            return faker.System.Semver();
        }

        if (IsAny(name, "filename", "file"))
        {
            return faker.System.FileName();
        }

        if (IsAny(name, "mimetype", "contenttype", "mediatype"))
        {
            return faker.System.MimeType();
        }

        return null;
    }

    private string Email(RecordContext record, Prng rng, bool work, bool synthetic)
    {
        var (first, last) = record.Person;
        var firstSlug = Transliteration.ToAsciiSlug(first);
        var lastSlug = Transliteration.ToAsciiSlug(last);
        var local = rng.NextInt(0, 3) switch
        {
            0 => $"{firstSlug}.{lastSlug}",
            1 => $"{firstSlug}{lastSlug}",
            2 => $"{firstSlug[..Math.Min(1, firstSlug.Length)]}{lastSlug}",
            _ => $"{firstSlug}.{lastSlug}{rng.NextInt(1, 99).ToString(CultureInfo.InvariantCulture)}",
        };
        if (local.Trim('.').Length == 0)
        {
            local = "user" + rng.NextInt(100, 999).ToString(CultureInfo.InvariantCulture);
        }

        string domain;
        if (synthetic)
        {
            domain = work ? SyntheticValues.WorkMailDomain(Transliteration.ToAsciiSlug(record.Company)) : rng.Pick(SyntheticValues.PersonalMailDomains);
        }
        else if (work)
        {
            var company = Transliteration.ToAsciiSlug(record.Company);
            domain = (company.Length > 0 ? company[..Math.Min(company.Length, 40)] : "example") + ".com";
        }
        else
        {
            domain = rng.Pick(s_mailProviders.TryGetValue(_locale, out var providers) ? providers : s_defaultMailProviders);
        }

        return local.Trim('.') + "@" + domain;
    }

    private string? Temporal(ValueContext context, string name, RecordContext record, Prng rng)
    {
        var instant = TemporalInstant(name, record, rng);
        var asDate = context.Format == "date" || (context.Format is null && (name.EndsWith("date", StringComparison.Ordinal) || name.EndsWith("on", StringComparison.Ordinal) || name is "birthday" or "dob"));
        if (asDate)
        {
            return instant.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (context.Format == "time")
        {
            return instant.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + "Z";
        }

        // 20 code points ("2024-05-06T07:08:09Z") unless the lengths ask for fractions or an offset.
        var length = context.MinLength > 20 ? Math.Max(context.MinLength, 22) : 20;
        if (context.MaxLength is { } max && max < length)
        {
            return null;
        }

        return FormatGenerator.FormatDateTime(instant, length == 21 ? 22 : length, rng);
    }

    private DateTimeOffset TemporalInstant(string name, RecordContext record, Prng rng)
    {
        if (ContainsAny(name, "birth", "dob"))
        {
            // Adults: 18 to 80 years before the window's end.
            return FormatGenerator.Instant(rng, _windowEnd.AddYears(-80), _windowEnd.AddYears(-18));
        }

        if (ContainsAny(name, "updated", "modified", "lastseen", "lastlogin", "lastactive", "lastused", "changed", "lastactivity"))
        {
            return record.Lifecycle(LifecycleStage.Updated);
        }

        if (ContainsAny(name, "completed", "closed", "delivered", "cancelled", "canceled", "deleted", "resolved", "archived", "settled", "refunded", "finished"))
        {
            return record.Lifecycle(LifecycleStage.Finished);
        }

        if (ContainsAny(name, "paid", "approved", "confirmed", "processed", "shipped", "authorized", "captured", "accepted", "sent", "published"))
        {
            return record.Lifecycle(LifecycleStage.Processed);
        }

        if (ContainsAny(name, "created", "registered", "placed", "submitted", "joined", "signedup", "opened", "received"))
        {
            return record.Lifecycle(LifecycleStage.Created);
        }

        if (ContainsAny(name, "end", "finish", "until", "validto", "expir", "due", "checkout", "arrival", "deadline", "closes", "stop"))
        {
            return record.Interval(end: true);
        }

        if (ContainsAny(name, "start", "begin", "from", "validfrom", "effective", "issued", "checkin", "departure", "opens"))
        {
            return record.Interval(end: false);
        }

        return FormatGenerator.Instant(rng, _windowStart, _windowEnd);
    }

    // Timestamps by name: camelCase or snake_case "...At" / "...On" suffixes, and words that only name times.
    private static bool LooksTemporal(string name, string? propertyName) =>
        propertyName is not null
        && (propertyName.EndsWith("At", StringComparison.Ordinal) || propertyName.EndsWith("_at", StringComparison.Ordinal)
            || propertyName.EndsWith("On", StringComparison.Ordinal) || propertyName.EndsWith("_on", StringComparison.Ordinal)
            || EndsWithAny(name, "date", "time", "timestamp", "datetime", "since", "until")
            || IsAny(name, "dob", "birthday", "start", "end", "expiry", "expires", "deadline", "created", "updated", "modified"))
        && !IsAny(name, "timezone", "runtime", "lifetime", "overtime");

    private static bool IsIdentifierName(string? propertyName) =>
        propertyName is { Length: > 2 }
        && (propertyName.EndsWith("Id", StringComparison.Ordinal) || propertyName.EndsWith("_id", StringComparison.Ordinal) || propertyName.EndsWith("ID", StringComparison.Ordinal)
            || propertyName.EndsWith("Uuid", StringComparison.Ordinal) || propertyName.EndsWith("_uuid", StringComparison.Ordinal));

    // The first candidate the context accepts, else the first (which then fails Accept and sends the engine on).
    private static string? FirstAccepted(ValueContext context, IEnumerable<string> candidates)
    {
        string? first = null;
        foreach (var candidate in candidates)
        {
            first ??= candidate;
            if (Accept(context, candidate))
            {
                return candidate;
            }
        }

        return first;
    }

    private static string Digits(Prng rng, int count, string alphabet = "0123456789")
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = alphabet[rng.NextInt(0, alphabet.Length - 1)];
        }

        return new string(chars);
    }

    // Cuts free text to at most `max` code points at a word boundary, without a dangling space or comma.
    private static string TruncateAtWord(string text, int max)
    {
        if (FormatGenerator.CodePointLength(text) <= max)
        {
            return text;
        }

        var runes = text.EnumerateRunes().Take(max).Select(r => r.ToString());
        var cut = string.Concat(runes);
        var space = cut.LastIndexOf(' ');
        if (space > max / 2)
        {
            cut = cut[..space];
        }

        return cut.TrimEnd(' ', ',', ';', ':', '-');
    }
}
