using System.Text.Json;
using MockGen.Core.Json;

namespace MockGen.Core.Schema;

/// <summary>Compiler half of <see cref="SchemaSet"/>.</summary>
public sealed partial class SchemaSet
{
    private readonly HashSet<SchemaResource> _anchorsCompiled = [];

    private void Drain()
    {
        while (_pending.Count > 0)
        {
            var node = _pending.Dequeue();
            Fill(node);
            node.IsCompiled = true;
        }
    }

    private static bool Has(Vocabularies set, Vocabularies v) => (set & v) != 0;

    // Every keyword Fill reads, so that a schema's property names need no string each: JsonProperty.Name allocates
    // one per member of every schema compiled.
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "$ref", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "$id", "$schema", "$anchor", "$defs", "$comment",
        "id", "definitions", "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "pattern", "format", "contentMediaType", "contentEncoding", "contentSchema", "properties",
        "patternProperties", "additionalProperties", "propertyNames", "required", "dependencies", "dependentRequired",
        "dependentSchemas", "minProperties", "maxProperties", "unevaluatedProperties", "items", "prefixItems", "additionalItems",
        "contains", "minContains", "maxContains", "uniqueItems", "minItems", "maxItems", "unevaluatedItems", "allOf", "anyOf",
        "oneOf", "not", "if", "then", "else", "readOnly", "writeOnly", "nullable", "x-nullable", "deprecated", "title",
        "description", "default", "example", "examples", "discriminator", "xml", "externalDocs",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_keywordLookup = s_keywords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static string KeywordName(JsonProperty property)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length <= 32 && raw.IndexOf((byte)'\\') < 0)
        {
            Span<char> chars = stackalloc char[32];
            if (System.Text.Encoding.UTF8.TryGetChars(raw, chars, out var written) && s_keywordLookup.TryGetValue(chars[..written], out var keyword))
            {
                return keyword;
            }
        }

        return property.Name;
    }

    private void Fill(SchemaNode node)
    {
        var resource = node.Resource;
        if (_anchorsCompiled.Add(resource))
        {
            _journal?.Resources.Add(resource);
            foreach (var (name, pointer) in resource.DynamicAnchors)
            {
                resource.DynamicAnchorNodes[name] = GetOrCreateNode(resource.DocumentUri, pointer, Navigate(_documents[resource.DocumentUri], pointer));
            }

            if (resource.RootNode is null)
            {
                resource.RootNode = GetOrCreateNode(resource.DocumentUri, resource.DocumentPointer, resource.Root);
            }
        }

        var e = node.Element;
        var loc = node.AbsoluteLocation;
        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            node.BooleanSchema = e.ValueKind == JsonValueKind.True;
            node.IsTrivial = node.BooleanSchema == true;
            return;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            throw SchemaException.NotASchema(loc);
        }

        var d = node.Dialect;
        var v = node.Vocabularies;
        var legacy = IsLegacy(d);
        var draft6Plus = d is not (Dialect.Draft4 or Dialect.OpenApi30 or Dialect.Swagger20);
        var draft7Plus = draft6Plus && d != Dialect.Draft6;
        var modern = !legacy;
        var applicator = Has(v, Vocabularies.Applicator);
        var validation = Has(v, Vocabularies.Validation);
        var constrains = false;

        if (e.TryGetProperty("$ref", out var refElement))
        {
            if (refElement.ValueKind != JsonValueKind.String)
            {
                throw SchemaException.InvalidKeyword(loc, "$ref", "must be a string");
            }

            node.RefText = refElement.GetString();
            node.Ref = ResolveReference(node, loc, "$ref", node.RefText!);
            constrains = true;
            if (legacy)
            {
                // draft-04..07 and OpenAPI 3.0: "$ref" replaces the whole schema; siblings are ignored.
                node.IsTrivial = false;
                return;
            }
        }

        bool? exclusiveMinFlag = null;
        bool? exclusiveMaxFlag = null;
        SchemaNode? additionalItems = null;
        var itemsIsArray = false;
        List<KeyValuePair<string, JsonElement>>? extensions = null;

        foreach (var p in e.EnumerateObject())
        {
            var value = p.Value;
            var name = KeywordName(p);
            switch (name)
            {
                case "$dynamicRef" when d == Dialect.Draft202012:
                    ReadDynamicRef(node, value);
                    constrains = true;
                    break;
                case "$dynamicAnchor" when d == Dialect.Draft202012 && value.ValueKind == JsonValueKind.String:
                    node.DynamicAnchor = value.GetString();
                    break;
                case "$recursiveRef" when d == Dialect.Draft201909:
                    node.RecursiveRef = ResolveReference(node, loc, name, RequireString(loc, name, value));
                    constrains = true;
                    break;
                case "$recursiveAnchor" when d == Dialect.Draft201909:
                    node.RecursiveAnchor = value.ValueKind == JsonValueKind.True;
                    break;

                case "type" when validation:
                    node.Types = ReadTypes(loc, value, d);
                    constrains = true;
                    break;
                case "enum" when validation:
                    if (value.ValueKind != JsonValueKind.Array)
                    {
                        throw SchemaException.InvalidKeyword(loc, name, "must be an array");
                    }

                    node.Enum = [.. value.EnumerateArray()];
                    if (node.Enum.All(x => x.ValueKind == JsonValueKind.String))
                    {
                        node.EnumUtf8 = [.. node.Enum.Select(x => System.Text.Encoding.UTF8.GetBytes(x.GetString()!))];
                    }

                    constrains = true;
                    break;
                case "const" when validation && draft6Plus:
                    node.Const = value;
                    constrains = true;
                    break;

                case "minimum" when validation:
                    node.Minimum = ReadNumber(loc, name, value);
                    constrains = true;
                    break;
                case "maximum" when validation:
                    node.Maximum = ReadNumber(loc, name, value);
                    constrains = true;
                    break;
                case "exclusiveMinimum" when validation:
                    if (!draft6Plus && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        exclusiveMinFlag = value.ValueKind == JsonValueKind.True;
                    }
                    else
                    {
                        node.ExclusiveMinimum = ReadNumber(loc, name, value);
                    }

                    constrains = true;
                    break;
                case "exclusiveMaximum" when validation:
                    if (!draft6Plus && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        exclusiveMaxFlag = value.ValueKind == JsonValueKind.True;
                    }
                    else
                    {
                        node.ExclusiveMaximum = ReadNumber(loc, name, value);
                    }

                    constrains = true;
                    break;
                case "multipleOf" when validation:
                    node.MultipleOf = ReadNumber(loc, name, value);
                    if (node.MultipleOf.Exact.Sign <= 0)
                    {
                        throw SchemaException.InvalidKeyword(loc, name, "must be greater than 0");
                    }

                    constrains = true;
                    break;

                case "minLength" when validation:
                    node.MinLength = ReadCount(loc, name, value);
                    constrains = true;
                    break;
                case "maxLength" when validation:
                    node.MaxLength = ReadCount(loc, name, value);
                    constrains = true;
                    break;
                case "pattern" when validation:
                    node.Pattern = ReadPattern(loc, name, value);
                    constrains = true;
                    break;
                case "format" when value.ValueKind == JsonValueKind.String:
                    node.Format = value.GetString();
                    node.FormatAssertedByVocabulary = Has(v, Vocabularies.FormatAssertion);
                    node.OpenApiFormatRegistry = _openApiFormatRegistry || d is Dialect.OpenApi30 or Dialect.Swagger20;
                    constrains = true;
                    break;
                case "contentMediaType" when draft7Plus && value.ValueKind == JsonValueKind.String:
                    node.ContentMediaType = value.GetString();
                    constrains |= d == Dialect.Draft7;
                    break;
                case "contentEncoding" when draft7Plus && value.ValueKind == JsonValueKind.String:
                    node.ContentEncoding = value.GetString();
                    constrains |= d == Dialect.Draft7;
                    break;
                case "contentSchema" when modern:
                    node.ContentSchema = Child(node, value, name);
                    break;

                case "properties" when applicator:
                    node.Properties = ReadProperties(node, value, name);
                    constrains = true;
                    break;
                case "patternProperties" when applicator:
                {
                    var list = new List<PatternProperty>();
                    foreach (var entry in RequireObject(loc, name, value).EnumerateObject())
                    {
                        var pattern = ReadPattern(loc + "/" + name, entry.Name, JsonSerializer.SerializeToElement(entry.Name));
                        list.Add(new PatternProperty(pattern, Child(node, entry.Value, name, entry.Name)));
                    }

                    node.PatternProperties = list;
                    constrains = true;
                    break;
                }

                case "additionalProperties" when applicator:
                    node.AdditionalProperties = Child(node, value, name);
                    constrains = true;
                    break;
                case "propertyNames" when applicator && draft6Plus:
                    node.PropertyNames = Child(node, value, name);
                    constrains = true;
                    break;
                case "required" when validation:
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        node.Required = ReadStrings(loc, name, value);
                        constrains = node.Required.Count > 0 || constrains;
                    }
                    else if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        // OpenAPI/Swagger parameter objects use a boolean "required"; anything else is an error.
                        throw SchemaException.InvalidKeyword(loc, name, "must be an array of strings");
                    }

                    break;
                case "dependencies" when applicator:
                {
                    var requirements = new List<DependentRequirement>();
                    var schemas = new List<DependentSchema>();
                    foreach (var entry in RequireObject(loc, name, value).EnumerateObject())
                    {
                        if (entry.Value.ValueKind == JsonValueKind.Array)
                        {
                            requirements.Add(new DependentRequirement(entry.Name, ReadStrings(loc + "/" + name, entry.Name, entry.Value)));
                        }
                        else
                        {
                            schemas.Add(new DependentSchema(entry.Name, Child(node, entry.Value, name, entry.Name)));
                        }
                    }

                    // 2019-09 split "dependencies"; later drafts still honour it when the split keywords are absent
                    // (the suite's optional dependencies-compatibility tests).
                    if (legacy || !e.TryGetProperty("dependentRequired", out _))
                    {
                        node.DependentRequired = requirements;
                        node.DependentRequiredKeyword = name;
                    }

                    if (legacy || !e.TryGetProperty("dependentSchemas", out _))
                    {
                        node.DependentSchemas = schemas;
                        node.DependentSchemasKeyword = name;
                    }
                    constrains = true;
                    break;
                }

                case "dependentRequired" when modern && validation:
                    node.DependentRequired = ReadDependentRequired(loc, name, value);
                    constrains = true;
                    break;
                case "dependentSchemas" when modern && applicator:
                    node.DependentSchemas = [.. MapOfSchemas(node, value, name).Select(x => new DependentSchema(x.Key, x.Value))];
                    constrains = true;
                    break;
                case "minProperties" when validation:
                    node.MinProperties = ReadCount(loc, name, value);
                    constrains = true;
                    break;
                case "maxProperties" when validation:
                    node.MaxProperties = ReadCount(loc, name, value);
                    constrains = true;
                    break;
                case "unevaluatedProperties" when modern && Has(v, Vocabularies.Unevaluated):
                    node.UnevaluatedProperties = Child(node, value, name);
                    constrains = true;
                    break;

                case "items" when applicator:
                    if (value.ValueKind == JsonValueKind.Array && d != Dialect.Draft202012)
                    {
                        node.PrefixItems = ArrayOfSchemas(node, value, name, allowEmpty: true);
                        node.PrefixItemsKeyword = name;
                        itemsIsArray = true;
                    }
                    else
                    {
                        node.Items = Child(node, value, name);
                        node.ItemsKeyword = name;
                    }

                    constrains = true;
                    break;
                case "prefixItems" when applicator && d == Dialect.Draft202012:
                    node.PrefixItems = ArrayOfSchemas(node, value, name, allowEmpty: false);
                    node.PrefixItemsKeyword = name;
                    constrains = true;
                    break;
                case "additionalItems" when applicator && d != Dialect.Draft202012:
                    additionalItems = Child(node, value, name);
                    break;
                case "contains" when applicator && draft6Plus:
                    node.Contains = Child(node, value, name);
                    constrains = true;
                    break;
                case "minContains" when validation && modern:
                    node.MinContains = ReadCount(loc, name, value);
                    break;
                case "maxContains" when validation && modern:
                    node.MaxContains = ReadCount(loc, name, value);
                    break;
                case "uniqueItems" when validation:
                    node.UniqueItems = value.ValueKind == JsonValueKind.True;
                    constrains |= node.UniqueItems;
                    break;
                case "minItems" when validation:
                    node.MinItems = ReadCount(loc, name, value);
                    constrains = true;
                    break;
                case "maxItems" when validation:
                    node.MaxItems = ReadCount(loc, name, value);
                    constrains = true;
                    break;
                case "unevaluatedItems" when modern && Has(v, Vocabularies.Unevaluated):
                    node.UnevaluatedItems = Child(node, value, name);
                    constrains = true;
                    break;

                case "allOf" when applicator:
                    node.AllOf = ArrayOfSchemas(node, value, name, allowEmpty: false);
                    constrains = true;
                    break;
                case "anyOf" when applicator:
                    node.AnyOf = ArrayOfSchemas(node, value, name, allowEmpty: false);
                    constrains = true;
                    break;
                case "oneOf" when applicator:
                    node.OneOf = ArrayOfSchemas(node, value, name, allowEmpty: false);
                    constrains = true;
                    break;
                case "not" when applicator:
                    node.Not = Child(node, value, name);
                    constrains = true;
                    break;
                case "if" when applicator && draft7Plus:
                    node.If = Child(node, value, name);
                    constrains = true;
                    break;
                case "then" when applicator && draft7Plus:
                    node.Then = Child(node, value, name);
                    break;
                case "else" when applicator && draft7Plus:
                    node.Else = Child(node, value, name);
                    break;

                case "readOnly" when draft7Plus || d is Dialect.OpenApi30 or Dialect.Swagger20:
                    node.ReadOnly = value.ValueKind == JsonValueKind.True;
                    constrains |= node.ReadOnly;
                    break;
                case "writeOnly" when draft7Plus || d == Dialect.OpenApi30:
                    node.WriteOnly = value.ValueKind == JsonValueKind.True;
                    constrains |= node.WriteOnly;
                    break;
                case "nullable" when d == Dialect.OpenApi30:
                case "x-nullable" when d == Dialect.Swagger20:
                    node.Nullable = value.ValueKind == JsonValueKind.True;
                    if (name.StartsWith("x-", StringComparison.Ordinal))
                    {
                        (extensions ??= []).Add(new(name, value));
                    }

                    break;
                case "deprecated":
                    node.Deprecated = value.ValueKind == JsonValueKind.True;
                    break;
                case "title" when value.ValueKind == JsonValueKind.String:
                    node.Title = value.GetString();
                    break;
                case "description" when value.ValueKind == JsonValueKind.String:
                    node.Description = value.GetString();
                    break;
                case "default":
                    node.Default = value;
                    break;
                case "example":
                    node.Example = value;
                    break;
                case "examples" when value.ValueKind == JsonValueKind.Array:
                    node.Examples = [.. value.EnumerateArray()];
                    break;
                case "discriminator":
                    node.Discriminator = ReadDiscriminator(node, value);
                    break;
                default:
                    if (name.StartsWith("x-", StringComparison.Ordinal))
                    {
                        (extensions ??= []).Add(new(name, value));
                    }

                    break;
            }
        }

        // draft-04 / OpenAPI 3.0 / Swagger 2.0: a boolean exclusive flag turns the matching bound exclusive.
        if (exclusiveMinFlag == true && node.Minimum is not null)
        {
            node.ExclusiveMinimum = node.Minimum;
            node.ExclusiveMinimumKeyword = "minimum";
            node.Minimum = null;
        }

        if (exclusiveMaxFlag == true && node.Maximum is not null)
        {
            node.ExclusiveMaximum = node.Maximum;
            node.ExclusiveMaximumKeyword = "maximum";
            node.Maximum = null;
        }

        if (itemsIsArray && additionalItems is not null)
        {
            node.Items = additionalItems;
            node.ItemsKeyword = "additionalItems";
        }

        if (node.Nullable && node.Types != SchemaTypes.None)
        {
            node.Types |= SchemaTypes.Null;
        }

        if (node.Contains is null)
        {
            node.MinContains = null;
            node.MaxContains = null;
        }

        if (extensions is not null)
        {
            node.Extensions = extensions;
        }

        node.IsTrivial = !constrains;
        node.RequiredUtf8 = Utf8Names(node.Required);
        if (node.Required.Count is > 0 and <= 64)
        {
            var masks = new ulong[node.Properties.Count];
            var all = true;
            for (var r = 0; r < node.Required.Count && all; r++)
            {
                var found = false;
                for (var k = 0; k < node.Properties.Count; k++)
                {
                    if (string.Equals(node.Properties[k].Name, node.Required[r], StringComparison.Ordinal))
                    {
                        masks[k] |= 1UL << r;
                        found = true;
                    }
                }

                all = found;
            }

            if (all)
            {
                node.RequiredMaskByProperty = masks;
                node.RequiredFullMask = node.Required.Count == 64 ? ulong.MaxValue : (1UL << node.Required.Count) - 1;
            }
        }
        if (node.Properties.Count > 8)
        {
            // Linear UTF-8 comparison wins for a handful of properties; a dictionary wins beyond.
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < node.Properties.Count; i++)
            {
                index.TryAdd(node.Properties[i].Name, i);
            }

            node.PropertyIndex = index.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    private void ReadDynamicRef(SchemaNode node, JsonElement value)
    {
        var text = RequireString(node.AbsoluteLocation, "$dynamicRef", value);
        var target = ResolveReference(node, node.AbsoluteLocation, "$dynamicRef", text);
        node.DynamicRef = target;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? string.Empty : Uri.UnescapeDataString(text[(hash + 1)..]);

        // Dynamic only when the fragment is a plain name declared by $dynamicAnchor in the initial target's
        // resource (2020-12 §8.2.3.2, the "bookending" requirement); otherwise it behaves as $ref.
        if (fragment.Length > 0 && !fragment.StartsWith('/') &&
            target.Resource.DynamicAnchors.TryGetValue(fragment, out var pointer) &&
            pointer == target.DocumentPointer && target.DocumentUri == target.Resource.DocumentUri)
        {
            node.DynamicRefAnchor = fragment;
        }
    }

    private Discriminator? ReadDiscriminator(SchemaNode node, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return new Discriminator(value.GetString()!, [], []);
        }

        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("propertyName", out var pn) || pn.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var mapping = new List<KeyValuePair<string, string>>();
        var targets = new List<KeyValuePair<string, SchemaNode>>();
        if (value.TryGetProperty("mapping", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in map.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                var reference = entry.Value.GetString()!;
                mapping.Add(new(entry.Name, reference));
                var refText = reference.Contains('#', StringComparison.Ordinal) || reference.Contains('/', StringComparison.Ordinal)
                    ? reference
                    : "#/components/schemas/" + JsonPointer.EscapeToken(reference);
                try
                {
                    targets.Add(new(entry.Name, ResolveReference(node, node.AbsoluteLocation, "discriminator/mapping", refText)));
                }
                catch (SchemaException)
                {
                    // An unresolvable mapping entry is a contract diagnostic, not a reason to refuse the schema.
                }
            }
        }

        return new Discriminator(pn.GetString()!, mapping, targets);
    }

    private SchemaNode Child(SchemaNode parent, JsonElement value, string keyword, string? key = null)
    {
        if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            throw SchemaException.InvalidKeyword(parent.AbsoluteLocation, key is null ? keyword : keyword + "/" + JsonPointer.EscapeToken(key), "must be a schema (an object or a boolean)");
        }

        // One string per child pointer (not one per token).
        var pointer = key is null
            ? string.Concat(parent.DocumentPointer, "/", JsonPointer.EscapeToken(keyword))
            : string.Concat(parent.DocumentPointer, "/", JsonPointer.EscapeToken(keyword), "/", JsonPointer.EscapeToken(key));
        return GetOrCreateNode(parent.DocumentUri, pointer, value);
    }

    // Helpers rather than lambdas in Fill: a lambda capturing Fill's locals costs a closure object per node and per
    // keyword compiled, whether or not its keyword is present.
    private SchemaProperty[] ReadProperties(SchemaNode parent, JsonElement value, string keyword)
    {
        var map = RequireObject(parent.AbsoluteLocation, keyword, value);
        var count = 0;
        foreach (var _ in map.EnumerateObject())
        {
            count++;
        }

        var result = new SchemaProperty[count];
        var i = 0;
        foreach (var entry in map.EnumerateObject())
        {
            result[i++] = new SchemaProperty(entry.Name, Child(parent, entry.Value, keyword, entry.Name));
        }

        return result;
    }

    private static List<DependentRequirement> ReadDependentRequired(string location, string keyword, JsonElement value)
    {
        var result = new List<DependentRequirement>();
        foreach (var entry in RequireObject(location, keyword, value).EnumerateObject())
        {
            result.Add(new DependentRequirement(entry.Name, ReadStrings(location + "/" + keyword, entry.Name, entry.Value)));
        }

        return result;
    }

    private static byte[][] Utf8Names(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return [];
        }

        var result = new byte[names.Count][];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = System.Text.Encoding.UTF8.GetBytes(names[i]);
        }

        return result;
    }

    private List<KeyValuePair<string, SchemaNode>> MapOfSchemas(SchemaNode parent, JsonElement value, string keyword)
    {
        var list = new List<KeyValuePair<string, SchemaNode>>();
        foreach (var entry in RequireObject(parent.AbsoluteLocation, keyword, value).EnumerateObject())
        {
            list.Add(new(entry.Name, Child(parent, entry.Value, keyword, entry.Name)));
        }

        return list;
    }

    private SchemaNode[] ArrayOfSchemas(SchemaNode parent, JsonElement value, string keyword, bool allowEmpty)
    {
        if (value.ValueKind != JsonValueKind.Array || (!allowEmpty && value.GetArrayLength() == 0))
        {
            throw SchemaException.InvalidKeyword(parent.AbsoluteLocation, keyword, allowEmpty ? "must be an array of schemas" : "must be a non-empty array of schemas");
        }

        var result = new SchemaNode[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            result[i] = Child(parent, item, keyword, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            i++;
        }

        return result;
    }

    private static JsonElement RequireObject(string location, string keyword, JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? value : throw SchemaException.InvalidKeyword(location, keyword, "must be an object");

    private static string RequireString(string location, string keyword, JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw SchemaException.InvalidKeyword(location, keyword, "must be a string");

    private static string[] ReadStrings(string location, string keyword, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw SchemaException.InvalidKeyword(location, keyword, "must be an array of strings");
        }

        var result = new string[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            result[i++] = item.ValueKind == JsonValueKind.String ? item.GetString()! : throw SchemaException.InvalidKeyword(location, keyword, "must be an array of strings");
        }

        return result;
    }

    private static NumberLimit ReadNumber(string location, string keyword, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? NumberLimit.FromElement(value) : throw SchemaException.InvalidKeyword(location, keyword, "must be a number");

    private static long ReadCount(string location, string keyword, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw SchemaException.InvalidKeyword(location, keyword, "must be a non-negative integer");
        }

        var exact = JsonNumbers.GetExact(value);
        if (!exact.IsInteger || exact.Sign < 0)
        {
            throw SchemaException.InvalidKeyword(location, keyword, $"must be a non-negative integer (was {value.GetRawText()})");
        }

        return exact.ToDecimal() is { } dec && dec <= long.MaxValue ? (long)dec : long.MaxValue;
    }

    private CompiledPattern ReadPattern(string location, string keyword, JsonElement value)
    {
        var source = RequireString(location, keyword, value);
        if (!CompiledPattern.TryCreate(source, _regexTimeout, out var pattern, out var error))
        {
            throw SchemaException.InvalidKeyword(location, keyword, $"\"{source}\" is not a supported ECMA-262 regular expression: {error}");
        }

        return pattern!;
    }

    private static SchemaTypes ReadTypes(string location, JsonElement value, Dialect dialect)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return ParseType(location, value, dialect);
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw SchemaException.InvalidKeyword(location, "type", "must be a type name or an array of type names");
        }

        var types = SchemaTypes.None;
        foreach (var item in value.EnumerateArray())
        {
            types |= item.ValueKind == JsonValueKind.String
                ? ParseType(location, item, dialect)
                : throw SchemaException.InvalidKeyword(location, "type", "must be a type name or an array of type names");
        }

        return value.GetArrayLength() > 0 ? types : throw SchemaException.InvalidKeyword(location, "type", "must not be an empty array");
    }

    // Compared as UTF-8 in place: reading each "type" as a string would allocate one per schema node.
    private static SchemaTypes ParseType(string location, JsonElement name, Dialect dialect) =>
        name.ValueEquals("string"u8) ? SchemaTypes.String
        : name.ValueEquals("object"u8) ? SchemaTypes.Object
        : name.ValueEquals("integer"u8) ? SchemaTypes.Integer
        : name.ValueEquals("array"u8) ? SchemaTypes.Array
        : name.ValueEquals("number"u8) ? SchemaTypes.Number
        : name.ValueEquals("boolean"u8) ? SchemaTypes.Boolean
        : name.ValueEquals("null"u8) ? SchemaTypes.Null
        // Swagger 2.0 responses may be "type": "file" (a binary body); as JSON it can only be a string.
        : dialect == Dialect.Swagger20 && name.ValueEquals("file"u8) ? SchemaTypes.String
        : throw SchemaException.InvalidKeyword(location, "type", $"\"{name.GetString()}\" is not a JSON Schema type (null, boolean, object, array, number, string, integer)");
}
