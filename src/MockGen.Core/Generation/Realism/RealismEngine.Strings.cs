using System.Globalization;
using MockGen.Core.Generation.Formats;
using MockGen.Core.Generation.Random;
using static MockGen.Core.Generation.Realism.PropertyNames;

namespace MockGen.Core.Generation.Realism;

internal sealed partial class RealismEngine
{
    private const int RealismAttempts = 4;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string? PropertyName, string Parent, string? Format), int> _rules = new();

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

    // What RealisticString does for a field, decided once per (property name, parent, format): the checks are a
    // pure function of those and cost more than most values they pick (issue 9). NoRule means no rule applies,
    // TemporalRule a timestamp; NameRules + n is the n-th name rule of ClassifyName, in its order.
    private const int NoRule = 0;
    private const int TemporalRule = 1;
    private const int NameRules = 2;

    // Bounded, since map keys can be generated names.
    private const int RuleCacheLimit = 16_384;

    // One realistic candidate for the name/format/parent, or null for "no rule applies". Synthetic: personal data from
    // the ranges of SyntheticValues (reserved domains, test cards, fictional phones and ids, test bank codes).
    private string? RealisticString(ValueContext context, string name, string parent, Prng rng, bool synthetic, out bool freeText)
    {
        freeText = false;
        var record = context.Record ?? CreateRecord(rng.Fork("record"));
        var rule = Rule(context.PropertyName, name, parent, context.Format);
        if (rule == TemporalRule)
        {
            return Temporal(context, name, record, rng);
        }

        if (rule == NoRule)
        {
            return null;
        }

        var faker = BogusFaker.For(_locale, rng);
        // Bogus's own data drawn from the same stream, without its per-draw lock (see LocaleData); Bogus when null.
        var data = LocaleData.For(_locale);
        switch (rule - NameRules)
        {
            case 0:
            {
                    return record.Person.First;
            }

            case 1:
            {
                    return record.Person.Last;
            }

            case 2:
            {
                    return data.FirstName(rng) ?? faker.Name.FirstName();
            }

            case 3:
            {
                    return record.Person.First + " " + record.Person.Last;
            }

            case 4:
            {
                    var (first, last) = record.Person;
                    return Transliteration.ToAsciiSlug(first) + rng.Pick([".", "_", ""]) + Transliteration.ToAsciiSlug(last)
                        + (rng.NextBool(0.4) ? rng.NextInt(1, 99).ToString(CultureInfo.InvariantCulture) : string.Empty);
            }

            case 5:
            {
                    return string.Concat(record.Person.First.AsSpan(0, 1), record.Person.Last.AsSpan(0, 1));
            }

            case 6:
            {
                    return data.JobTitle(rng) ?? faker.Name.JobTitle();
            }

            case 7:
            {
                    return rng.Pick(["female", "male"]);
            }

            case 8:
            {
                    return Email(record, rng, work: IsAny(parent, s_companyParents) || ContainsAny(name, "work", "business", "company"), synthetic);
            }

            case 9:
            {
                    return synthetic ? FirstAccepted(context, SyntheticValues.FictionalPhones(rng, _locale)) : faker.Phone.PhoneNumber();
            }

            case 10:
            {
                    return FirstAccepted(context, SyntheticValues.FictionalSsns(rng));
            }

            case 11:
            {
                    return FirstAccepted(context, SyntheticValues.FictionalNinos(rng));
            }

            case 12:
            {
                    return data.StreetAddress(rng) ?? faker.Address.StreetAddress();
            }

            case 13:
            {
                    return data.SecondaryAddress(rng) ?? faker.Address.SecondaryAddress();
            }

            case 14:
            {
                    var street = data.StreetAddress(rng) ?? faker.Address.StreetAddress();
                    var zip = data.ZipCode(rng) ?? faker.Address.ZipCode();
                    var city = data.City(rng) ?? faker.Address.City();
                    return $"{street}, {zip} {city}";
            }

            case 15:
            {
                    return data.City(rng) ?? faker.Address.City();
            }

            case 16:
            {
                    return data.ZipCode(rng) ?? faker.Address.ZipCode();
            }

            case 17:
            {
                    return data.State(rng) ?? faker.Address.State();
            }

            case 18:
            {
                    return record.Country.Alpha2;
            }

            case 19:
            {
                    return record.Country.Alpha3;
            }

            case 20:
            {
                    return context.MaxLength switch
                    {
                        2 => record.Country.Alpha2,
                        3 => record.Country.Alpha3,
                        _ => context.Pattern is not null && context.Pattern.Contains("{2}", StringComparison.Ordinal) ? record.Country.Alpha2 : record.Country.Name,
                    };
            }

            case 21:
            {
                    return faker.Address.Latitude().ToString("0.######", CultureInfo.InvariantCulture);
            }

            case 22:
            {
                    return faker.Address.Longitude().ToString("0.######", CultureInfo.InvariantCulture);
            }

            case 23:
            {
                    return rng.Pick(s_timeZones);
            }

            case 24:
            {
                    return record.Currency.Code;
            }

            case 25:
            {
                    return IbanGenerator.Generate(rng, record.Country.Alpha2, testBank: synthetic);
            }

            case 26:
            {
                    return faker.Finance.Bic();
            }

            case 27:
            {
                    // Always a published test number (the name is sensitive): a rotating start, then the first that fits.
                    var start = rng.NextInt(0, SyntheticValues.TestCards.Length - 1);
                    return FirstAccepted(context, SyntheticValues.TestCards.Skip(start).Concat(SyntheticValues.TestCards.Take(start)));
            }

            case 28:
            {
                    return rng.NextInt(1, 9).ToString(CultureInfo.InvariantCulture) + Digits(rng, 9);
            }

            case 29:
            {
                    var currency = record.Currency;
                    var amount = MoneyValue(rng, name, currency);
                    return amount.ToString("F" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            }

            case 30:
            {
                    return record.Company;
            }

            case 31:
            {
                    return data.Department(rng) ?? faker.Commerce.Department();
            }

            case 32:
            {
                    return faker.Commerce.ProductName();
            }

            case 33:
            {
                    return data.Department(rng) ?? faker.Commerce.Department();
            }

            case 34:
            {
                    return FormatGenerator.TryGenerate("uuid", rng, 0, null, out var uuid) ? "SKU-" + uuid[..8].ToUpperInvariant() : null;
            }

            case 35:
            {
                    return faker.Commerce.Color();
            }

            case 36:
            {
                    return "#" + Digits(rng, 6, "0123456789abcdef");
            }

            case 37:
            {
                    return record.Person.First + " " + record.Person.Last;
            }

            case 38:
            {
                    freeText = true;
                    return data.CatchPhrase(rng) ?? faker.Company.CatchPhrase();
            }

            case 39:
            {
                    freeText = true;
                    var jobTitle = data.JobTitle(rng) ?? faker.Name.JobTitle();
                    return $"{jobTitle} at {record.Company}.";
            }

            case 40:
            {
                    freeText = true;
                    return data.ProductDescription(rng) ?? faker.Commerce.ProductDescription();
            }

            case 41:
            {
                    freeText = true;
                    return LocaleData.For("en").Review(rng) ?? faker.Rant.Review();
            }

            case 42:
            {
                    return string.Join('-', faker.Commerce.ProductName().Split(' ').Select(Transliteration.ToAsciiSlug).Where(s => s.Length > 0));
            }

            case 43:
            {
                    return faker.Image.PicsumUrl();
            }

            case 44:
            {
                    return faker.Internet.UrlWithPath("https");
            }

            case 45:
            {
                    return faker.Internet.DomainName();
            }

            case 46:
            {
                    // Synthetic: the RFC 5737 documentation networks, never a subscriber's address.
                    return synthetic
                        ? rng.Pick(s_documentationNetworks) + rng.NextInt(1, 254).ToString(CultureInfo.InvariantCulture)
                        : faker.Internet.Ip();
            }

            case 47:
            {
                    // Synthetic: RFC 3849's 2001:db8::/32 documentation prefix.
                    return synthetic
                        ? "2001:db8:" + string.Join(':', Enumerable.Range(0, 6).Select(_ => rng.NextInt(0, 0xffff).ToString("x", CultureInfo.InvariantCulture)))
                        : faker.Internet.Ipv6();
            }

            case 48:
            {
                    return faker.Internet.Mac();
            }

            case 49:
            {
                    return faker.Internet.UserAgent();
            }

            case 50:
            {
                    return Digits(rng, 40, "0123456789abcdef");
            }

            case 51:
            {
                    return FormatGenerator.TryGenerate("password", rng, 0, null, out var password) ? password : null;
            }

            case 52:
            {
                    return FormatGenerator.TryGenerate("uuid", rng, 0, null, out var uuid) ? uuid : null;
            }

            case 53:
            {
                    return rng.Pick(IsAny(parent, s_paymentParents) || name == "paymentstatus" ? s_paymentStatuses
                        : IsAny(parent, s_orderParents) || name == "orderstatus" ? s_orderStatuses
                        : s_statuses);
            }

            case 54:
            {
                    return rng.Pick(s_localeTags);
            }

            case 55:
            {
                    return rng.Pick(s_languages);
            }

            case 56:
            {
                    return faker.System.Semver();
            }

            case 57:
            {
                    return faker.System.FileName();
            }

            case 58:
            {
                    return faker.System.MimeType();
            }
        }

        return null;
    }

    private int Rule(string? propertyName, string name, string parent, string? format)
    {
        var key = (propertyName, parent, format);
        if (_rules.TryGetValue(key, out var known))
        {
            return known;
        }

        var rule = Classify(propertyName, name, parent, format);
        if (_rules.Count < RuleCacheLimit)
        {
            _rules.TryAdd(key, rule);
        }

        return rule;
    }

    // The checks RealisticString made in line, in their order: the first that holds decides.
    private int Classify(string? propertyName, string name, string parent, string? format)
    {
        if (format is "date-time" or "date" or "time" || (format is null && LooksTemporal(name, propertyName)))
        {
            return TemporalRule;
        }

        if (name.Length == 0)
        {
            return NoRule;
        }

        var personParent = IsAny(parent, s_personParents);

        // People.
        if (IsAny(name, "firstname", "givenname", "forename", "first"))
        {
            return NameRules + 0;
        }

        if (IsAny(name, "lastname", "surname", "familyname", "last"))
        {
            return NameRules + 1;
        }

        if (name == "middlename")
        {
            return NameRules + 2;
        }

        if (IsAny(name, "fullname", "displayname", "contactname", "customername", "accountholdername", "accountholder", "holdername", "cardholdername", "cardholder", "authorname", "ownername", "recipientname", "sendername", "beneficiaryname", "payername", "payeename", "personname")
            || (name == "name" && (personParent || parent.Length == 0)))
        {
            return NameRules + 3;
        }

        if (IsAny(name, "username", "login", "handle", "nickname", "screenname", "userhandle"))
        {
            return NameRules + 4;
        }

        if (name == "initials")
        {
            return NameRules + 5;
        }

        if (IsAny(name, "jobtitle", "position", "occupation") || (name == "title" && personParent))
        {
            return NameRules + 6;
        }

        if (IsAny(name, "gender", "sex"))
        {
            return NameRules + 7;
        }

        // Contact.
        if (name.Contains("email", StringComparison.Ordinal) || name == "mail")
        {
            return NameRules + 8;
        }

        if (name.Contains("phone", StringComparison.Ordinal) || IsAny(name, "mobile", "tel", "telephone", "fax", "cell", "msisdn"))
        {
            return NameRules + 9;
        }

        // National ids: always from ranges never issued (the names are sensitive, so even lifelike runs get these).
        if (IsAny(name, "ssn", "socialsecuritynumber", "socialsecurityno", "usssn") || (name == "nationalid" && _locale != "en_GB"))
        {
            return NameRules + 10;
        }

        if (IsAny(name, "nino", "nationalinsurancenumber", "ninumber", "nationalinsuranceno") || name == "nationalid")
        {
            return NameRules + 11;
        }

        // Addresses.
        if (IsAny(name, "street", "streetaddress", "address1", "addressline1", "line1", "street1", "streetline1"))
        {
            return NameRules + 12;
        }

        if (IsAny(name, "address2", "addressline2", "line2", "street2", "streetline2"))
        {
            return NameRules + 13;
        }

        if (IsAny(name, "address", "fulladdress", "postaladdress", "mailingaddress", "billingaddress", "shippingaddress"))
        {
            return NameRules + 14;
        }

        if (IsAny(name, "city", "town", "locality", "cityname"))
        {
            return NameRules + 15;
        }

        if (IsAny(name, "zip", "zipcode", "postcode", "postalcode"))
        {
            return NameRules + 16;
        }

        if (IsAny(name, "province", "region", "county", "stateprovince", "statename") || (name == "state" && IsAny(parent, s_addressParents)))
        {
            return NameRules + 17;
        }

        if (IsAny(name, "countrycode", "countryiso", "iso2", "alpha2", "countryalpha2", "nationality", "countryiso2"))
        {
            return NameRules + 18;
        }

        if (IsAny(name, "alpha3", "iso3", "countryalpha3", "countryiso3"))
        {
            return NameRules + 19;
        }

        if (IsAny(name, "country", "countryname"))
        {
            return NameRules + 20;
        }

        if (IsAny(name, "latitude", "lat"))
        {
            return NameRules + 21;
        }

        if (IsAny(name, "longitude", "lng", "lon", "long"))
        {
            return NameRules + 22;
        }

        if (IsAny(name, "timezone", "tz", "timezoneid"))
        {
            return NameRules + 23;
        }

        // Money and banking.
        if (IsAny(name, "currency", "currencycode", "ccy", "currencyiso", "isocurrencycode"))
        {
            return NameRules + 24;
        }

        if (name.Contains("iban", StringComparison.Ordinal))
        {
            return NameRules + 25;
        }

        if (IsAny(name, "bic", "swift", "swiftcode", "biccode", "swiftbic"))
        {
            return NameRules + 26;
        }

        if (IsAny(name, "cardnumber", "creditcardnumber", "pan", "creditcard", "ccnumber", "debitcardnumber", "primaryaccountnumber")
            || (IsAny(name, "number", "num", "no") && ContainsAny(parent, "card")))
        {
            return NameRules + 27;
        }

        if (IsAny(name, "accountnumber", "bankaccountnumber"))
        {
            return NameRules + 28;
        }

        if (IsMoneyName(name))
        {
            return NameRules + 29;
        }

        // Organisations and commerce.
        if (IsAny(name, "company", "companyname", "organization", "organisation", "organizationname", "organisationname", "orgname", "employer", "merchant", "merchantname", "vendor", "vendorname", "supplier", "suppliername", "businessname", "legalname", "tradingname")
            || (name == "name" && IsAny(parent, s_companyParents)))
        {
            return NameRules + 30;
        }

        if (name == "department")
        {
            return NameRules + 31;
        }

        if (IsAny(name, "product", "productname", "itemname", "articlename", "planname") || (name is "name" or "title" && IsAny(parent, s_productParents)))
        {
            return NameRules + 32;
        }

        if (name == "name" && ContainsAny(parent, "category", "department", "tag", "group"))
        {
            return NameRules + 33;
        }

        if (name == "sku")
        {
            return NameRules + 34;
        }

        if (IsAny(name, "color", "colour"))
        {
            return NameRules + 35;
        }

        if (IsAny(name, "hexcolor", "hexcolour", "colorhex"))
        {
            return NameRules + 36;
        }

        if (name == "name")
        {
            return NameRules + 37;
        }

        if (IsAny(name, "title", "subject", "headline", "heading", "caption"))
        {
            return NameRules + 38;
        }

        if (IsAny(name, "bio", "about", "biography"))
        {
            return NameRules + 39;
        }

        if (IsAny(name, "description", "summary", "details", "desc", "shortdescription", "longdescription", "productdescription"))
        {
            return NameRules + 40;
        }

        if (IsAny(name, "comment", "comments", "note", "notes", "message", "review", "feedback", "remarks", "body", "text", "content", "reason"))
        {
            return NameRules + 41;
        }

        if (name == "slug")
        {
            return NameRules + 42;
        }

        // Internet.
        if (IsAny(name, "avatar", "avatarurl", "image", "imageurl", "photo", "photourl", "picture", "pictureurl", "thumbnail", "thumbnailurl", "logo", "logourl"))
        {
            return NameRules + 43;
        }

        if (IsAny(name, "url", "website", "homepage", "webpage", "link", "href", "uri", "siteurl", "profileurl", "callbackurl", "webhookurl", "redirecturi", "redirecturl", "returnurl", "websiteurl"))
        {
            return NameRules + 44;
        }

        if (IsAny(name, "domain", "domainname", "hostname", "host"))
        {
            return NameRules + 45;
        }

        if (IsAny(name, "ip", "ipaddress", "ipv4", "clientip", "remoteip", "remoteaddress", "sourceip", "ipv4address"))
        {
            return NameRules + 46;
        }

        if (IsAny(name, "ipv6", "ipv6address"))
        {
            return NameRules + 47;
        }

        if (IsAny(name, "mac", "macaddress"))
        {
            return NameRules + 48;
        }

        if (name == "useragent")
        {
            return NameRules + 49;
        }

        if (IsAny(name, "token", "apikey", "secret", "accesstoken", "refreshtoken", "sessiontoken", "clientsecret"))
        {
            return NameRules + 50;
        }

        if (IsAny(name, "password", "passwd"))
        {
            return NameRules + 51;
        }

        // Identifiers: a UUID for "id", "uuid", "guid", "orderId", "customer_id" ... (not "paid", "valid").
        if (IsAny(name, "id", "uuid", "guid") || IsIdentifierName(propertyName))
        {
            return NameRules + 52;
        }

        // Status-like words, by the kind of record they describe.
        if (IsAny(name, "status", "state", "stage", "phase", "lifecyclestate", "paymentstatus", "orderstatus"))
        {
            return NameRules + 53;
        }

        if (name == "locale")
        {
            return NameRules + 54;
        }

        if (IsAny(name, "language", "lang", "languagecode"))
        {
            return NameRules + 55;
        }

        if (IsAny(name, "version", "semver"))
        {
            return NameRules + 56;
        }

        if (IsAny(name, "filename", "file"))
        {
            return NameRules + 57;
        }

        if (IsAny(name, "mimetype", "contenttype", "mediatype"))
        {
            return NameRules + 58;
        }

        return NoRule;
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
