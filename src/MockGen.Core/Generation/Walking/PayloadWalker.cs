using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using MockGen.Core.Generation.Random;
using MockGen.Core.Generation.Schemas;
using MockGen.Core.Generation.Values;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <summary>
/// Builds one candidate payload for a schema: it gathers the conjunction of schemas a value must meet,
/// picks a type, then builds the value keyword by keyword. It is constructive but not the judge: the
/// gate validates every candidate it returns. Thread-safe; all per-payload state lives in <see cref="WalkState"/>.
/// </summary>
internal sealed partial class PayloadWalker
{
    // Local attempts at one value before its failure is left to the gate's whole-payload retry.
    private const int LocalAttempts = 6;

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private readonly WalkerSettings _settings;
    private readonly SchemaIndex _index;
    private readonly ConcurrentDictionary<string, Regex?> _regexes = new(StringComparer.Ordinal);

    public PayloadWalker(SchemaIndex index, WalkerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(settings);
        _index = index;
        _settings = settings;
    }

    public WalkerSettings Settings => _settings;

    /// <summary>Builds a candidate for <paramref name="root"/>; null with <see cref="WalkState.Failure"/> set when it cannot.</summary>
    public PayloadValue? Walk(SchemaCursor root, WalkState state)
    {
        var value = Generate([root], new ValueSite(string.Empty, null, 0, 0, [], null), state);
        if (value is null && state.Failure is null)
        {
            state.Failure = new WalkFailure("no value could be built", root.Location, Unsupported: true);
        }

        return value;
    }

    private PayloadValue? Generate(List<SchemaCursor> schemas, ValueSite site, WalkState state)
    {
        if (site.Depth > _settings.MaxDepth)
        {
            state.Failure ??= new WalkFailure(
                "recursion does not terminate within " + _settings.MaxDepth + " levels", schemas.Count > 0 ? schemas[0].Location : "#", Unsupported: false);
            return null;
        }

        var valueRng = state.Root.Fork(site.Pointer);
        PayloadValue? last = null;
        for (var attempt = 0; attempt < LocalAttempts; attempt++)
        {
            var rng = attempt == 0 ? valueRng : valueRng.Fork("local/" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var mutationMark = state.Mutations.Count;
            var conjunction = new SchemaConjunction(site.Scope);
            var terminating = site.References >= _settings.ReferenceBudget || state.Nodes >= _settings.NodeBudget;
            foreach (var schema in schemas)
            {
                Collect(schema, conjunction, rng, terminating, site.Scope);
            }

            if (conjunction.Failure is { } failure)
            {
                // A false schema on a chosen branch may be avoidable by another choice; on the last attempt it stands.
                if (!conjunction.Branched || attempt == LocalAttempts - 1)
                {
                    state.Failure ??= failure;
                    return null;
                }

                continue;
            }

            // Only references that come back to a target already on this path are recursion.
            var repeats = conjunction.FollowedReferences.Count(t => site.ReferencePath.Contains(t));
            terminating |= site.References + repeats >= _settings.ReferenceBudget;
            state.Nodes++;
            var childSite = site with
            {
                References = site.References + repeats,
                Scope = conjunction.ScopeFor(conjunction.Schemas),
                Branched = site.Branched || conjunction.Branched,
                ReferencePath = conjunction.FollowedReferences.Count == 0 ? site.ReferencePath : [.. site.ReferencePath, .. conjunction.FollowedReferences],
            };
            var value = Build(conjunction, childSite, rng, terminating, state);
            if (value is null)
            {
                return null;
            }

            last = value;
            if (SatisfiesExclusions(conjunction, value))
            {
                return value;
            }

            state.Mutations.RemoveRange(mutationMark, state.Mutations.Count - mutationMark);
        }

        return last;
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

    private void Collect(SchemaCursor cursor, SchemaConjunction conjunction, Prng rng, bool terminating, IReadOnlyList<SchemaCursor> scope)
    {
        if (!conjunction.Enter(cursor))
        {
            return;
        }

        if (cursor.IsFalse)
        {
            conjunction.Failure ??= new WalkFailure("the schema is false: no value is valid", cursor.Location, Unsupported: false);
            return;
        }

        if (cursor.IsBoolean || cursor.Element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var resource = cursor.Resource ?? cursor;
        if (scope.Count == 0 || !ReferenceEquals(scope[^1], resource))
        {
            scope = [.. scope, resource];
        }

        if (cursor.TryGet("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            if (cursor.RefTarget is not { } target)
            {
                conjunction.Failure ??= new WalkFailure("unresolved $ref " + reference.GetString(), cursor.Location + "/$ref", Unsupported: true);
                return;
            }

            conjunction.FollowedReferences.Add(target);
            Collect(target, conjunction, rng, terminating, scope);
            if (cursor.DraftBefore2019)
            {
                // Before 2019-09 a $ref replaces its siblings.
                return;
            }
        }

        conjunction.Schemas.Add(cursor);
        conjunction.ScopeOf[cursor] = scope;
        CollectDynamicReference(cursor, conjunction, rng, terminating, scope);

        foreach (var part in cursor.Children("allOf"))
        {
            Collect(part, conjunction, rng, terminating, scope);
        }

        CollectChoice(cursor, "anyOf", conjunction, rng, terminating, scope);
        CollectChoice(cursor, "oneOf", conjunction, rng, terminating, scope);

        if (cursor.Child("not") is { } not)
        {
            conjunction.Branched = true;
            if (not.Element.ValueKind == JsonValueKind.True || (not.Element.ValueKind == JsonValueKind.Object && IsEmptySchema(not)))
            {
                conjunction.Failure ??= new WalkFailure("'not' of a schema every value matches", cursor.Location + "/not", Unsupported: false);
            }

            conjunction.Nots.Add(not);
        }

        if (cursor.Child("if") is { } condition && cursor.Dialect is not (Dialect.Draft4 or Dialect.Draft6 or Dialect.OpenApi30 or Dialect.Swagger20))
        {
            var then = cursor.Child("then");
            var otherwise = cursor.Child("else");
            if (then is not null || otherwise is not null)
            {
                conjunction.Branched = true;
                var takeThen = rng.Fork("if" + cursor.Pointer).NextBool();
                if (takeThen && !condition.IsFalse)
                {
                    Collect(condition, conjunction, rng, terminating, scope);
                    if (then is not null)
                    {
                        Collect(then, conjunction, rng, terminating, scope);
                    }
                }
                else
                {
                    conjunction.Nots.Add(condition);
                    if (otherwise is not null)
                    {
                        Collect(otherwise, conjunction, rng, terminating, scope);
                    }
                }
            }
        }

        CollectDiscriminator(cursor, conjunction, rng, terminating, scope);
    }

    private void CollectDynamicReference(SchemaCursor cursor, SchemaConjunction conjunction, Prng rng, bool terminating, IReadOnlyList<SchemaCursor> scope)
    {
        if (cursor.DynamicRefTarget is not { } target)
        {
            if (cursor.Has("$dynamicRef") || cursor.Has("$recursiveRef"))
            {
                conjunction.Failure ??= new WalkFailure("unresolved dynamic reference", cursor.Location, Unsupported: true);
            }

            return;
        }

        if (cursor.TryGet("$dynamicRef", out var dynamicRef))
        {
            var text = dynamicRef.GetString() ?? string.Empty;
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            var name = hash >= 0 ? text[(hash + 1)..] : string.Empty;
            // Only a reference to a dynamic anchor that its static target declares is looked up in the dynamic scope.
            if (name.Length > 0 && !name.StartsWith('/') && target.DynamicAnchor == name)
            {
                foreach (var resource in scope)
                {
                    if (FindDynamicAnchor(resource, name) is { } dynamic)
                    {
                        target = dynamic;
                        break;
                    }
                }
            }
        }
        else if (IsRecursiveAnchor(target))
        {
            foreach (var resource in scope)
            {
                if (IsRecursiveAnchor(resource))
                {
                    target = resource;
                    break;
                }
            }
        }

        conjunction.FollowedReferences.Add(target);
        Collect(target, conjunction, rng, terminating, scope);
    }

    private static bool IsRecursiveAnchor(SchemaCursor cursor) =>
        cursor.TryGet("$recursiveAnchor", out var anchor) && anchor.ValueKind == JsonValueKind.True;

    private SchemaCursor? FindDynamicAnchor(SchemaCursor resource, string name) =>
        resource.DynamicAnchor == name ? resource : _index.ResolveDynamicAnchor(name, [resource]);

    private void CollectChoice(SchemaCursor cursor, string keyword, SchemaConjunction conjunction, Prng rng, bool terminating, IReadOnlyList<SchemaCursor> scope)
    {
        var branches = cursor.Children(keyword);
        if (branches.Count == 0)
        {
            return;
        }

        conjunction.Branched = true;
        var candidates = branches.Where(b => !b.IsFalse).ToList();
        if (candidates.Count == 0)
        {
            conjunction.Failure ??= new WalkFailure("every '" + keyword + "' branch is false", cursor.Location + "/" + keyword, Unsupported: false);
            return;
        }

        if (terminating)
        {
            var terminal = candidates.Where(b => !b.HasReference).ToList();
            if (terminal.Count > 0)
            {
                candidates = terminal;
            }
        }

        var choice = rng.Fork(keyword + cursor.Pointer).Pick(candidates);
        if (keyword == "oneOf")
        {
            foreach (var other in branches)
            {
                if (!ReferenceEquals(other, choice) && !other.IsFalse)
                {
                    conjunction.Exclusive.Add(other);
                }
            }
        }

        if (cursor.TryGet("discriminator", out var discriminator) && discriminator.ValueKind == JsonValueKind.Object
            && discriminator.TryGetProperty("propertyName", out var propertyName) && propertyName.ValueKind == JsonValueKind.String)
        {
            var value = DiscriminatorValue(cursor, choice);
            if (value is not null)
            {
                conjunction.Forced.Add(new(propertyName.GetString()!, value));
            }
        }

        Collect(choice, conjunction, rng, terminating, scope);
    }

    // The discriminator value for a chosen branch: its mapping key, else the referenced schema's name.
    private static string? DiscriminatorValue(SchemaCursor owner, SchemaCursor branch)
    {
        var target = branch.RefTarget ?? branch;
        foreach (var (key, mapped) in owner.DiscriminatorTargets)
        {
            if (ReferenceEquals(mapped, target))
            {
                return key;
            }
        }

        if (branch.TryGet("$ref", out var reference) && reference.GetString() is { } text)
        {
            var slash = text.LastIndexOf('/');
            return slash >= 0 ? text[(slash + 1)..] : text;
        }

        return null;
    }

    // A discriminator without oneOf/anyOf (inheritance: Pet maps to Dog and Cat, which allOf Pet): pick a mapped
    // schema unless one is already part of the conjunction, and pin the property to its key.
    private void CollectDiscriminator(SchemaCursor cursor, SchemaConjunction conjunction, Prng rng, bool terminating, IReadOnlyList<SchemaCursor> scope)
    {
        if (cursor.Has("oneOf") || cursor.Has("anyOf") || !cursor.TryGet("discriminator", out var discriminator)
            || discriminator.ValueKind != JsonValueKind.Object
            || !discriminator.TryGetProperty("propertyName", out var propertyName) || propertyName.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var name = propertyName.GetString()!;
        foreach (var (key, target) in cursor.DiscriminatorTargets)
        {
            if (conjunction.Contains(target))
            {
                conjunction.Forced.Add(new(name, key));
                return;
            }
        }

        var candidates = cursor.DiscriminatorTargets.Where(t => !ReferenceEquals(t.Value, cursor)).ToList();
        if (candidates.Count > 0)
        {
            var (key, target) = rng.Fork("discriminator" + cursor.Pointer).Pick(candidates);
            conjunction.Forced.Add(new(name, key));
            Collect(target, conjunction, rng, terminating, scope);
            return;
        }

        // No mapping: the value is the schema's own name when it is a named component.
        var slash = cursor.Pointer.LastIndexOf('/');
        if (slash >= 0 && (cursor.Pointer.StartsWith("/components/schemas/", StringComparison.Ordinal) || cursor.Pointer.StartsWith("/definitions/", StringComparison.Ordinal)))
        {
            conjunction.Forced.Add(new(name, cursor.Pointer[(slash + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)));
        }
    }

    private static bool IsEmptySchema(SchemaCursor cursor)
    {
        foreach (var property in cursor.Element.EnumerateObject())
        {
            if (property.Name is not ("$comment" or "description" or "title" or "$id" or "$schema" or "$anchor" or "examples" or "default"))
            {
                return false;
            }
        }

        return true;
    }

    private Regex? GetRegex(string pattern) => _regexes.GetOrAdd(pattern, static p =>
    {
        try
        {
            return new Regex(p, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    /// <summary>True when <paramref name="text"/> matches the (unanchored) pattern; false when it does not or cannot be decided.</summary>
    internal bool PatternMatches(string pattern, string text)
    {
        if (GetRegex(pattern) is not { } regex)
        {
            return false;
        }

        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
