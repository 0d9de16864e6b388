using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MockGen.Core.Generation.Random;
using MockGen.Core.Generation.Values;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <summary>
/// Builds one candidate payload over the compiled schema model: it gathers the conjunction of schema nodes a
/// value must meet, picks a type, then builds the value keyword by keyword. It is constructive but not the
/// judge: the gate validates every candidate it returns. Thread-safe; per-payload state lives in <see cref="WalkState"/>.
/// </summary>
internal sealed partial class PayloadWalker
{
    // Local attempts at one value before its failure is left to the gate's whole-payload retry.
    private const int LocalAttempts = 6;

    // How deep HasReference looks for a reference below a branch (terminating-branch choice only).
    private const int ReferenceLookahead = 6;

    // Schemas that apply at one place of the payload nest through $ref, allOf and chosen branches; a chain of
    // tens of thousands of $refs overflowed the stack here (found by the $ref-graph fuzz target, issue 12). The
    // validator's default depth limit (ValidationOptions.MaxDepth) is the same, so what one judges the other can make.
    internal const int MaxCollectDepth = 1_500;

    private readonly WalkerSettings _settings;
    private readonly ConcurrentDictionary<SchemaNode, bool> _hasReference = new(ReferenceEqualityComparer.Instance);
    private readonly Satisfiability _satisfiability = new();

    // Object plans by the first schema of the conjunction they were built for (see PlanFor).
    private readonly ConcurrentDictionary<SchemaNode, ObjectPlan[]> _objectPlans = new(ReferenceEqualityComparer.Instance);

    public PayloadWalker(WalkerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
    }

    public WalkerSettings Settings => _settings;

    /// <summary>The proven conflict that makes <paramref name="node"/> unsatisfiable, or null (see <see cref="Satisfiability"/>).</summary>
    public WalkFailure? ProvenConflict(SchemaNode node) => _satisfiability.Conflict(node);

    /// <summary>Builds a candidate for <paramref name="root"/>; null with <see cref="WalkState.Failure"/> set when it cannot.</summary>
    public PayloadValue? Walk(SchemaNode root, WalkState state)
    {
        var value = Generate([root], new ValueSite(string.Empty, null, 0, 0, [], null) { Proposed = state.Proposal }, state);
        if (value is null && state.Failure is null)
        {
            state.Failure = new WalkFailure("no value could be built", SchemaConjunction.Location(root), Unsupported: true);
        }

        return value;
    }

    private PayloadValue? Generate(List<SchemaNode> schemas, ValueSite site, WalkState state)
    {
        if (site.Depth > _settings.MaxDepth)
        {
            state.Failure ??= new WalkFailure(
                "recursion does not terminate within " + _settings.MaxDepth + " levels", schemas.Count > 0 ? SchemaConjunction.Location(schemas[0]) : "#", Unsupported: false, GaveUp: true);
            return null;
        }

        if (site.Proposed is { } proposed && KeepProposed(schemas, proposed, state) is { } kept)
        {
            return kept;
        }

        var valueRng = state.Root.Split(site.Pointer);
        PayloadValue? last = null;
        for (var attempt = 0; attempt < LocalAttempts; attempt++)
        {
            var rng = attempt == 0 ? valueRng : valueRng.Split("local/" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var mutationMark = state.Mutations.Count;
            // Reused once this attempt is over: nothing below keeps the conjunction (see WalkState.RentConjunction).
            var conjunction = WalkState.RentConjunction(site.Scope, state.Steering);
            try
            {
                var terminating = site.References >= _settings.ReferenceBudget || state.Nodes >= _settings.NodeBudget;
                foreach (var schema in schemas)
                {
                    Collect(schema, conjunction, rng, terminating, site.Scope);
                }

                if (conjunction.Failure is { } failure)
                {
                    state.ChoiceMade |= conjunction.Branched;
                    // A false schema on a chosen branch may be avoidable by another choice; on the last attempt it stands.
                    if (!conjunction.Branched || attempt == LocalAttempts - 1)
                    {
                        state.Failure ??= failure;
                        return null;
                    }

                    continue;
                }

                state.ChoiceMade |= conjunction.Branched;

                // Only references that come back to a target already on this path are recursion.
                var repeats = Repeats(conjunction.FollowedReferences, site.ReferencePath);
                terminating |= site.References + repeats >= _settings.ReferenceBudget;
                state.Nodes++;
                // The site itself when nothing about it changes (most values), rather than a copy per value.
                var childScope = conjunction.ChildScope();
                var childBranched = site.Branched || conjunction.Branched;
                var childSite = repeats == 0 && conjunction.FollowedReferences.Count == 0 && ReferenceEquals(childScope, site.Scope) && childBranched == site.Branched
                    ? site
                    : site with
                    {
                        References = site.References + repeats,
                        Scope = childScope,
                        Branched = childBranched,
                        ReferencePath = ReferenceChain.Extend(site.ReferencePath, conjunction.FollowedReferences),
                    };
                var value = Build(conjunction, childSite, rng, terminating, state);
                if (value is null)
                {
                    return null;
                }

                last = value;
                RecordChoiceMutations(conjunction, site, state);
                if (SatisfiesExclusions(conjunction, value))
                {
                    return value;
                }

                state.Mutations.RemoveRange(mutationMark, state.Mutations.Count - mutationMark);
            }
            finally
            {
                WalkState.ReturnConjunction(conjunction);
            }
        }

        return last;
    }

    // How many of the references just followed are already on the path: a loop, not a lambda over 'site', whose
    // closure was allocated on every call of Generate.
    private static int Repeats(List<SchemaNode> followed, ReferenceChain? path)
    {
        var repeats = 0;
        foreach (var target in followed)
        {
            if (ReferenceChain.Contains(path, target))
            {
                repeats++;
            }
        }

        return repeats;
    }

    // A proposed value is kept exactly when it satisfies every schema the site must meet (its own subschema); a
    // proposed scalar that does not is one repair. A container that does not is rebuilt with its members still guided.
    private PayloadValue? KeepProposed(List<SchemaNode> schemas, JsonElement proposed, WalkState state)
    {
        if (_settings.Matches is not { } matches)
        {
            return null;
        }

        var value = PayloadValue.FromElement(proposed);
        if (schemas.TrueForAll(s => matches(s, value)))
        {
            return value;
        }

        if (proposed.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            state.ProposalRegenerated++;
        }

        return null;
    }

    // The choices themselves can be the one broken constraint: a value that matches no branch, or two of a oneOf.
    private static void RecordChoiceMutations(SchemaConjunction conjunction, ValueSite site, WalkState state)
    {
        if (!state.RecordMutations)
        {
            return;
        }

        foreach (var schema in conjunction.Schemas)
        {
            var location = SchemaConjunction.Location(schema);
            if (schema.OneOf.Count > 0)
            {
                state.Mutations.Add(new Mutation(MutationKind.BreakChoice, site.Pointer, "oneOf", location + "/oneOf", ValueTypes.All) { Branched = true });
            }

            if (schema.AnyOf.Count > 0)
            {
                state.Mutations.Add(new Mutation(MutationKind.BreakChoice, site.Pointer, "anyOf", location + "/anyOf", ValueTypes.All) { Branched = true });
            }
        }
    }

    private bool SatisfiesExclusions(SchemaConjunction conjunction, PayloadValue value)
    {
        if (_settings.Matches is not { } matches)
        {
            return true;
        }

        foreach (var not in conjunction.Nots)
        {
            if (matches(not, value))
            {
                return false;
            }
        }

        foreach (var other in conjunction.Exclusive)
        {
            if (matches(other, value))
            {
                return false;
            }
        }

        return true;
    }

    private void Collect(SchemaNode node, SchemaConjunction conjunction, Prng rng, bool terminating, IReadOnlyList<SchemaResource> scope)
    {
        if (conjunction.CollectDepth >= MaxCollectDepth || ((conjunction.CollectDepth & 7) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            conjunction.Failure ??= new WalkFailure(
                $"$ref, allOf and branch schemas nest deeper than the generator's limit of {MaxCollectDepth} levels at one place of the payload",
                SchemaConjunction.Location(node),
                Unsupported: true);
            return;
        }

        conjunction.CollectDepth++;
        try
        {
            CollectNested(node, conjunction, rng, terminating, scope);
        }
        finally
        {
            conjunction.CollectDepth--;
        }
    }

    private void CollectNested(SchemaNode node, SchemaConjunction conjunction, Prng rng, bool terminating, IReadOnlyList<SchemaResource> scope)
    {
        if (!conjunction.Enter(node))
        {
            return;
        }

        if (node.BooleanSchema is { } boolean)
        {
            if (!boolean)
            {
                conjunction.Failure ??= new WalkFailure("the schema is false: no value is valid", SchemaConjunction.Location(node), Unsupported: false);
            }

            return;
        }

        if (scope.Count == 0 || !ReferenceEquals(scope[^1], node.Resource))
        {
            scope = [.. scope, node.Resource];
        }

        if (node.Ref is { } target)
        {
            conjunction.FollowedReferences.Add(target);
            Collect(target, conjunction, rng, terminating, scope);
        }

        conjunction.Schemas.Add(node);
        conjunction.NoteScope(scope);
        CollectDynamicReference(node, conjunction, rng, terminating, scope);

        foreach (var part in node.AllOf)
        {
            Collect(part, conjunction, rng, terminating, scope);
        }

        CollectChoice(node, node.AnyOf, "anyOf", conjunction, rng, terminating, scope);
        CollectChoice(node, node.OneOf, "oneOf", conjunction, rng, terminating, scope);

        if (node.Not is { } not)
        {
            conjunction.Branched = true;
            if (not.BooleanSchema == true || not.IsTrivial)
            {
                conjunction.Failure ??= new WalkFailure("'not' of a schema every value matches", SchemaConjunction.Location(node) + "/not", Unsupported: false);
            }

            conjunction.Nots.Add(not);
            PlanNegation(not, conjunction);
        }

        if (node.If is { } condition && (node.Then is not null || node.Else is not null))
        {
            conjunction.Branched = true;
            var takeThen = conjunction.Steering?.Condition(node) ?? DecideByPin(condition, conjunction, rng) ?? rng.Split("if" + node.DocumentPointer).NextBool();
            if (takeThen && condition.BooleanSchema != false)
            {
                Collect(condition, conjunction, rng, terminating, scope);
                if (node.Then is { } then)
                {
                    Collect(then, conjunction, rng, terminating, scope);
                }
            }
            else
            {
                conjunction.Nots.Add(condition);
                if (node.Else is { } otherwise)
                {
                    Collect(otherwise, conjunction, rng, terminating, scope);
                }
            }
        }

        CollectDiscriminator(node, conjunction, rng, terminating, scope);
    }

    private void CollectDynamicReference(SchemaNode node, SchemaConjunction conjunction, Prng rng, bool terminating, IReadOnlyList<SchemaResource> scope)
    {
        SchemaNode? target = null;
        if (node.DynamicRef is { } dynamicTarget)
        {
            target = dynamicTarget;
            // A reference to a dynamic anchor resolves in the outermost resource of the dynamic scope declaring it.
            if (node.DynamicRefAnchor is { } name)
            {
                foreach (var resource in scope)
                {
                    if (resource.DynamicAnchorNodes.TryGetValue(name, out var dynamic))
                    {
                        target = dynamic;
                        break;
                    }
                }
            }
        }
        else if (node.RecursiveRef is { } recursiveTarget)
        {
            target = recursiveTarget;
            if (recursiveTarget.RecursiveAnchor || recursiveTarget.Resource.RecursiveAnchor)
            {
                foreach (var resource in scope)
                {
                    if (resource.RecursiveAnchor && resource.RootNode is { } root)
                    {
                        target = root;
                        break;
                    }
                }
            }
        }

        if (target is not null)
        {
            conjunction.FollowedReferences.Add(target);
            Collect(target, conjunction, rng, terminating, scope);
        }
    }

    private void CollectChoice(SchemaNode node, IReadOnlyList<SchemaNode> branches, string keyword, SchemaConjunction conjunction, Prng rng, bool terminating, IReadOnlyList<SchemaResource> scope)
    {
        if (branches.Count == 0)
        {
            return;
        }

        conjunction.Branched = true;
        var candidates = branches.Where(b => b.BooleanSchema != false).ToList();
        if (candidates.Count == 0)
        {
            conjunction.Failure ??= new WalkFailure("every '" + keyword + "' branch is false", SchemaConjunction.Location(node) + "/" + keyword, Unsupported: false);
            return;
        }

        // A branch that cannot hold (alone, or with the owner's own keywords) is never chosen while another can.
        // A loop, not LINQ: this runs for every choice in every payload, and the closures were a measurable share of the
        // per-payload allocations (issue 9, GenerationCostTests).
        List<SchemaNode>? holding = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (_satisfiability.ClashesWithOwner(node, candidates[i]))
            {
                holding ??= candidates.GetRange(0, i);
            }
            else
            {
                holding?.Add(candidates[i]);
            }
        }

        if (holding is { Count: > 0 })
        {
            candidates = holding;
        }

        if (terminating)
        {
            var terminal = candidates.Where(b => !HasReference(b, ReferenceLookahead)).ToList();
            if (terminal.Count > 0)
            {
                candidates = terminal;
            }
        }

        var choice = conjunction.Steering?.Branch(node, keyword, branches) ?? rng.Split(keyword + node.DocumentPointer).Pick(candidates);
        if (keyword == "oneOf")
        {
            foreach (var other in branches)
            {
                if (!ReferenceEquals(other, choice) && other.BooleanSchema != false)
                {
                    conjunction.Exclusive.Add(other);

                    // A branch that only requires members fails exactly when one is missing: plan that, by leaving
                    // its members out unless something else requires them.
                    if (other.Required.Count > 0 && IsOnlyKeywords(other, "required", "type"))
                    {
                        conjunction.Omit(other.Required);
                    }
                }
            }
        }

        if (node.Discriminator is { } discriminator && (SteeredDiscriminatorKey(conjunction, node, choice) ?? DiscriminatorValue(discriminator, choice)) is { } value)
        {
            conjunction.Forced.Add(new(discriminator.PropertyName, value));
        }

        Collect(choice, conjunction, rng, terminating, scope);
    }

    // The discriminator value for a chosen branch: its mapping key, else the referenced schema's name.
    private static string? DiscriminatorValue(Discriminator discriminator, SchemaNode branch)
    {
        var target = branch.Ref ?? branch;
        foreach (var (key, mapped) in discriminator.Targets)
        {
            if (ReferenceEquals(mapped, target) || ReferenceEquals(mapped, branch))
            {
                return key;
            }
        }

        if (branch.RefText is { } text)
        {
            var slash = text.LastIndexOf('/');
            return slash >= 0 ? text[(slash + 1)..] : text;
        }

        return null;
    }

    // A discriminator without oneOf/anyOf (inheritance: Pet maps to Dog and Cat, which allOf Pet): pick a mapped
    // schema unless one is already part of the conjunction, and pin the property to its key.
    private void CollectDiscriminator(SchemaNode node, SchemaConjunction conjunction, Prng rng, bool terminating, IReadOnlyList<SchemaResource> scope)
    {
        if (node.OneOf.Count > 0 || node.AnyOf.Count > 0 || node.Discriminator is not { } discriminator)
        {
            return;
        }

        foreach (var (key, target) in discriminator.Targets)
        {
            if (conjunction.Contains(target))
            {
                conjunction.Forced.Add(new(discriminator.PropertyName, key));
                return;
            }
        }

        var candidates = discriminator.Targets.Where(t => !ReferenceEquals(t.Value, node)).ToList();
        if (candidates.Count > 0)
        {
            var (key, target) = conjunction.Steering?.DiscriminatorTarget(node) is { } steered && !ReferenceEquals(steered.Value, node)
                ? steered
                : rng.Split("discriminator" + node.DocumentPointer).Pick(candidates);
            conjunction.Forced.Add(new(discriminator.PropertyName, key));
            Collect(target, conjunction, rng, terminating, scope);
            return;
        }

        // No mapping: the value is the schema's own name when it is a named component.
        var pointer = node.DocumentPointer;
        var slash = pointer.LastIndexOf('/');
        if (slash >= 0 && (pointer.StartsWith("/components/schemas/", StringComparison.Ordinal) || pointer.StartsWith("/definitions/", StringComparison.Ordinal)))
        {
            conjunction.Forced.Add(new(discriminator.PropertyName, pointer[(slash + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)));
        }
    }

    // Whether a branch may recurse: it or a subschema within a few levels holds a reference.
    private bool HasReference(SchemaNode node, int depth)
    {
        if (_hasReference.TryGetValue(node, out var known))
        {
            return known;
        }

        var result = node.Ref is not null || node.DynamicRef is not null || node.RecursiveRef is not null
            || (depth > 0 && Subschemas(node).Any(child => HasReference(child, depth - 1)));
        if (depth == ReferenceLookahead)
        {
            _hasReference.TryAdd(node, result);
        }

        return result;
    }

    private static IEnumerable<SchemaNode> Subschemas(SchemaNode node)
    {
        foreach (var p in node.Properties)
        {
            yield return p.Node;
        }

        foreach (var p in node.PatternProperties)
        {
            yield return p.Node;
        }

        foreach (var n in (SchemaNode?[])[node.AdditionalProperties, node.Items, node.Contains, node.Not, node.If, node.Then, node.Else, node.UnevaluatedProperties, node.UnevaluatedItems])
        {
            if (n is not null)
            {
                yield return n;
            }
        }

        foreach (var n in node.PrefixItems.Concat(node.AllOf).Concat(node.AnyOf).Concat(node.OneOf))
        {
            yield return n;
        }
    }

    /// <summary>ECMA-262 search semantics through the realism library's pattern engine.</summary>
    internal static bool PatternMatches(string pattern, string text) => Patterns.PatternGenerator.IsMatch(pattern, text);

    /// <summary>Whether a compiled pattern of the model matches (its regex already follows ECMA-262).</summary>
    internal static bool PatternMatches(CompiledPattern pattern, string text)
    {
        try
        {
            return pattern.Regex.IsMatch(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }

    // An 'if' that tests one property against a string const (a discriminating condition, as in "if kind is k3 then
    // require p3") is decided from the value the property will have: one value is drawn from the property's string enum,
    // once per object, pinned (forced) and compared. Null when the condition has another shape or no enum is known.
    private static bool? DecideByPin(SchemaNode condition, SchemaConjunction conjunction, Prng rng)
    {
        if (condition.Properties.Count != 1 || !IsOnlyKeywords(condition, "properties", "required", "type")
            || condition.Properties[0].Node.Const is not { ValueKind: JsonValueKind.String } constant)
        {
            return null;
        }

        var name = condition.Properties[0].Name;
        if (!conjunction.Pins.TryGetValue(name, out var pinned))
        {
            var choices = conjunction.Schemas.SelectMany(s => s.Properties).Where(p => p.Name == name && p.Node.Enum is { Count: > 0 })
                .Select(p => p.Node.Enum!).FirstOrDefault();
            if (choices is null || choices.Any(v => v.ValueKind != JsonValueKind.String) || conjunction.Forced.Any(f => f.Key == name))
            {
                return null;
            }

            pinned = rng.Split("pin/" + name).Pick(choices).GetString()!;
            conjunction.Pins[name] = pinned;
            conjunction.Forced.Add(new(name, pinned));
        }

        return string.Equals(pinned, constant.GetString(), StringComparison.Ordinal);
    }

    internal static bool IsOnlyKeywords(SchemaNode node, params string[] keywords) =>
        node.Element.ValueKind == JsonValueKind.Object && node.Element.EnumerateObject().All(p => keywords.Contains(p.Name, StringComparer.Ordinal));

    internal static bool IsOnlyKeyword(SchemaNode node, string keyword) =>
        node.Element.ValueKind == JsonValueKind.Object && node.Element.EnumerateObject().All(p => p.Name == keyword);
}
