using System.Globalization;
using System.Text;

namespace MockGen.Cli.Commands;

/// <summary>Counts for the validate summary: per target, so memory grows with targets, never with records.</summary>
internal sealed class ValidationSummary
{
    private readonly SortedDictionary<(string Contract, string Target), Counts> _byTarget = new(Comparer<(string, string)>.Create(
        (a, b) => string.CompareOrdinal(a.Item1, b.Item1) is var c && c != 0 ? c : string.CompareOrdinal(a.Item2, b.Item2)));

    public long Records { get; private set; }

    public long Valid { get; private set; }

    public long Invalid { get; private set; }

    public long NegativeAsLabelled { get; private set; }

    public long NegativeNotAsLabelled { get; private set; }

    /// <summary>Records with an error verdict: error records of the dataset, or records whose contract or target does not load.</summary>
    public long Errors { get; private set; }

    /// <summary>Records whose meta.contractVersion differs from the contract's version now.</summary>
    public long OtherVersion { get; set; }

    /// <summary>True when every ordinary record is valid and every negative record failed as labelled.</summary>
    public bool AllAsExpected => Invalid == 0 && NegativeNotAsLabelled == 0 && Errors == 0;

    /// <summary>Counts a record with an error verdict (it was not validated).</summary>
    public void AddError(string contract, string target)
    {
        Records++;
        Errors++;
        CountsFor(contract, target).Failed++;
    }

    public void Add(string contract, string target, bool valid, bool? negativeMatched)
    {
        Records++;
        var counts = CountsFor(contract, target);
        if (negativeMatched is { } matched)
        {
            if (matched)
            {
                NegativeAsLabelled++;
            }
            else
            {
                NegativeNotAsLabelled++;
                counts.Failed++;
            }
        }
        else if (valid)
        {
            Valid++;
        }
        else
        {
            Invalid++;
            counts.Failed++;
        }
    }

    public string Render(string dataset)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{dataset}: {Records} records: {Valid} valid, {Invalid} invalid");
        if (NegativeAsLabelled + NegativeNotAsLabelled > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {NegativeAsLabelled} negative failed as labelled, {NegativeNotAsLabelled} negative not as labelled");
        }

        if (Errors > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {Errors} errors (no payload, or a contract or target that does not load)");
        }

        text.AppendLine();
        foreach (var ((contract, target), counts) in _byTarget)
        {
            if (counts.Failed > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {counts.Failed} of {counts.Records} failed: {contract} {target}");
            }
        }

        if (OtherVersion > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  note: {OtherVersion} records name another meta.contractVersion than the contract's current version");
        }

        return text.ToString();
    }

    private Counts CountsFor(string contract, string target)
    {
        if (!_byTarget.TryGetValue((contract, target), out var counts))
        {
            counts = new Counts();
            _byTarget[(contract, target)] = counts;
        }

        counts.Records++;
        return counts;
    }

    private sealed class Counts
    {
        public long Records { get; set; }

        public long Failed { get; set; }
    }
}
