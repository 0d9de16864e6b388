using System.Globalization;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Schema;

namespace MockGen.Storage.Diff;

/// <summary>
/// Compares two versions of a contract target by target. The rule is the dataset's point of view: a change is
/// breaking when a payload valid under the old version can be invalid under the new one (a removed target or
/// property, a newly required property, a narrowed type, enum or bound, a new pattern or format); additions of
/// optional things and widenings are non-breaking. <c>$ref</c>s are followed (cycles and depth are bounded).
/// </summary>
public static class ContractDiffer
{
    private const int MaxDepth = 64;

    /// <summary>Diffs two loaded contracts.</summary>
    public static ContractDiff Compare(Contract oldContract, Contract newContract)
    {
        ArgumentNullException.ThrowIfNull(oldContract);
        ArgumentNullException.ThrowIfNull(newContract);
        var changes = new List<ContractChange>();
        var newTargets = newContract.Targets.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var oldIds = new HashSet<string>(oldContract.Targets.Select(t => t.Id), StringComparer.Ordinal);
        foreach (var oldTarget in oldContract.Targets.DistinctBy(t => t.Id))
        {
            if (!newTargets.TryGetValue(oldTarget.Id, out var newTarget))
            {
                changes.Add(new ContractChange(ChangeSeverity.Breaking, "target-removed", oldTarget.Id, string.Empty, $"target {oldTarget.Name} was removed"));
                continue;
            }

            var walker = new Walker(oldContract, newContract, oldTarget.Id, changes);
            walker.Compare(Node.Of(oldTarget), Node.Of(newTarget), string.Empty, 0);
        }

        foreach (var added in newContract.Targets.DistinctBy(t => t.Id).Where(t => !oldIds.Contains(t.Id)))
        {
            changes.Add(new ContractChange(ChangeSeverity.NonBreaking, "target-added", added.Id, string.Empty, $"target {added.Name} was added"));
        }

        var ordered = changes
            .OrderBy(c => c.Severity)
            .ThenBy(c => c.Target, StringComparer.Ordinal)
            .ThenBy(c => c.Path, StringComparer.Ordinal)
            .ThenBy(c => c.Rule, StringComparer.Ordinal)
            .ToList();
        return new ContractDiff(oldContract.Version, newContract.Version, ordered);
    }

    private readonly record struct Node(SchemaDocument Document, JsonElement Element, string Pointer)
    {
        public static Node Of(Core.Contracts.ContractTarget target) => new(target.Document, Resolve(target.Document.Root, target.JsonPointer) ?? default, target.JsonPointer);

        public string Key => Document.BaseUri.AbsoluteUri + "#" + Pointer;

        public JsonElement? Property(string name) =>
            Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out var value) ? value : null;

        public Node Child(JsonElement element, params string[] segments) => new(Document, element, Pointer + string.Concat(segments.Select(s => "/" + Escape(s))));
    }

    private sealed class Walker(Contract oldContract, Contract newContract, string target, List<ContractChange> changes)
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);

        public void Compare(Node oldNode, Node newNode, string path, int depth)
        {
            oldNode = Deref(oldContract, oldNode, depth);
            newNode = Deref(newContract, newNode, depth);
            if (depth > MaxDepth || !_visited.Add(oldNode.Key + "|" + newNode.Key))
            {
                return;
            }

            if (oldNode.Element.ValueKind != JsonValueKind.Object || newNode.Element.ValueKind != JsonValueKind.Object)
            {
                if (oldNode.Element.ValueKind == JsonValueKind.True && newNode.Element.ValueKind == JsonValueKind.False)
                {
                    Add(ChangeSeverity.Breaking, "schema-closed", path, "schema changed from true to false");
                }

                return;
            }

            CompareTypes(oldNode, newNode, path);
            CompareEnums(oldNode, newNode, path);
            CompareBounds(oldNode, newNode, path);
            CompareStrings(oldNode, newNode, path, "pattern");
            CompareStrings(oldNode, newNode, path, "format");
            CompareProperties(oldNode, newNode, path, depth);
            CompareSubschema(oldNode, newNode, path, "items", depth);
            CompareSubschema(oldNode, newNode, path, "additionalProperties", depth);
            foreach (var keyword in new[] { "allOf", "anyOf", "oneOf", "prefixItems" })
            {
                CompareArrays(oldNode, newNode, path, keyword, depth);
            }

            if (oldNode.Property("nullable")?.ValueKind == JsonValueKind.True && newNode.Property("nullable")?.ValueKind != JsonValueKind.True)
            {
                Add(ChangeSeverity.Breaking, "nullable-removed", path, "null is no longer allowed");
            }
            else if (oldNode.Property("nullable")?.ValueKind != JsonValueKind.True && newNode.Property("nullable")?.ValueKind == JsonValueKind.True)
            {
                Add(ChangeSeverity.NonBreaking, "nullable-added", path, "null is now allowed");
            }
        }

        private void CompareTypes(Node oldNode, Node newNode, string path)
        {
            var oldTypes = Types(oldNode);
            var newTypes = Types(newNode);
            if (oldTypes is null && newTypes is not null)
            {
                Add(ChangeSeverity.Breaking, "type-added", path, "type restricted to " + string.Join(", ", newTypes));
                return;
            }

            if (oldTypes is null || newTypes is null)
            {
                if (oldTypes is not null)
                {
                    Add(ChangeSeverity.NonBreaking, "type-removed", path, "type restriction removed");
                }

                return;
            }

            // integer is a subset of number, so number -> integer narrows and integer -> number widens.
            var removed = oldTypes.Where(t => !newTypes.Contains(t) && !(t == "integer" && newTypes.Contains("number"))).ToList();
            var added = newTypes.Where(t => !oldTypes.Contains(t) && !(t == "integer" && oldTypes.Contains("number"))).ToList();
            if (removed.Count > 0)
            {
                Add(ChangeSeverity.Breaking, "type-narrowed", path, $"type {string.Join(", ", oldTypes)} narrowed to {string.Join(", ", newTypes)}");
            }
            else if (added.Count > 0)
            {
                Add(ChangeSeverity.NonBreaking, "type-widened", path, $"type {string.Join(", ", oldTypes)} widened to {string.Join(", ", newTypes)}");
            }
        }

        private void CompareEnums(Node oldNode, Node newNode, string path)
        {
            var oldEnum = oldNode.Property("enum");
            var newEnum = newNode.Property("enum");
            if (newEnum is { ValueKind: JsonValueKind.Array } n)
            {
                var newValues = n.EnumerateArray().Select(v => v.GetRawText()).ToHashSet(StringComparer.Ordinal);
                if (oldEnum is not { ValueKind: JsonValueKind.Array } o)
                {
                    Add(ChangeSeverity.Breaking, "enum-added", path, "values restricted to " + string.Join(", ", newValues.Order(StringComparer.Ordinal)));
                    return;
                }

                var oldValues = o.EnumerateArray().Select(v => v.GetRawText()).ToHashSet(StringComparer.Ordinal);
                foreach (var gone in oldValues.Where(v => !newValues.Contains(v)).Order(StringComparer.Ordinal))
                {
                    Add(ChangeSeverity.Breaking, "enum-value-removed", path, "enum value " + gone + " was removed");
                }

                foreach (var added in newValues.Where(v => !oldValues.Contains(v)).Order(StringComparer.Ordinal))
                {
                    Add(ChangeSeverity.NonBreaking, "enum-value-added", path, "enum value " + added + " was added");
                }
            }
            else if (oldEnum is { ValueKind: JsonValueKind.Array })
            {
                Add(ChangeSeverity.NonBreaking, "enum-removed", path, "the enum restriction was removed");
            }

            var oldConst = oldNode.Property("const")?.GetRawText();
            var newConst = newNode.Property("const")?.GetRawText();
            if (newConst is not null && !string.Equals(oldConst, newConst, StringComparison.Ordinal))
            {
                Add(ChangeSeverity.Breaking, "const-changed", path, "const is now " + newConst);
            }
        }

        private void CompareBounds(Node oldNode, Node newNode, string path)
        {
            foreach (var keyword in new[] { "minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "minContains" })
            {
                CompareBound(oldNode, newNode, path, keyword, lowerBound: true);
            }

            foreach (var keyword in new[] { "maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "maxContains" })
            {
                CompareBound(oldNode, newNode, path, keyword, lowerBound: false);
            }

            var oldMultiple = oldNode.Property("multipleOf")?.GetRawText();
            var newMultiple = newNode.Property("multipleOf")?.GetRawText();
            if (newMultiple is not null && !string.Equals(oldMultiple, newMultiple, StringComparison.Ordinal))
            {
                Add(ChangeSeverity.Breaking, "multipleOf-changed", path, "multipleOf is now " + newMultiple);
            }
        }

        private void CompareBound(Node oldNode, Node newNode, string path, string keyword, bool lowerBound)
        {
            var oldValue = Number(oldNode.Property(keyword));
            var newValue = Number(newNode.Property(keyword));
            if (newValue is null)
            {
                if (oldValue is not null)
                {
                    Add(ChangeSeverity.NonBreaking, keyword + "-removed", path, $"{keyword} {Format(oldValue.Value)} was removed");
                }

                return;
            }

            if (oldValue is null)
            {
                Add(ChangeSeverity.Breaking, keyword + "-added", path, $"{keyword} {Format(newValue.Value)} was added");
                return;
            }

            if (oldValue.Value == newValue.Value)
            {
                return;
            }

            var narrowed = lowerBound ? newValue.Value > oldValue.Value : newValue.Value < oldValue.Value;
            Add(narrowed ? ChangeSeverity.Breaking : ChangeSeverity.NonBreaking, keyword + (narrowed ? "-narrowed" : "-widened"), path, $"{keyword} changed from {Format(oldValue.Value)} to {Format(newValue.Value)}");
        }

        private void CompareStrings(Node oldNode, Node newNode, string path, string keyword)
        {
            var oldValue = oldNode.Property(keyword) is { ValueKind: JsonValueKind.String } o ? o.GetString() : null;
            var newValue = newNode.Property(keyword) is { ValueKind: JsonValueKind.String } n ? n.GetString() : null;
            if (string.Equals(oldValue, newValue, StringComparison.Ordinal))
            {
                return;
            }

            if (newValue is null)
            {
                Add(ChangeSeverity.NonBreaking, keyword + "-removed", path, $"{keyword} '{oldValue}' was removed");
            }
            else
            {
                Add(ChangeSeverity.Breaking, keyword + (oldValue is null ? "-added" : "-changed"), path, $"{keyword} is now '{newValue}'");
            }
        }

        private void CompareProperties(Node oldNode, Node newNode, string path, int depth)
        {
            var oldRequired = Required(oldNode);
            var newRequired = Required(newNode);
            var oldProperties = oldNode.Property("properties") is { ValueKind: JsonValueKind.Object } op ? op : (JsonElement?)null;
            var newProperties = newNode.Property("properties") is { ValueKind: JsonValueKind.Object } np ? np : (JsonElement?)null;
            var oldNames = oldProperties?.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal) ?? [];
            var newNames = newProperties?.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal) ?? [];

            foreach (var name in oldNames.Order(StringComparer.Ordinal))
            {
                var propertyPath = path + "/properties/" + Escape(name);
                if (!newNames.Contains(name))
                {
                    Add(ChangeSeverity.Breaking, "property-removed", propertyPath, $"property '{name}' was removed");
                    continue;
                }

                if (newRequired.Contains(name) && !oldRequired.Contains(name))
                {
                    Add(ChangeSeverity.Breaking, "required-added", propertyPath, $"property '{name}' became required");
                }
                else if (!newRequired.Contains(name) && oldRequired.Contains(name))
                {
                    Add(ChangeSeverity.NonBreaking, "required-removed", propertyPath, $"property '{name}' became optional");
                }

                var oldChild = oldNode.Child(oldProperties!.Value.GetProperty(name), "properties", name);
                var newChild = newNode.Child(newProperties!.Value.GetProperty(name), "properties", name);
                Compare(oldChild, newChild, propertyPath, depth + 1);
            }

            foreach (var name in newNames.Where(n => !oldNames.Contains(n)).Order(StringComparer.Ordinal))
            {
                var propertyPath = path + "/properties/" + Escape(name);
                if (newRequired.Contains(name))
                {
                    Add(ChangeSeverity.Breaking, "required-property-added", propertyPath, $"required property '{name}' was added");
                }
                else
                {
                    Add(ChangeSeverity.NonBreaking, "property-added", propertyPath, $"optional property '{name}' was added");
                }
            }

            foreach (var name in newRequired.Where(n => !oldRequired.Contains(n) && !newNames.Contains(n) && !oldNames.Contains(n)).Order(StringComparer.Ordinal))
            {
                Add(ChangeSeverity.Breaking, "required-added", path + "/required", $"property '{name}' became required");
            }
        }

        private void CompareSubschema(Node oldNode, Node newNode, string path, string keyword, int depth)
        {
            var oldChild = oldNode.Property(keyword);
            var newChild = newNode.Property(keyword);
            if (oldChild is null || newChild is null)
            {
                if (oldChild is null && newChild is { ValueKind: JsonValueKind.False })
                {
                    Add(ChangeSeverity.Breaking, keyword + "-closed", path + "/" + keyword, keyword + " is now false");
                }

                return;
            }

            Compare(oldNode.Child(oldChild.Value, keyword), newNode.Child(newChild.Value, keyword), path + "/" + keyword, depth + 1);
        }

        private void CompareArrays(Node oldNode, Node newNode, string path, string keyword, int depth)
        {
            var oldArray = oldNode.Property(keyword) is { ValueKind: JsonValueKind.Array } o ? o.EnumerateArray().ToList() : [];
            var newArray = newNode.Property(keyword) is { ValueKind: JsonValueKind.Array } n ? n.EnumerateArray().ToList() : [];
            if (oldArray.Count == 0 && newArray.Count == 0)
            {
                return;
            }

            for (var i = 0; i < Math.Min(oldArray.Count, newArray.Count); i++)
            {
                var index = i.ToString(CultureInfo.InvariantCulture);
                Compare(oldNode.Child(oldArray[i], keyword, index), newNode.Child(newArray[i], keyword, index), path + "/" + keyword + "/" + index, depth + 1);
            }

            if (oldArray.Count == newArray.Count)
            {
                return;
            }

            // Fewer anyOf/oneOf branches, or more allOf conjuncts, accept fewer payloads.
            var narrowed = keyword == "allOf" ? newArray.Count > oldArray.Count : newArray.Count < oldArray.Count;
            Add(narrowed ? ChangeSeverity.Breaking : ChangeSeverity.NonBreaking, keyword + (narrowed ? "-narrowed" : "-widened"), path + "/" + keyword, $"{keyword} went from {oldArray.Count} to {newArray.Count} subschemas");
        }

        private void Add(ChangeSeverity severity, string rule, string path, string message) => changes.Add(new ContractChange(severity, rule, target, path, (path.Length == 0 ? "(root)" : path) + ": " + message));
    }

    private static Node Deref(Contract contract, Node node, int depth)
    {
        for (var hops = 0; hops < 32 && node.Property("$ref") is { ValueKind: JsonValueKind.String } reference; hops++)
        {
            var uri = new Uri(node.Document.BaseUri, reference.GetString());
            var document = string.Equals(uri.GetLeftPart(UriPartial.Query), node.Document.BaseUri.GetLeftPart(UriPartial.Query), StringComparison.Ordinal)
                ? node.Document
                : contract.Resolver.Resolve(new Uri(uri.GetLeftPart(UriPartial.Query)));
            var pointer = Uri.UnescapeDataString(uri.Fragment.TrimStart('#'));
            if (document is null || Resolve(document.Root, pointer) is not { } element)
            {
                break;
            }

            node = new Node(document, element, pointer);
        }

        return node;
    }

    private static JsonElement? Resolve(JsonElement root, string pointer)
    {
        var pointerText = pointer.StartsWith('#') ? Uri.UnescapeDataString(pointer[1..]) : pointer;
        var current = root;
        if (pointerText.Length == 0)
        {
            return current;
        }

        foreach (var raw in pointerText.Split('/').Skip(1))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static SortedSet<string>? Types(Node node) => node.Property("type") switch
    {
        { ValueKind: JsonValueKind.String } s => new SortedSet<string>([s.GetString()!], StringComparer.Ordinal),
        { ValueKind: JsonValueKind.Array } a => new SortedSet<string>(a.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!), StringComparer.Ordinal),
        _ => null,
    };

    private static HashSet<string> Required(Node node) =>
        node.Property("required") is { ValueKind: JsonValueKind.Array } r
            ? r.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];

    private static decimal? Number(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Number } n && n.TryGetDecimal(out var value) ? value : null;

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
