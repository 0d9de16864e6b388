namespace MockGen.Ai.Privacy;

/// <summary>The kinds of personal data the guard looks for in model answers.</summary>
public enum PiiKind
{
    /// <summary>An email address outside the reserved domains (RFC 2606 example.*, RFC 6761 .test/.example/.invalid/.localhost).</summary>
    Email,

    /// <summary>A Luhn-valid card number outside the published test numbers.</summary>
    CardNumber,

    /// <summary>A phone number outside the fictional ranges (NANP 555-0100..0199, Ofcom drama ranges).</summary>
    Phone,

    /// <summary>A US SSN shape outside the never-issued / advertising ranges.</summary>
    NationalId,

    /// <summary>A checksum-valid IBAN that is not a published example.</summary>
    Iban,

    /// <summary>A term on the tenant profile's deny-list.</summary>
    DenyListed,
}
