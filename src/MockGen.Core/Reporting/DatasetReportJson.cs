using System.Text.Encodings.Web;
using System.Text.Json;
using MockGen.Core.Coverage;

namespace MockGen.Core.Reporting;

/// <summary>Writes a <see cref="DatasetReport"/> as one JSON document (<c>mockgen report --json</c>), keys in a fixed order.</summary>
public static class DatasetReportJson
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/> (UTF-8, indented).</summary>
    public static void Write(DatasetReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("contract", report.Contract);
        w.WriteString("contractVersion", report.ContractVersion);
        w.WriteString("dataset", report.Dataset);
        w.WriteNumber("records", report.Records);
        w.WriteNumber("unreadableLines", report.UnreadableCount);
        w.WriteStartArray("unreadable");
        foreach (var (line, reason) in report.Unreadable)
        {
            w.WriteStartObject();
            w.WriteNumber("line", line);
            w.WriteString("reason", reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("targets");
        foreach (var t in report.Targets)
        {
            WriteTarget(w, t);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTarget(Utf8JsonWriter w, TargetReport t)
    {
        w.WriteStartObject();
        w.WriteString("target", t.TargetId);
        w.WriteString("name", t.Name);
        w.WriteStartObject("variants");
        foreach (var (variant, count) in t.Variants)
        {
            w.WriteNumber(variant, count);
        }

        w.WriteEndObject();
        w.WriteStartObject("gate");
        w.WriteNumber("payloads", t.Payloads);
        w.WriteNumber("valid", t.Valid);
        w.WriteNumber("invalid", t.Payloads - t.Valid);
        w.WriteNumber("negatives", t.Negatives);
        w.WriteNumber("negativesAsLabelled", t.NegativesAsLabelled);
        w.WriteStartObject("errorRecords");
        foreach (var (kind, count) in t.Errors)
        {
            w.WriteNumber(kind, count);
        }

        w.WriteEndObject();
        w.WriteStartObject("violations");
        foreach (var (keyword, count) in t.Violations)
        {
            w.WriteNumber(keyword, count);
        }

        w.WriteEndObject();
        w.WriteStartArray("failures");
        foreach (var (line, message) in t.Failures)
        {
            w.WriteStartObject();
            w.WriteNumber("line", line);
            w.WriteString("message", message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        if (t.Coverage is { } c)
        {
            WriteCoverage(w, c);
        }
        else
        {
            w.WriteNull("coverage");
        }

        w.WriteBoolean("fieldsTruncated", t.FieldsTruncated);
        w.WriteStartArray("fields");
        foreach (var f in t.Fields)
        {
            WriteField(w, f);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCoverage(Utf8JsonWriter w, CoverageSummary c)
    {
        w.WriteStartObject("coverage");
        w.WriteNumber("covered", c.Covered);
        w.WriteNumber("total", c.Total);
        w.WriteNumber("ratio", Math.Round(c.Ratio, 4));
        w.WriteBoolean("truncated", c.Truncated);
        w.WriteStartArray("categories");
        foreach (var k in c.Categories)
        {
            w.WriteStartObject();
            w.WriteString("category", CoverageCategoryNames.ToName(k.Category));
            w.WriteNumber("covered", k.Covered);
            w.WriteNumber("total", k.Total);
            w.WriteNumber("notReachable", k.NotReachable);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteItems(w, "uncovered", c.Uncovered);
        WriteItems(w, "notReachable", c.NotReachable);
        w.WriteEndObject();
    }

    private static void WriteItems(Utf8JsonWriter w, string name, IReadOnlyList<CoverageItem> items)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            w.WriteString("category", CoverageCategoryNames.ToName(item.Category));
            w.WriteString("schemaLocation", item.SchemaLocation);
            w.WriteString("instancePath", item.InstancePath);
            w.WriteString("item", item.Description);
            if (item.NotReachable is { } why)
            {
                w.WriteString("why", why);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteField(Utf8JsonWriter w, FieldDistribution f)
    {
        w.WriteStartObject();
        w.WriteString("path", f.Path);
        w.WriteNumber("count", f.Count);
        w.WriteNumber("nulls", f.Nulls);
        w.WriteNumber("nullShare", Math.Round(f.NullShare, 4));
        if (f.Numbers is { } n)
        {
            w.WriteStartObject("numbers");
            w.WriteNumber("count", n.Count);
            w.WriteNumber("min", n.Min);
            w.WriteNumber("max", n.Max);
            w.WriteStartArray("histogram");
            foreach (var bin in n.Histogram)
            {
                w.WriteNumberValue(bin);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        if (f.Strings is { } s)
        {
            w.WriteStartObject("strings");
            w.WriteNumber("count", s.Count);
            w.WriteNumber("minLength", s.MinLength);
            w.WriteNumber("maxLength", s.MaxLength);
            w.WriteNumber("meanLength", Math.Round(s.MeanLength, 2));
            w.WriteNumber("distinct", s.Distinct);
            w.WriteStartArray("top");
            foreach (var (value, count) in s.Top)
            {
                w.WriteStartObject();
                w.WriteString("value", value);
                w.WriteNumber("count", count);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        if (f.ArraySizes.Count > 0)
        {
            w.WriteStartObject("arraySizes");
            foreach (var (size, count) in f.ArraySizes)
            {
                w.WriteNumber(size.ToString(System.Globalization.CultureInfo.InvariantCulture), count);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
