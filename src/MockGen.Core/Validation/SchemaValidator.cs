using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MockGen.Core.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Validation;

/// <summary>
/// Validates JSON instances against compiled <see cref="SchemaNode"/>s. A first pass only answers
/// valid/invalid, stops at the first failure and allocates close to nothing; only an invalid instance gets
/// a second pass that collects every error with its locations. Immutable and thread-safe.
/// </summary>
internal sealed partial class SchemaValidator
{
    private readonly ValidationOptions _options;

    public SchemaValidator(ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Validates <paramref name="instance"/> against <paramref name="root"/>.</summary>
    public ValidationResult Validate(SchemaNode root, JsonElement instance)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (IsValid(root, instance))
        {
            return ValidationResult.Success;
        }

        var ctx = EvaluationContext.Rent(_options, collect: true);
        try
        {
            Eval(root, instance, ctx, null);
            ValidationError[] errors = ctx.Errors.Count > 0
                ? [.. ctx.Errors]
                : [new ValidationError(string.Empty, string.Empty, root.AbsoluteLocation, string.Empty, "(root): the instance is not valid")];
            return new ValidationResult(false, errors);
        }
        finally
        {
            EvaluationContext.Return(ctx);
        }
    }

    /// <summary>Answers only valid/invalid (the allocation-free fast path).</summary>
    public bool IsValid(SchemaNode root, JsonElement instance)
    {
        ArgumentNullException.ThrowIfNull(root);
        var ctx = EvaluationContext.Rent(_options, collect: false);
        try
        {
            return Eval(root, instance, ctx, null);
        }
        finally
        {
            EvaluationContext.Return(ctx);
        }
    }

    private bool Eval(SchemaNode node, JsonElement inst, EvaluationContext ctx, EvaluationTracker? t)
    {
        if (node.BooleanSchema is { } b)
        {
            if (!b && ctx.Collect)
            {
                Fail(ctx, node, string.Empty, "no value is allowed here (the schema is false)");
            }

            return b;
        }

        if (node.IsTrivial)
        {
            return true;
        }

        // The stack probe runs every 8 levels: cheap, and 8 levels use far less than the probe's reserve.
        if (ctx.Depth >= ctx.Options.MaxDepth || ((ctx.Depth & 7) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            if (ctx.Collect)
            {
                Fail(ctx, node, string.Empty, $"the instance or schema nests deeper than the validator's limit of {ctx.Options.MaxDepth} levels");
            }

            return false;
        }

        ctx.Depth++;
        var pushedScope = false;
        if (ctx.ScopeCount == 0 || !ReferenceEquals(ctx.Scope[ctx.ScopeCount - 1], node.Resource))
        {
            ctx.PushScope(node.Resource);
            pushedScope = true;
        }

        if (t is null && node.HasUnevaluated)
        {
            t = new EvaluationTracker();
        }

        var ok = EvalKeywords(node, inst, ctx, t);
        if (pushedScope)
        {
            ctx.ScopeCount--;
        }

        ctx.Depth--;
        return ok;
    }

    private bool EvalKeywords(SchemaNode node, JsonElement inst, EvaluationContext ctx, EvaluationTracker? t)
    {
        var ok = true;
        if (node.Ref is { } target && !EvalRef(node, target, "$ref", inst, ctx, t))
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
        }

        if (node.DynamicRef is not null && !EvalRef(node, ResolveDynamic(node, ctx), "$dynamicRef", inst, ctx, t))
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
        }

        if (node.RecursiveRef is not null && !EvalRef(node, ResolveRecursive(node, ctx), "$recursiveRef", inst, ctx, t))
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
        }

        if (node.Types != SchemaTypes.None && !TypeMatches(node, inst))
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
            Fail(ctx, node, "type", $"{Kind(inst)} is not allowed here; expected {DescribeTypes(node.Types)}");
        }

        if (node.Const is { } constant && !JsonEquality.DeepEquals(inst, constant))
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
            Fail(ctx, node, "const", $"{Show(inst)} must be exactly {Show(constant)}");
        }

        if (node.Enum is not null && !EnumContains(node, inst))
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
            Fail(ctx, node, "enum", $"{Show(inst)} is not one of {string.Join(", ", node.Enum.Take(10).Select(Show))}{(node.Enum.Count > 10 ? $" (and {node.Enum.Count - 10} more)" : string.Empty)}");
        }

        var kindOk = inst.ValueKind switch
        {
            JsonValueKind.Number => EvalNumber(node, inst, ctx),
            JsonValueKind.String => EvalString(node, inst, ctx),
            JsonValueKind.Object => EvalObject(node, inst, ctx, t),
            JsonValueKind.Array => EvalArray(node, inst, ctx, t),
            _ => true,
        };
        if (!kindOk)
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
        }

        if (!EvalApplicators(node, inst, ctx, t))
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
        }

        var direction = ctx.Options.Direction;
        if (node.ReadOnly && direction == PayloadDirection.Request)
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
            Fail(ctx, node, "readOnly", "is readOnly and must not appear in a request");
        }

        if (node.WriteOnly && direction == PayloadDirection.Response)
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
            Fail(ctx, node, "writeOnly", "is writeOnly and must not appear in a response");
        }

        if (node.UnevaluatedProperties is not null && inst.ValueKind == JsonValueKind.Object && !EvalUnevaluatedProperties(node, inst, ctx, t!))
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
        }

        if (node.UnevaluatedItems is not null && inst.ValueKind == JsonValueKind.Array && !EvalUnevaluatedItems(node, inst, ctx, t!))
        {
            ok = false;
        }

        return ok;
    }

    private bool EvalRef(SchemaNode node, SchemaNode target, string keyword, JsonElement inst, EvaluationContext ctx, EvaluationTracker? t)
    {
        if (!ctx.PushRef(target))
        {
            if (ctx.Collect)
            {
                Fail(ctx, node, keyword, $"{keyword} loops back to {target.AbsoluteLocation} without consuming any input: the schema can never finish evaluating");
            }

            return false;
        }

        var childT = t is null ? null : new EvaluationTracker();
        var ok = Sub(target, inst, ctx, childT, keyword);
        ctx.RefCount--;
        if (ok && childT is not null)
        {
            t!.Merge(childT);
        }

        return ok;
    }

    private static SchemaNode ResolveDynamic(SchemaNode node, EvaluationContext ctx)
    {
        if (node.DynamicRefAnchor is { } anchor)
        {
            for (var i = 0; i < ctx.ScopeCount; i++)
            {
                if (ctx.Scope[i].DynamicAnchorNodes.TryGetValue(anchor, out var found))
                {
                    return found;
                }
            }
        }

        return node.DynamicRef!;
    }

    private static SchemaNode ResolveRecursive(SchemaNode node, EvaluationContext ctx)
    {
        var target = node.RecursiveRef!;
        if (!target.IsResourceRoot || !target.Resource.RecursiveAnchor)
        {
            return target;
        }

        for (var i = 0; i < ctx.ScopeCount; i++)
        {
            var resource = ctx.Scope[i];
            if (resource.RecursiveAnchor && resource.RootNode is { } root)
            {
                return root;
            }
        }

        return target;
    }

    private bool Sub(SchemaNode child, JsonElement inst, EvaluationContext ctx, EvaluationTracker? t, string keyword)
    {
        if (!ctx.Collect)
        {
            return Eval(child, inst, ctx, t);
        }

        ctx.KeywordPath.Add(keyword);
        var ok = Eval(child, inst, ctx, t);
        ctx.KeywordPath.RemoveAt(ctx.KeywordPath.Count - 1);
        return ok;
    }

    private bool Sub(SchemaNode child, JsonElement inst, EvaluationContext ctx, EvaluationTracker? t, string keyword, string key)
    {
        if (!ctx.Collect)
        {
            return Eval(child, inst, ctx, t);
        }

        ctx.KeywordPath.Add(keyword);
        ctx.KeywordPath.Add(key);
        var ok = Eval(child, inst, ctx, t);
        ctx.KeywordPath.RemoveRange(ctx.KeywordPath.Count - 2, 2);
        return ok;
    }

    private bool Sub(SchemaNode child, JsonElement inst, EvaluationContext ctx, EvaluationTracker? t, string keyword, int index) =>
        ctx.Collect
            ? Sub(child, inst, ctx, t, keyword, index.ToString(CultureInfo.InvariantCulture))
            : Eval(child, inst, ctx, t);

    /// <summary>Evaluates a child schema against a child value (the instance moves: loop detection restarts).</summary>
    private bool Descend(SchemaNode child, JsonElement value, string instanceToken, EvaluationContext ctx, string keyword, string? key)
    {
        var savedFrame = ctx.RefFrameStart;
        ctx.RefFrameStart = ctx.RefCount;
        bool ok;
        if (!ctx.Collect)
        {
            ok = Eval(child, value, ctx, null);
        }
        else
        {
            ctx.InstancePath.Add(instanceToken);
            ok = key is null ? Sub(child, value, ctx, null, keyword) : Sub(child, value, ctx, null, keyword, key);
            ctx.InstancePath.RemoveAt(ctx.InstancePath.Count - 1);
        }

        ctx.RefFrameStart = savedFrame;
        return ok;
    }

    private static bool TypeMatches(SchemaNode node, JsonElement inst)
    {
        var types = node.Types;
        return inst.ValueKind switch
        {
            JsonValueKind.Null => (types & SchemaTypes.Null) != 0,
            JsonValueKind.True or JsonValueKind.False => (types & SchemaTypes.Boolean) != 0,
            JsonValueKind.Object => (types & SchemaTypes.Object) != 0,
            JsonValueKind.Array => (types & SchemaTypes.Array) != 0,
            JsonValueKind.String => (types & SchemaTypes.String) != 0,
            JsonValueKind.Number => (types & SchemaTypes.Number) != 0 ||
                ((types & SchemaTypes.Integer) != 0 && IsInteger(node, inst)),
            _ => false,
        };
    }

    // draft-04 predates "1.0 is an integer" (the suite's optional zeroTerminatedFloats test); later drafts count value, not spelling.
    private static bool IsInteger(SchemaNode node, JsonElement inst) =>
        node.Dialect == Dialect.Draft4 ? JsonNumbers.IsIntegerLiteral(inst) : JsonNumbers.IsInteger(inst);

    private static bool EnumContains(SchemaNode node, JsonElement inst)
    {
        if (node.EnumUtf8 is { } strings)
        {
            if (inst.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            for (var i = 0; i < strings.Length; i++)
            {
                if (inst.ValueEquals(strings[i]))
                {
                    return true;
                }
            }

            return false;
        }

        var candidates = node.Enum!;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (JsonEquality.DeepEquals(inst, candidates[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void Fail(EvaluationContext ctx, SchemaNode node, string keyword, string message)
    {
        var instance = BuildPointer(ctx.InstancePath);
        var keywordLocation = BuildPointer(ctx.KeywordPath);
        if (keyword.Length > 0)
        {
            keywordLocation += "/" + JsonPointer.EscapeToken(keyword);
        }

        var absolute = keyword.Length > 0 ? node.AbsoluteLocation + JsonPointer.ToUriFragment("/" + JsonPointer.EscapeToken(keyword)) : node.AbsoluteLocation;
        ctx.Errors.Add(new ValidationError(instance, keywordLocation, absolute, keyword, (instance.Length == 0 ? "(root)" : instance) + ": " + message));
    }

    private static string BuildPointer(List<string> tokens)
    {
        if (tokens.Count == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (var token in tokens)
        {
            sb.Append('/').Append(JsonPointer.EscapeToken(token));
        }

        return sb.ToString();
    }

    private static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => JsonNumbers.IsInteger(value) ? "an integer" : "a number",
        _ => "a value",
    };

    private static string DescribeTypes(SchemaTypes types)
    {
        var names = new List<string>();
        foreach (var (flag, name) in new[] { (SchemaTypes.Null, "null"), (SchemaTypes.Boolean, "boolean"), (SchemaTypes.Object, "object"), (SchemaTypes.Array, "array"), (SchemaTypes.Number, "number"), (SchemaTypes.String, "string"), (SchemaTypes.Integer, "integer") })
        {
            if ((types & flag) != 0)
            {
                names.Add(name);
            }
        }

        return string.Join(" or ", names);
    }
}
