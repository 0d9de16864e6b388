using System.Text.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Validation;

/// <summary>In-place applicators: allOf, anyOf, oneOf, not, if/then/else.</summary>
internal sealed partial class SchemaValidator
{
    private bool EvalApplicators(SchemaNode node, JsonElement inst, EvaluationContext ctx, EvaluationTracker? t)
    {
        var ok = true;
        var allOf = node.AllOf;
        for (var i = 0; i < allOf.Count; i++)
        {
            var childT = t is null ? null : new EvaluationTracker();
            if (!Sub(allOf[i], inst, ctx, childT, "allOf", i))
            {
                if (!ctx.Collect)
                {
                    return false;
                }

                ok = false;
            }
            else if (childT is not null)
            {
                t!.Merge(childT);
            }
        }

        if (node.AnyOf.Count > 0 && !EvalAnyOf(node, inst, ctx, t))
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
        }

        if (node.OneOf.Count > 0 && !EvalOneOf(node, inst, ctx, t))
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
        }

        if (node.Not is { } not)
        {
            var wasCollecting = ctx.Collect;
            ctx.SetCollect(false);
            var matched = Eval(not, inst, ctx, null);
            ctx.SetCollect(wasCollecting);
            if (matched)
            {
                if (!ctx.Collect)
                {
                    return false;
                }

                ok = false;
                Fail(ctx, node, "not", $"{Show(inst)} must not match the \"not\" schema");
            }
        }

        if (node.If is { } condition)
        {
            var wasCollecting = ctx.Collect;
            ctx.SetCollect(false);
            var ifT = t is null ? null : new EvaluationTracker();
            var holds = Eval(condition, inst, ctx, ifT);
            ctx.SetCollect(wasCollecting);
            if (holds && ifT is not null)
            {
                t!.Merge(ifT);
            }

            var branch = holds ? node.Then : node.Else;
            if (branch is not null)
            {
                var branchT = t is null ? null : new EvaluationTracker();
                if (!Sub(branch, inst, ctx, branchT, holds ? "then" : "else"))
                {
                    if (!ctx.Collect)
                    {
                        return false;
                    }

                    ok = false;
                }
                else if (branchT is not null)
                {
                    t!.Merge(branchT);
                }
            }
        }

        return ok;
    }

    private bool EvalAnyOf(SchemaNode node, JsonElement inst, EvaluationContext ctx, EvaluationTracker? t)
    {
        var errorMark = ctx.Errors.Count;
        var any = false;
        var branches = node.AnyOf;
        for (var i = 0; i < branches.Count; i++)
        {
            var childT = t is null ? null : new EvaluationTracker();
            if (Sub(branches[i], inst, ctx, childT, "anyOf", i))
            {
                any = true;
                if (childT is null)
                {
                    // Without annotation tracking the first match decides.
                    break;
                }

                t!.Merge(childT);
            }
        }

        if (any)
        {
            ctx.Errors.RemoveRange(errorMark, ctx.Errors.Count - errorMark);
            return true;
        }

        if (ctx.Collect)
        {
            Fail(ctx, node, "anyOf", $"{Show(inst)} matches none of the {branches.Count} \"anyOf\" schemas");
        }

        return false;
    }

    private bool EvalOneOf(SchemaNode node, JsonElement inst, EvaluationContext ctx, EvaluationTracker? t)
    {
        var errorMark = ctx.Errors.Count;
        var branches = node.OneOf;
        var first = -1;
        var second = -1;
        EvaluationTracker? matchedT = null;
        for (var i = 0; i < branches.Count; i++)
        {
            var childT = t is null ? null : new EvaluationTracker();
            if (Sub(branches[i], inst, ctx, childT, "oneOf", i))
            {
                if (first < 0)
                {
                    first = i;
                    matchedT = childT;
                }
                else
                {
                    second = i;
                    break;
                }
            }
        }

        if (first >= 0 && second < 0)
        {
            ctx.Errors.RemoveRange(errorMark, ctx.Errors.Count - errorMark);
            if (matchedT is not null)
            {
                t!.Merge(matchedT);
            }

            return true;
        }

        if (ctx.Collect)
        {
            if (second >= 0)
            {
                ctx.Errors.RemoveRange(errorMark, ctx.Errors.Count - errorMark);
                Fail(ctx, node, "oneOf", $"{Show(inst)} matches more than one \"oneOf\" schema (#{first} and #{second}); it must match exactly one");
            }
            else
            {
                Fail(ctx, node, "oneOf", $"{Show(inst)} matches none of the {branches.Count} \"oneOf\" schemas");
            }
        }

        return false;
    }
}
