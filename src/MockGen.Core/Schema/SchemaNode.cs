using System.Text.Json;
using MockGen.Core.Json;

namespace MockGen.Core.Schema;

/// <summary>
/// One compiled (sub)schema. Every keyword is a typed field, read once by <see cref="SchemaSet"/>;
/// <c>$ref</c> targets are direct node references, so the graph may be cyclic. Nodes are filled by the
/// compiler and never change afterwards: share them freely across threads.
/// </summary>
/// <remarks>
/// Keyword names differ across drafts; the model normalizes them: draft-04..2019-09 array-form
/// <c>items</c> becomes <see cref="PrefixItems"/> and <c>additionalItems</c> becomes <see cref="Items"/>
/// (with <see cref="PrefixItemsKeyword"/>/<see cref="ItemsKeyword"/> keeping the original names for error
/// paths); <c>dependencies</c> splits into <see cref="DependentRequired"/> and <see cref="DependentSchemas"/>;
/// draft-04/OpenAPI 3.0 boolean <c>exclusiveMinimum</c> becomes a numeric <see cref="ExclusiveMinimum"/>.
/// </remarks>
internal sealed class SchemaNode
{
    internal static readonly SchemaNode[] NoNodes = [];

    internal SchemaNode(SchemaResource resource, string documentUri, string documentPointer, string absoluteLocation, JsonElement element, Dialect dialect)
    {
        Resource = resource;
        DocumentUri = documentUri;
        DocumentPointer = documentPointer;
        AbsoluteLocation = absoluteLocation;
        Element = element;
        Dialect = dialect;
    }

    // ---- Identity and location ----

    /// <summary>The schema resource (the nearest enclosing <c>$id</c>, or the document) this node belongs to.</summary>
    public SchemaResource Resource { get; }

    /// <summary>URI of the document holding this schema (no fragment).</summary>
    public string DocumentUri { get; }

    /// <summary>JSON Pointer of this schema inside its document (e.g. <c>/components/schemas/Pet</c>).</summary>
    public string DocumentPointer { get; }

    /// <summary>Absolute keyword location: the resource's URI plus a JSON Pointer fragment relative to it.</summary>
    public string AbsoluteLocation { get; }

    /// <summary>The source JSON of this schema.</summary>
    public JsonElement Element { get; }

    /// <summary>The dialect this schema is read with.</summary>
    public Dialect Dialect { get; }

    /// <summary>The vocabularies in force (custom metaschemas may drop some).</summary>
    public Vocabularies Vocabularies { get; internal set; } = Vocabularies.Standard;

    /// <summary><see langword="true"/> or <see langword="false"/> for a boolean schema; null for an object schema.</summary>
    public bool? BooleanSchema { get; internal set; }

    // ---- References ----

    /// <summary>The compiled target of <c>$ref</c>, already resolved.</summary>
    public SchemaNode? Ref { get; internal set; }

    /// <summary>The <c>$ref</c> text as written.</summary>
    public string? RefText { get; internal set; }

    /// <summary>The statically resolved target of <c>$dynamicRef</c> (2020-12).</summary>
    public SchemaNode? DynamicRef { get; internal set; }

    /// <summary>
    /// When the <c>$dynamicRef</c> fragment names a <c>$dynamicAnchor</c> of its initial target, that name:
    /// the validator then looks it up in the dynamic scope. Null means <c>$dynamicRef</c> acts as <c>$ref</c>.
    /// </summary>
    public string? DynamicRefAnchor { get; internal set; }

    /// <summary>The statically resolved target of <c>$recursiveRef</c> (2019-09).</summary>
    public SchemaNode? RecursiveRef { get; internal set; }

    /// <summary><c>$recursiveAnchor: true</c> on this resource root (2019-09).</summary>
    public bool RecursiveAnchor { get; internal set; }

    /// <summary><c>$dynamicAnchor</c> declared on this node (2020-12), or null.</summary>
    public string? DynamicAnchor { get; internal set; }

    // ---- Any instance ----

    /// <summary>The allowed types; <see cref="SchemaTypes.None"/> when <c>type</c> is absent.</summary>
    public SchemaTypes Types { get; internal set; }

    /// <summary><c>const</c>, when present.</summary>
    public JsonElement? Const { get; internal set; }

    /// <summary><c>enum</c> values in document order, or null.</summary>
    public IReadOnlyList<JsonElement>? Enum { get; internal set; }

    // ---- Numbers ----

    /// <summary>Inclusive lower bound.</summary>
    public NumberLimit? Minimum { get; internal set; }

    /// <summary>Inclusive upper bound.</summary>
    public NumberLimit? Maximum { get; internal set; }

    /// <summary>Exclusive lower bound (numeric, whatever the draft's spelling).</summary>
    public NumberLimit? ExclusiveMinimum { get; internal set; }

    /// <summary>Exclusive upper bound (numeric, whatever the draft's spelling).</summary>
    public NumberLimit? ExclusiveMaximum { get; internal set; }

    /// <summary>Keyword that carried <see cref="ExclusiveMinimum"/> (<c>exclusiveMinimum</c>, or <c>minimum</c> in draft-04 form).</summary>
    public string ExclusiveMinimumKeyword { get; internal set; } = "exclusiveMinimum";

    /// <summary>Keyword that carried <see cref="ExclusiveMaximum"/>.</summary>
    public string ExclusiveMaximumKeyword { get; internal set; } = "exclusiveMaximum";

    /// <summary><c>multipleOf</c> (exact).</summary>
    public NumberLimit? MultipleOf { get; internal set; }

    // ---- Strings ----

    /// <summary><c>minLength</c> in code points.</summary>
    public long? MinLength { get; internal set; }

    /// <summary><c>maxLength</c> in code points.</summary>
    public long? MaxLength { get; internal set; }

    /// <summary><c>pattern</c>, compiled.</summary>
    public CompiledPattern? Pattern { get; internal set; }

    /// <summary><c>format</c> name, or null.</summary>
    public string? Format { get; internal set; }

    /// <summary>Whether <see cref="Format"/> is asserted for this node by its vocabulary (2020-12 format-assertion).</summary>
    public bool FormatAssertedByVocabulary { get; internal set; }

    /// <summary>
    /// Whether <see cref="Format"/> is read with the OpenAPI Format Registry (OpenAPI 3.0/Swagger 2.0 schemas, and
    /// OpenAPI 3.1 ones): only then do <c>int32</c>, <c>int64</c>, <c>float</c>, <c>double</c> constrain numbers.
    /// </summary>
    public bool OpenApiFormatRegistry { get; internal set; }

    /// <summary><c>contentMediaType</c> (annotation).</summary>
    public string? ContentMediaType { get; internal set; }

    /// <summary><c>contentEncoding</c> (annotation).</summary>
    public string? ContentEncoding { get; internal set; }

    /// <summary><c>contentSchema</c> (annotation).</summary>
    public SchemaNode? ContentSchema { get; internal set; }

    // ---- Objects ----

    /// <summary><c>properties</c> in document order.</summary>
    public IReadOnlyList<SchemaProperty> Properties { get; internal set; } = [];

    /// <summary><c>patternProperties</c> in document order.</summary>
    public IReadOnlyList<PatternProperty> PatternProperties { get; internal set; } = [];

    /// <summary><c>additionalProperties</c>.</summary>
    public SchemaNode? AdditionalProperties { get; internal set; }

    /// <summary><c>propertyNames</c>.</summary>
    public SchemaNode? PropertyNames { get; internal set; }

    /// <summary><c>required</c> in document order.</summary>
    public IReadOnlyList<string> Required { get; internal set; } = [];

    /// <summary><c>dependentRequired</c> (and array-valued <c>dependencies</c>).</summary>
    public IReadOnlyList<DependentRequirement> DependentRequired { get; internal set; } = [];

    /// <summary><c>dependentSchemas</c> (and schema-valued <c>dependencies</c>).</summary>
    public IReadOnlyList<DependentSchema> DependentSchemas { get; internal set; } = [];

    /// <summary>Keyword name used for dependent requirements (<c>dependentRequired</c> or <c>dependencies</c>).</summary>
    public string DependentRequiredKeyword { get; internal set; } = "dependentRequired";

    /// <summary>Keyword name used for dependent schemas (<c>dependentSchemas</c> or <c>dependencies</c>).</summary>
    public string DependentSchemasKeyword { get; internal set; } = "dependentSchemas";

    /// <summary><c>minProperties</c>.</summary>
    public long? MinProperties { get; internal set; }

    /// <summary><c>maxProperties</c>.</summary>
    public long? MaxProperties { get; internal set; }

    /// <summary><c>unevaluatedProperties</c>.</summary>
    public SchemaNode? UnevaluatedProperties { get; internal set; }

    /// <summary>OpenAPI <c>discriminator</c>.</summary>
    public Discriminator? Discriminator { get; internal set; }

    // ---- Arrays ----

    /// <summary>Positional item schemas (2020-12 <c>prefixItems</c>, earlier array-form <c>items</c>).</summary>
    public IReadOnlyList<SchemaNode> PrefixItems { get; internal set; } = NoNodes;

    /// <summary>Schema for items after <see cref="PrefixItems"/> (2020-12 <c>items</c>, earlier <c>additionalItems</c> or object-form <c>items</c>).</summary>
    public SchemaNode? Items { get; internal set; }

    /// <summary>Keyword that carried <see cref="PrefixItems"/>.</summary>
    public string PrefixItemsKeyword { get; internal set; } = "prefixItems";

    /// <summary>Keyword that carried <see cref="Items"/>.</summary>
    public string ItemsKeyword { get; internal set; } = "items";

    /// <summary><c>contains</c>.</summary>
    public SchemaNode? Contains { get; internal set; }

    /// <summary><c>minContains</c> (2019-09+; only meaningful with <see cref="Contains"/>).</summary>
    public long? MinContains { get; internal set; }

    /// <summary><c>maxContains</c>.</summary>
    public long? MaxContains { get; internal set; }

    /// <summary><c>uniqueItems: true</c>.</summary>
    public bool UniqueItems { get; internal set; }

    /// <summary><c>minItems</c>.</summary>
    public long? MinItems { get; internal set; }

    /// <summary><c>maxItems</c>.</summary>
    public long? MaxItems { get; internal set; }

    /// <summary><c>unevaluatedItems</c>.</summary>
    public SchemaNode? UnevaluatedItems { get; internal set; }

    // ---- Applicators ----

    /// <summary><c>allOf</c>.</summary>
    public IReadOnlyList<SchemaNode> AllOf { get; internal set; } = NoNodes;

    /// <summary><c>anyOf</c>.</summary>
    public IReadOnlyList<SchemaNode> AnyOf { get; internal set; } = NoNodes;

    /// <summary><c>oneOf</c>.</summary>
    public IReadOnlyList<SchemaNode> OneOf { get; internal set; } = NoNodes;

    /// <summary><c>not</c>.</summary>
    public SchemaNode? Not { get; internal set; }

    /// <summary><c>if</c>.</summary>
    public SchemaNode? If { get; internal set; }

    /// <summary><c>then</c> (only applied when <see cref="If"/> is present).</summary>
    public SchemaNode? Then { get; internal set; }

    /// <summary><c>else</c> (only applied when <see cref="If"/> is present).</summary>
    public SchemaNode? Else { get; internal set; }

    // ---- Annotations ----

    /// <summary><c>readOnly: true</c>.</summary>
    public bool ReadOnly { get; internal set; }

    /// <summary><c>writeOnly: true</c>.</summary>
    public bool WriteOnly { get; internal set; }

    /// <summary>OpenAPI 3.0 <c>nullable: true</c> or Swagger <c>x-nullable: true</c> (already folded into <see cref="Types"/>).</summary>
    public bool Nullable { get; internal set; }

    /// <summary><c>deprecated: true</c>.</summary>
    public bool Deprecated { get; internal set; }

    /// <summary><c>title</c>.</summary>
    public string? Title { get; internal set; }

    /// <summary><c>description</c>.</summary>
    public string? Description { get; internal set; }

    /// <summary><c>default</c>.</summary>
    public JsonElement? Default { get; internal set; }

    /// <summary>OpenAPI <c>example</c> (singular).</summary>
    public JsonElement? Example { get; internal set; }

    /// <summary><c>examples</c> (array form) in document order.</summary>
    public IReadOnlyList<JsonElement> Examples { get; internal set; } = [];

    /// <summary><c>x-*</c> extension keywords in document order (the generator reads <c>x-mockgen</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonElement>> Extensions { get; internal set; } = [];

    // ---- Precomputed by the compiler for the validator ----

    /// <summary>Whether evaluating this node needs annotation tracking (it has unevaluated* keywords).</summary>
    internal bool HasUnevaluated => UnevaluatedProperties is not null || UnevaluatedItems is not null;

    /// <summary>Whether the node constrains nothing (an empty schema or <c>true</c>).</summary>
    internal bool IsTrivial { get; set; }

    /// <summary>Whether the validator must track the dynamic scope through this node.</summary>
    internal bool IsResourceRoot { get; set; }

    /// <summary>When <see cref="Enum"/> holds only strings: their UTF-8 bytes, compared without transcoding.</summary>
    internal byte[][]? EnumUtf8 { get; set; }

    /// <summary>
    /// When every required name is one of <see cref="Properties"/> (and there are at most 64): per property, the
    /// bits of the required entries it satisfies, so one pass over the instance checks both.
    /// </summary>
    internal ulong[]? RequiredMaskByProperty { get; set; }

    /// <summary>All required bits.</summary>
    internal ulong RequiredFullMask { get; set; }

    /// <summary><see cref="Required"/> as UTF-8.</summary>
    internal byte[][] RequiredUtf8 { get; set; } = [];

    /// <summary>For nodes with many <see cref="Properties"/>: name to index, looked up by characters without allocating.</summary>
    internal Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>? PropertyIndex { get; set; }

    /// <summary>Whether this node was filled by the compiler.</summary>
    internal bool IsCompiled { get; set; }

    /// <summary>Returns an extension value by name (<c>x-mockgen</c>), or null.</summary>
    public JsonElement? GetExtension(string name)
    {
        foreach (var pair in Extensions)
        {
            if (string.Equals(pair.Key, name, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => AbsoluteLocation;
}
