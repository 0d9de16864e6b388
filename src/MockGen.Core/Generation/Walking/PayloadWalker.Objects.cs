using System.Globalization;
using System.Text.Json;
using MockGen.Core.Generation.Random;
using MockGen.Core.Generation.Values;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <content>Objects: properties, required, additional/pattern properties, names, counts and dependencies.</content>
internal sealed partial class PayloadWalker
{
    private static readonly string[] ExtraNames = ["note", "label", "tag", "source", "comment", "reference", "category", "region"];

    private PayloadObject? BuildObject(SchemaConjunction conjunction, ValueSite site, Prng rng, bool terminating, WalkState state)
    {
        var record = _settings.Leaves.BeginRecord(rng.Split("record"));
        HashSet<string>? dependentsApplied = null;
        List<string> names = [];
        ObjectShape shape = null!;
        // dependentSchemas can add properties and requirements; re-plan until no new dependent schema applies.
        for (var round = 0; round < 4; round++)
        {
            shape = PlanFor(conjunction).Shape;
            names = PlanNames(conjunction, shape, site, rng, terminating, state);
            if (names.Count == 0 && state.Failure is not null)
            {
                return null;
            }

            var added = false;
            foreach (var name in shape.DependentSchemas.Count == 0 ? [] : names.ToList())
            {
                foreach (var dependent in shape.DependentSchemas.Where(d => d.Key == name))
                {
                    if (!(dependentsApplied ??= new(StringComparer.Ordinal)).Add(name + "\n" + dependent.Value.AbsoluteLocation))
                    {
                        continue;
                    }

                    if (dependent.Value.BooleanSchema == false)
                    {
                        if (shape.Required.Contains(name))
                        {
                            state.Failure ??= new WalkFailure("required property '" + name + "' forbids itself through dependentSchemas", SchemaConjunction.Location(dependent.Value), Unsupported: false);
                            return null;
                        }

                        continue;
                    }

                    Collect(dependent.Value, conjunction, rng, terminating, conjunction.Scope);
                    added = true;
                }
            }

            if (conjunction.Failure is { } failure)
            {
                state.Failure ??= failure;
                return null;
            }

            if (!added)
            {
                break;
            }
        }

        var members = new List<KeyValuePair<string, PayloadValue>>(names.Count);
        // Allocated only when an optional property is dropped, which few objects need.
        HashSet<string>? dropped = null;
        foreach (var name in names)
        {
            var childPointer = site.Pointer + "/" + EscapePointer(name);
            var forced = ForcedValue(conjunction, name);
            var valueSchemas = SchemasForProperty(conjunction, name);
            PayloadValue? value;
            if (forced is not null)
            {
                value = new PayloadString(forced);
            }
            else if (_settings.Tenant is { } tenant && _settings.TenantProperties.Contains(name, StringComparer.Ordinal) && AllowsString(valueSchemas))
            {
                value = new PayloadString(tenant);
            }
            else
            {
                var failureBefore = state.Failure;
                var mutationMark = state.Mutations.Count;
                JsonElement? proposed = site.Proposed is { ValueKind: JsonValueKind.Object } owner && owner.TryGetProperty(name, out var member) ? member : null;
                value = Generate(valueSchemas, new ValueSite(childPointer, name, site.Depth + 1, site.References, site.Scope, record) { Branched = site.Branched, ReferencePath = site.ReferencePath, MapEntry = !shape.Declared.Contains(name, StringComparer.Ordinal), Proposed = proposed, ParentPointer = site.Pointer }, state);
                if (value is null && !shape.Required.Contains(name) && names.Count - (dropped?.Count ?? 0) - 1 >= shape.MinProperties && (dropped ??= new(StringComparer.Ordinal)).Add(name))
                {
                    // An optional property that could not be built this time is left out rather than failing the object.
                    state.Failure = failureBefore;
                    state.Mutations.RemoveRange(mutationMark, state.Mutations.Count - mutationMark);
                    continue;
                }
            }

            if (value is null)
            {
                return null;
            }

            members.Add(new(name, value));
        }

        if (dropped is { Count: > 0 })
        {
            names.RemoveAll(dropped.Contains);
        }

        RecordObjectMutations(conjunction, shape, site, names, state);
        return new PayloadObject(members);
    }

    // The discriminator value fixed for a property, or null: a loop, since a lambda here allocated per property.
    private static string? ForcedValue(SchemaConjunction conjunction, string name)
    {
        foreach (var forced in conjunction.Forced)
        {
            if (forced.Key == name)
            {
                return forced.Value;
            }
        }

        return null;
    }

    private List<string> PlanNames(SchemaConjunction conjunction, ObjectShape shape, ValueSite site, Prng rng, bool terminating, WalkState state)
    {
        var names = new List<string>();
        var pick = rng.Split("properties");
        foreach (var name in shape.Required)
        {
            if (ExcludedByDirection(conjunction, name))
            {
                continue;
            }

            if (ForbiddenProperty(conjunction, name) is { } location)
            {
                state.Failure ??= new WalkFailure("required property '" + name + "' cannot have any value", location, Unsupported: false);
                return [];
            }

            if (Unbuildable(conjunction, name) is { } conflict)
            {
                state.Failure ??= new WalkFailure("required property '" + name + "' cannot have any value: " + conflict.Reason, conflict.SchemaLocation, Unsupported: false);
                return [];
            }

            names.Add(name);
        }

        foreach (var forced in conjunction.Forced)
        {
            if (!names.Contains(forced.Key, StringComparer.Ordinal))
            {
                names.Add(forced.Key);
            }
        }

        // Optional means optional: a property whose value is proven impossible is left out, never tried.
        var optional = new List<string>(shape.Declared.Count);
        foreach (var n in shape.Declared)
        {
            if (!names.Contains(n, StringComparer.Ordinal) && !conjunction.Omitted.Contains(n) && !ExcludedByDirection(conjunction, n) && ForbiddenProperty(conjunction, n) is null && Unbuildable(conjunction, n) is null)
            {
                optional.Add(n);
            }
        }

        var budget = shape.MaxProperties ?? int.MaxValue;
        foreach (var name in optional)
        {
            // A proposal decides its own optional members; the walk only fills what it lacks.
            var include = state.Steering?.Include(conjunction.Schemas, name) ?? (site.Proposed is { ValueKind: JsonValueKind.Object } proposal ? proposal.TryGetProperty(name, out _) : state.Variant switch
            {
                GenerationVariant.Minimal => false,
                GenerationVariant.Maximal => true,
                GenerationVariant.Boundary => pick.NextBool(),
                _ => pick.NextBool(_settings.OptionalPropertyRate),
            });
            if (include && !terminating && names.Count < budget)
            {
                names.Add(name);
            }
        }

        CloseOverDependentRequired(shape, names);

        var minimum = shape.MinProperties;
        if (state.Variant == GenerationVariant.Boundary && shape.MaxProperties is { } maxBound && pick.NextBool() && !terminating)
        {
            minimum = Math.Max(minimum, Math.Min(maxBound, _settings.ItemsBudget));
        }

        // Map-like objects (only patternProperties or an additionalProperties schema) get a few entries when typical.
        if (shape.Declared.Count == 0 && !terminating && state.Variant is GenerationVariant.Typical or GenerationVariant.Maximal && (shape.HasPatternProperties || shape.AdditionalSchema))
        {
            minimum = Math.Max(minimum, state.Variant == GenerationVariant.Maximal ? Math.Min(budget, 4) : pick.NextInt(1, Math.Min(3, Math.Max(1, budget))));
        }

        if (state.Steering is { } steering && !terminating && steering.Entries(conjunction.Schemas) && (shape.HasPatternProperties || shape.AdditionalSchema))
        {
            minimum = Math.Max(minimum, Math.Min(budget, names.Count + 1));
        }

        // Free-form objects (no declared properties, nothing forbidding extras) sometimes carry a property.
        if (shape.Declared.Count == 0 && !terminating && state.Variant == GenerationVariant.Typical && !shape.AdditionalForbidden && pick.NextBool(0.3))
        {
            minimum = Math.Max(minimum, Math.Min(budget, 1));
        }

        foreach (var name in optional)
        {
            if (names.Count >= minimum)
            {
                break;
            }

            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        for (var extra = 0; names.Count < minimum && extra < minimum * 4 + 8; extra++)
        {
            var name = ExtraName(conjunction, shape, site, pick, extra, state);
            if (name is null)
            {
                break;
            }

            // A map whose entries cannot be built stays as small as its minProperties allows ({} when 0).
            if (!names.Contains(name, StringComparer.Ordinal) && ForbiddenProperty(conjunction, name) is null && Unbuildable(conjunction, name) is null)
            {
                names.Add(name);
            }
        }

        CloseOverDependentRequired(shape, names);
        PlanNamesOutsidePropertyNames(conjunction, shape, site, pick, names, state);
        if (names.Count < shape.MinProperties)
        {
            state.Failure ??= new WalkFailure(
                "cannot find " + shape.MinProperties.ToString(CultureInfo.InvariantCulture) + " property names the schema allows", shape.MinPropertiesLocation ?? site.Pointer, Unsupported: false, GaveUp: true);
            return [];
        }

        if (shape.MaxProperties is { } max && names.Count > max)
        {
            // Drop optional properties from the end; required ones stay and the gate judges.
            for (var i = names.Count - 1; i >= 0 && names.Count > max; i--)
            {
                if (!shape.Required.Contains(names[i]) && !conjunction.Forced.Any(f => f.Key == names[i]))
                {
                    names.RemoveAt(i);
                }
            }
        }

        return names;
    }

    // Plain loops (no Where per name): this runs for every object, and almost always over no dependencies.
    private static void CloseOverDependentRequired(ObjectShape shape, List<string> names)
    {
        if (shape.DependentRequired.Count == 0)
        {
            return;
        }

        for (var i = 0; i < names.Count; i++)
        {
            foreach (var dependency in shape.DependentRequired)
            {
                if (dependency.Key != names[i])
                {
                    continue;
                }

                foreach (var needed in dependency.Value)
                {
                    if (!names.Contains(needed, StringComparer.Ordinal))
                    {
                        names.Add(needed);
                    }
                }
            }
        }
    }

    private string? ExtraName(SchemaConjunction conjunction, ObjectShape shape, ValueSite site, Prng pick, int attempt, WalkState state)
    {
        var suffix = attempt.ToString(CultureInfo.InvariantCulture);
        if (shape.PropertyNames.Count > 0)
        {
            var nameState = new WalkState(pick.Split("name/" + suffix), GenerationVariant.Typical, recordMutations: false);
            var name = Generate(
                [.. shape.PropertyNames],
                new ValueSite(site.Pointer + "/~propertyName" + suffix, null, site.Depth + 1, site.References, site.Scope, null),
                nameState);
            if (name is PayloadString s)
            {
                return s.Value;
            }

            if (name is not null)
            {
                return null;
            }
        }

        // With additionalProperties false the patterns are the only source of names, so every attempt uses them
        // (alternating with nothing used to end the search after one name: issue 9's minProperties repro).
        if (shape.PatternSources.Count > 0)
        {
            var pattern = pick.Pick(shape.PatternSources);
            if (Patterns.PatternGenerator.TryGenerate(pattern, pick.Split("pattern/" + suffix), 1, 32, out var fromPattern))
            {
                return fromPattern;
            }
        }

        if (shape.AdditionalForbidden)
        {
            return null;
        }

        var baseName = ExtraNames[attempt % ExtraNames.Length];
        return attempt < ExtraNames.Length ? baseName : baseName + suffix;
    }

    // At most this many plans per first schema: a conjunction that keeps changing (choices) is planned afresh instead.
    private const int PlansPerSchema = 8;

    /// <summary>
    /// The plan for the conjunction's current schemas: looked up by its first schema, built once and kept when new.
    /// The answers are those of reading the schemas directly; only the work and the allocations are saved.
    /// </summary>
    private ObjectPlan PlanFor(SchemaConjunction conjunction)
    {
        var schemas = conjunction.Schemas;
        if (conjunction.CachedPlan is { } cached && cached.Count == schemas.Count)
        {
            return cached.Plan;
        }

        ObjectPlan? plan = null;
        if (schemas.Count > 0 && _objectPlans.TryGetValue(schemas[0], out var known))
        {
            foreach (var candidate in known)
            {
                if (candidate.IsFor(schemas))
                {
                    plan = candidate;
                    break;
                }
            }
        }

        if (plan is null)
        {
            plan = BuildPlan(schemas);
            if (schemas.Count > 0)
            {
                _objectPlans.AddOrUpdate(schemas[0], static (_, p) => [p], static (_, old, p) => old.Length < PlansPerSchema ? [.. old, p] : old, plan);
            }
        }

        conjunction.CachedPlan = (plan, schemas.Count);
        return plan;
    }

    private ObjectPlan BuildPlan(List<SchemaNode> schemas)
    {
        var shape = ObjectShape.Read(schemas);
        var properties = new Dictionary<string, PropertyFacts>(StringComparer.Ordinal);
        foreach (var name in shape.Declared.Concat(shape.Required))
        {
            if (!properties.ContainsKey(name))
            {
                properties[name] = ComputeFacts(schemas, name);
            }
        }

        return new ObjectPlan([.. schemas], shape, properties);
    }

    private PropertyFacts Facts(SchemaConjunction conjunction, string name) =>
        PlanFor(conjunction).Find(name) ?? ComputeFacts(conjunction.Schemas, name);

    private PropertyFacts ComputeFacts(List<SchemaNode> schemas, string name)
    {
        var valueSchemas = SchemasForProperty(schemas, name);
        string? forbidden = null;
        foreach (var schema in valueSchemas)
        {
            if (schema.BooleanSchema == false)
            {
                forbidden = SchemaConjunction.Location(schema);
                break;
            }
        }

        WalkFailure? conflict = null;
        foreach (var schema in valueSchemas)
        {
            if (_satisfiability.Conflict(schema) is { } found)
            {
                conflict = found;
                break;
            }
        }

        var excluded = false;
        if (_settings.Direction != PayloadDirection.None)
        {
            var request = _settings.Direction == PayloadDirection.Request;
            foreach (var schema in valueSchemas)
            {
                if (HasFlag(schema, request, 3))
                {
                    excluded = true;
                    break;
                }
            }
        }

        return new PropertyFacts(valueSchemas, excluded, forbidden, conflict);
    }

    /// <summary>The schemas that apply to the value of property <paramref name="name"/> (shared: never modify the list).</summary>
    private List<SchemaNode> SchemasForProperty(SchemaConjunction conjunction, string name) => Facts(conjunction, name).Schemas;

    private static List<SchemaNode> SchemasForProperty(List<SchemaNode> schemas, string name)
    {
        var result = new List<SchemaNode>();
        var evaluated = false;
        foreach (var schema in schemas)
        {
            var matched = false;
            foreach (var property in schema.Properties)
            {
                if (string.Equals(property.Name, name, StringComparison.Ordinal))
                {
                    result.Add(property.Node);
                    matched = true;
                }
            }

            foreach (var pattern in schema.PatternProperties)
            {
                if (PatternMatches(pattern.Pattern, name))
                {
                    result.Add(pattern.Node);
                    matched = true;
                }
            }

            if (!matched && schema.AdditionalProperties is { } additional)
            {
                result.Add(additional);
                matched = true;
            }

            evaluated |= matched;
        }

        if (!evaluated)
        {
            foreach (var schema in schemas)
            {
                if (schema.UnevaluatedProperties is { } unevaluated)
                {
                    result.Add(unevaluated);
                }
            }
        }

        return result;
    }

    private string? ForbiddenProperty(SchemaConjunction conjunction, string name) => Facts(conjunction, name).Forbidden;

    // The proven conflict of a property's value schemas (see Satisfiability), or null when it may be built.
    private WalkFailure? Unbuildable(SchemaConjunction conjunction, string name) => Facts(conjunction, name).Conflict;

    private bool ExcludedByDirection(SchemaConjunction conjunction, string name) => Facts(conjunction, name).ExcludedByDirection;

    private static bool HasFlag(SchemaNode schema, bool readOnly, int depth)
    {
        if (readOnly ? schema.ReadOnly : schema.WriteOnly)
        {
            return true;
        }

        if (depth == 0)
        {
            return false;
        }

        if (schema.Ref is { } target && HasFlag(target, readOnly, depth - 1))
        {
            return true;
        }

        return schema.AllOf.Any(part => HasFlag(part, readOnly, depth - 1));
    }

    private static string EscapePointer(string segment) =>
        segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static bool AllowsString(List<SchemaNode> schemas) =>
        schemas.All(s => (ToValueTypes(s.Types) & ValueTypes.String) != 0);

    private static void RecordObjectMutations(SchemaConjunction conjunction, ObjectShape shape, ValueSite site, List<string> names, WalkState state)
    {
        if (!state.RecordMutations)
        {
            return;
        }

        foreach (var schema in conjunction.Schemas)
        {
            foreach (var name in schema.Required)
            {
                if (names.Contains(name, StringComparer.Ordinal))
                {
                    state.Mutations.Add(new Mutation(MutationKind.MissingRequired, site.Pointer, "required", SchemaConjunction.Location(schema) + "/required", ValueTypes.Object, Name: name) { Branched = site.Branched });
                }
            }

            if (schema.AdditionalProperties is { BooleanSchema: false } && schema.PatternProperties.Count == 0)
            {
                state.Mutations.Add(new Mutation(MutationKind.ExtraProperty, site.Pointer, "additionalProperties", SchemaConjunction.Location(schema) + "/additionalProperties", ValueTypes.Object) { Branched = site.Branched });
            }

            if (schema.MaxProperties is { } maxCount && maxCount < 1000 && shape.AdditionalAllowedFreely)
            {
                state.Mutations.Add(new Mutation(MutationKind.TooManyProperties, site.Pointer, "maxProperties", SchemaConjunction.Location(schema) + "/maxProperties", ValueTypes.Object, Length: (int)maxCount) { Branched = site.Branched });
            }
        }
    }
}
