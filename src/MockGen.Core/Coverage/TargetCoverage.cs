using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Schema;

namespace MockGen.Core.Coverage;

/// <summary>
/// The coverage of one target, accumulated payload by payload: which enum values, branches, optional properties,
/// conditions, sizes, bounds, formats and (for negatives) breakable keywords a dataset exercises. Not thread-safe:
/// one instance per reader; the model behind it is built once per instance.
/// </summary>
public sealed class TargetCoverage
{
    private readonly CoverageModel _model;
    private readonly CoverageMeter _meter;
    private readonly bool[] _covered;
    private readonly string?[] _notCovered;
    private readonly HashSet<int> _scratch = [];

    private TargetCoverage(string targetId, CoverageModel model, CoverageOptions options)
    {
        TargetId = targetId;
        _model = model;
        _meter = new CoverageMeter(model, options);
        _covered = new bool[model.Items.Count];
        _notCovered = new string?[model.Items.Count];
    }

    /// <summary>The target's id.</summary>
    public string TargetId { get; }

    /// <summary>Every item of the model, reachable or not, in model order.</summary>
    public IReadOnlyList<CoverageItem> Items => _model.Items;

    /// <summary>Valid payloads observed.</summary>
    public long Payloads { get; private set; }

    /// <summary>Negative payloads observed.</summary>
    public long NegativePayloads { get; private set; }

    /// <summary>Builds the coverage model of <paramref name="target"/> (compiling it first).</summary>
    /// <param name="contract">The loaded contract.</param>
    /// <param name="target">One of its targets.</param>
    /// <param name="options">Bounds; null for the defaults.</param>
    /// <exception cref="ContractException">The target's schema does not compile.</exception>
    public static TargetCoverage Create(Contract contract, ContractTarget target, CoverageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(target);
        var root = contract.GetNode(target);
        return Create(root, target.Id, target.Direction, options);
    }

    internal static TargetCoverage Create(SchemaNode root, string targetId, PayloadDirection direction, CoverageOptions? options = null)
    {
        var copy = options is null ? new CoverageOptions() : new CoverageOptions
        {
            MaxSchemaNodes = options.MaxSchemaNodes,
            MaxItems = options.MaxItems,
            MaxDepth = options.MaxDepth,
            AssertFormats = options.AssertFormats,
        };
        return new TargetCoverage(targetId, CoverageModel.Build(root, direction, copy), copy);
    }

    /// <summary>Records a valid payload; returns how many items it covered for the first time.</summary>
    public int Observe(JsonElement payload)
    {
        Payloads++;
        _scratch.Clear();
        _meter.Measure(payload, _scratch);
        return Mark(_scratch);
    }

    /// <summary>
    /// Records a negative payload by its label (<c>meta.violation</c>: keyword and schema path); returns 1 when it
    /// violated a breakable keyword no earlier payload had, else 0.
    /// </summary>
    public int ObserveViolation(string keyword, string schemaPath)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        ArgumentNullException.ThrowIfNull(schemaPath);
        NegativePayloads++;
        var id = _meter.Violation(keyword, schemaPath);
        if (id < 0 || _covered[id])
        {
            return 0;
        }

        _covered[id] = true;
        return 1;
    }

    /// <summary>Whether every reachable item is covered.</summary>
    public bool Complete
    {
        get
        {
            for (var i = 0; i < _covered.Length; i++)
            {
                if (!_covered[i] && _model.Items[i].NotReachable is null)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The items a valid payload would cover, without recording it (for choosing payloads).</summary>
    internal HashSet<int> Measure(JsonElement payload)
    {
        var hits = new HashSet<int>();
        _meter.Measure(payload, hits);
        return hits;
    }

    /// <summary>The violation item a negative label names, or -1.</summary>
    internal int ViolationItem(string keyword, string schemaPath) => _meter.Violation(keyword, schemaPath);

    internal bool IsCovered(int id) => _covered[id];

    /// <summary>The model behind this coverage: nodes, routes and aims of the items (for steering payloads at them).</summary>
    internal CoverageModel Model => _model;

    /// <summary>Records why the coverage variant left item <paramref name="id"/> uncovered (<see cref="CoverageItem.NotCovered"/>).</summary>
    internal void Explain(int id, string reason) => _notCovered[id] = reason;

    internal bool IsReachable(int id) => _model.Items[id].NotReachable is null;

    /// <summary>Marks items covered (a payload chosen elsewhere); returns how many were new.</summary>
    internal int Mark(IEnumerable<int> ids)
    {
        var added = 0;
        foreach (var id in ids)
        {
            if (!_covered[id])
            {
                _covered[id] = true;
                added++;
            }
        }

        return added;
    }

    internal void Count(bool negative)
    {
        if (negative)
        {
            NegativePayloads++;
        }
        else
        {
            Payloads++;
        }
    }

    /// <summary>Covered/total per category, the uncovered items and the unreachable ones.</summary>
    public CoverageSummary Summarize()
    {
        var categories = new List<CategoryCoverage>();
        foreach (var category in Enum.GetValues<CoverageCategory>())
        {
            int covered = 0, total = 0, unreachable = 0;
            for (var i = 0; i < _covered.Length; i++)
            {
                var item = _model.Items[i];
                if (item.Category != category)
                {
                    continue;
                }

                if (item.NotReachable is not null)
                {
                    unreachable++;
                }
                else
                {
                    total++;
                    covered += _covered[i] ? 1 : 0;
                }
            }

            categories.Add(new CategoryCoverage(category, covered, total, unreachable));
        }

        var uncovered = new List<CoverageItem>();
        var notReachable = new List<CoverageItem>();
        for (var i = 0; i < _covered.Length; i++)
        {
            var item = _model.Items[i];
            if (item.NotReachable is not null)
            {
                notReachable.Add(item);
            }
            else if (!_covered[i])
            {
                uncovered.Add(_notCovered[i] is { } why ? item with { NotCovered = why } : item);
            }
        }

        return new CoverageSummary(TargetId, categories, uncovered, notReachable, _model.Truncated, Payloads, NegativePayloads);
    }
}
