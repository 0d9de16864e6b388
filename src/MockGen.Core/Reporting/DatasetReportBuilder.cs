using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Coverage;
using MockGen.Core.Validation;

namespace MockGen.Core.Reporting;

/// <summary>
/// Builds a <see cref="DatasetReport"/> record by record, so a dataset streams through in bounded memory: per target
/// it keeps counters, a bounded sample per field and the coverage bits, never the payloads. Not thread-safe.
/// </summary>
public sealed class DatasetReportBuilder
{
    /// <summary>Fields tracked per target; more are counted as truncated.</summary>
    public const int MaxFields = 400;

    /// <summary>Numbers per field kept for the histogram (the first ones, so the report is deterministic).</summary>
    public const int MaxSamples = 10_000;

    /// <summary>Distinct strings counted per field for the top values.</summary>
    public const int MaxDistinct = 1_000;

    private const int MaxListed = 50;
    private const int MaxFieldDepth = 64;

    private readonly Contract _contract;
    private readonly string _dataset;
    private readonly CoverageOptions _coverage;
    private readonly Dictionary<string, TargetState> _targets = new(StringComparer.Ordinal);
    private readonly List<(long, string)> _unreadable = [];
    private long _unreadableCount;
    private long _records;

    /// <summary>Starts a report of a dataset of <paramref name="contract"/>.</summary>
    /// <param name="contract">The loaded contract.</param>
    /// <param name="dataset">A name for the dataset (a file name or run id), shown in the report.</param>
    /// <param name="coverage">Bounds of the coverage models; null for the defaults.</param>
    public DatasetReportBuilder(Contract contract, string dataset, CoverageOptions? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(dataset);
        _contract = contract;
        _dataset = dataset;
        _coverage = coverage ?? new CoverageOptions();
    }

    /// <summary>Adds one line of an NDJSON dataset (1-based <paramref name="line"/>, for messages).</summary>
    public void AddLine(long line, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Trim((byte)' ').IsEmpty || utf8.Trim("\r\n\t "u8).IsEmpty)
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 512 });
            AddRecord(line, document.RootElement);
        }
        catch (JsonException e)
        {
            Unreadable(line, "not JSON: " + e.Message);
        }
    }

    /// <summary>Adds one record <c>{"meta": {...}, "payload": ...}</c> (or an error record without payload).</summary>
    public void AddRecord(long line, JsonElement record)
    {
        _records++;
        if (record.ValueKind != JsonValueKind.Object || !record.TryGetProperty("meta", out var meta) || meta.ValueKind != JsonValueKind.Object
            || !meta.TryGetProperty("target", out var targetId) || targetId.ValueKind != JsonValueKind.String)
        {
            Unreadable(line, "not a dataset record: expected {\"meta\": {\"target\": ...}, \"payload\": ...}");
            return;
        }

        var id = targetId.GetString()!;
        if (!_targets.TryGetValue(id, out var state))
        {
            if (_contract.FindTarget(id) is not { } target)
            {
                Unreadable(line, "/meta/target: '" + id + "' is not a target of " + _contract.Name);
                return;
            }

            state = new TargetState(target, Coverage(target));
            _targets.Add(id, state);
        }

        var variant = meta.TryGetProperty("variant", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "?";
        state.Variants[variant] = state.Variants.GetValueOrDefault(variant) + 1;
        if (meta.TryGetProperty("error", out var error))
        {
            var kind = meta.TryGetProperty("errorKind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "error";
            state.Errors[kind] = state.Errors.GetValueOrDefault(kind) + 1;
            state.Fail(line, error.ValueKind == JsonValueKind.String ? error.GetString()! : error.GetRawText());
            return;
        }

        if (!record.TryGetProperty("payload", out var payload))
        {
            Unreadable(line, "/payload: missing");
            return;
        }

        var result = _contract.Validate(state.Target, payload, new ValidationOptions { AssertFormats = _coverage.AssertFormats });
        if (meta.TryGetProperty("violation", out var violation) && violation.ValueKind == JsonValueKind.Object)
        {
            var keyword = Text(violation, "keyword");
            var schemaPath = Text(violation, "schemaPath");
            state.Negatives++;
            state.Violations[keyword] = state.Violations.GetValueOrDefault(keyword) + 1;
            if (ViolationMatch.IsMatchedBy(result, keyword, Text(violation, "instancePath"), schemaPath))
            {
                state.NegativesAsLabelled++;
                state.Coverage?.ObserveViolation(keyword, schemaPath);
            }
            else
            {
                state.Fail(line, "negative record does not fail as labelled (" + keyword + " at " + schemaPath + ")" + (result.Errors.Count > 0 ? ": " + result.Errors[0].Message : ": it is valid"));
            }

            return;
        }

        state.Payloads++;
        if (!result.IsValid)
        {
            state.Fail(line, result.Errors[0].Message);
            return;
        }

        state.Valid++;
        state.Coverage?.Observe(payload);
        state.Fields.Observe(payload, string.Empty, 0);
    }

    /// <summary>Counts a line that could not be read at all (a transport error, a line too long).</summary>
    public void Unreadable(long line, string reason)
    {
        _unreadableCount++;
        if (_unreadable.Count < MaxListed)
        {
            _unreadable.Add((line, reason));
        }
    }

    /// <summary>The report so far. Targets without records are listed too, with their coverage at zero.</summary>
    public DatasetReport Build()
    {
        var targets = new List<TargetReport>();
        foreach (var target in _contract.Targets)
        {
            // A target without records is reported at zero and its model let go at once: on a contract of 1,800
            // targets, keeping every unused model alive until the end held most of the report's memory.
            targets.Add((_targets.TryGetValue(target.Id, out var state) ? state : new TargetState(target, Coverage(target))).Build());
        }

        return new DatasetReport(_contract.Name, _contract.Version, _dataset, _records, [.. _unreadable], _unreadableCount, targets);
    }

    private TargetCoverage? Coverage(ContractTarget target)
    {
        try
        {
            return TargetCoverage.Create(_contract, target, _coverage);
        }
        catch (ContractException)
        {
            return null;
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    private sealed class TargetState(ContractTarget target, TargetCoverage? coverage)
    {
        public ContractTarget Target { get; } = target;

        public TargetCoverage? Coverage { get; } = coverage;

        public SortedDictionary<string, long> Variants { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, long> Violations { get; } = new(StringComparer.Ordinal);

        public List<(long, string)> Failures { get; } = [];

        public FieldTable Fields { get; } = new();

        public long Payloads { get; set; }

        public long Valid { get; set; }

        public long Negatives { get; set; }

        public long NegativesAsLabelled { get; set; }

        public void Fail(long line, string message)
        {
            if (Failures.Count < MaxListed)
            {
                Failures.Add((line, message));
            }
        }

        public TargetReport Build() => new()
        {
            TargetId = Target.Id,
            Name = Target.Name,
            Variants = [.. Variants.Select(p => (p.Key, p.Value))],
            Payloads = Payloads,
            Valid = Valid,
            Negatives = Negatives,
            NegativesAsLabelled = NegativesAsLabelled,
            Errors = [.. Errors.Select(p => (p.Key, p.Value))],
            Failures = [.. Failures],
            Violations = [.. Violations.Select(p => (p.Key, p.Value))],
            Coverage = Coverage?.Summarize(),
            Fields = Fields.Build(),
            FieldsTruncated = Fields.Truncated,
        };
    }

    // Per field: counters and bounded samples.
    private sealed class FieldTable
    {
        private readonly Dictionary<string, FieldState> _fields = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];

        public bool Truncated { get; private set; }

        public void Observe(JsonElement value, string path, int depth)
        {
            if (depth > MaxFieldDepth)
            {
                return;
            }

            var key = path.Length == 0 ? "/" : path;
            if (!_fields.TryGetValue(key, out var field))
            {
                if (_fields.Count >= MaxFields)
                {
                    Truncated = true;
                    return;
                }

                field = new FieldState();
                _fields.Add(key, field);
                _order.Add(key);
            }

            field.Add(value);
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var member in value.EnumerateObject())
                    {
                        Observe(member.Value, JsonPointerSyntax.Append(path, member.Name), depth + 1);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        Observe(item, path + "/*", depth + 1);
                    }

                    break;
            }
        }

        public List<FieldDistribution> Build() => [.. _order.Select(k => _fields[k].Build(k))];
    }

    private sealed class FieldState
    {
        private readonly List<double> _numbers = [];
        private readonly Dictionary<string, long> _strings = new(StringComparer.Ordinal);
        private readonly SortedDictionary<long, long> _sizes = [];
        private long _count;
        private long _nulls;
        private long _numberCount;
        private double _min = double.MaxValue;
        private double _max = double.MinValue;
        private long _stringCount;
        private long _minLength = long.MaxValue;
        private long _maxLength;
        private double _lengthSum;
        private long _distinct;

        public void Add(JsonElement value)
        {
            _count++;
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                    _nulls++;
                    break;
                case JsonValueKind.Number:
                    var d = value.GetDouble();
                    _numberCount++;
                    _min = Math.Min(_min, d);
                    _max = Math.Max(_max, d);
                    if (_numbers.Count < MaxSamples)
                    {
                        _numbers.Add(d);
                    }

                    break;
                case JsonValueKind.String:
                    var s = value.GetString()!;
                    long length = 0;
                    foreach (var _ in s.EnumerateRunes())
                    {
                        length++;
                    }

                    _stringCount++;
                    _minLength = Math.Min(_minLength, length);
                    _maxLength = Math.Max(_maxLength, length);
                    _lengthSum += length;
                    if (_strings.TryGetValue(s, out var seen))
                    {
                        _strings[s] = seen + 1;
                    }
                    else if (_strings.Count < MaxDistinct)
                    {
                        _strings[s] = 1;
                        _distinct++;
                    }

                    break;
                case JsonValueKind.Array:
                    var size = value.GetArrayLength();
                    _sizes[size] = _sizes.GetValueOrDefault(size) + 1;
                    break;
            }
        }

        public FieldDistribution Build(string path)
        {
            NumberDistribution? numbers = null;
            if (_numberCount > 0)
            {
                var bins = new long[10];
                var width = (_max - _min) / bins.Length;
                foreach (var n in _numbers)
                {
                    var bin = width <= 0 ? 0 : (int)Math.Min(bins.Length - 1, (n - _min) / width);
                    bins[bin]++;
                }

                numbers = new NumberDistribution(_numberCount, _min, _max, bins);
            }

            StringDistribution? strings = null;
            if (_stringCount > 0)
            {
                var top = _strings.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(5).Select(p => (p.Key, p.Value)).ToList();
                strings = new StringDistribution(_stringCount, _minLength, _maxLength, _lengthSum / _stringCount, top, _distinct);
            }

            return new FieldDistribution(path, _count, _nulls, numbers, strings, [.. _sizes.Select(p => (p.Key, p.Value))]);
        }
    }
}
