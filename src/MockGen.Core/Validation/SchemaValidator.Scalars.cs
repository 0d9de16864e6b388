using System.Text.Json;
using System.Text.RegularExpressions;
using MockGen.Core.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Validation;

/// <summary>Number and string keywords.</summary>
internal sealed partial class SchemaValidator
{
    private static bool EvalNumber(SchemaNode node, JsonElement inst, EvaluationContext ctx)
    {
        if (node.Minimum is null && node.Maximum is null && node.ExclusiveMinimum is null && node.ExclusiveMaximum is null && node.MultipleOf is null && node.Format is null)
        {
            return true;
        }

        // Parse the instance once; short decimal text (the common case) never leaves decimal arithmetic.
        if (JsonNumbers.TryGetExactDecimal(inst, out var value) && FastNumberCheck(node, value) is { } fast && fast && node.Format is null)
        {
            return true;
        }

        var ok = true;
        if (node.Minimum is { } min && JsonNumbers.Compare(inst, min) < 0)
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
            Fail(ctx, node, "minimum", $"{Show(inst)} is less than the minimum of {min}");
        }

        if (node.Maximum is { } max && JsonNumbers.Compare(inst, max) > 0)
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
            Fail(ctx, node, "maximum", $"{Show(inst)} is greater than the maximum of {max}");
        }

        if (node.ExclusiveMinimum is { } xmin && JsonNumbers.Compare(inst, xmin) <= 0)
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
            Fail(ctx, node, node.ExclusiveMinimumKeyword, $"{Show(inst)} must be greater than {xmin}");
        }

        if (node.ExclusiveMaximum is { } xmax && JsonNumbers.Compare(inst, xmax) >= 0)
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
            Fail(ctx, node, node.ExclusiveMaximumKeyword, $"{Show(inst)} must be less than {xmax}");
        }

        if (node.MultipleOf is { } step && !JsonNumbers.IsMultipleOf(inst, step))
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
            Fail(ctx, node, "multipleOf", $"{Show(inst)} is not a multiple of {step}");
        }

        if (node.Format is { } format && node.OpenApiFormatRegistry && (ctx.Options.AssertFormats || node.FormatAssertedByVocabulary) && !FormatValidator.IsValidNumber(format, inst))
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
            Fail(ctx, node, "format", $"{Show(inst)} is not a valid {format}");
        }

        return ok;
    }

    /// <summary>All numeric bounds on decimals; null when a bound has no exact decimal.</summary>
    private static bool? FastNumberCheck(SchemaNode node, decimal value)
    {
        if ((node.Minimum is { } min && (min.Decimal is not { } dmin || value < dmin)) ||
            (node.Maximum is { } max && (max.Decimal is not { } dmax || value > dmax)) ||
            (node.ExclusiveMinimum is { } xmin && (xmin.Decimal is not { } dxmin || value <= dxmin)) ||
            (node.ExclusiveMaximum is { } xmax && (xmax.Decimal is not { } dxmax || value >= dxmax)))
        {
            return false;
        }

        if (node.MultipleOf is { } step)
        {
            if (step.Decimal is not { } dstep)
            {
                return null;
            }

            try
            {
                return value % dstep == 0;
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        return true;
    }

    private static bool EvalString(SchemaNode node, JsonElement inst, EvaluationContext ctx)
    {
        var ok = true;
        if (node.MinLength is not null || node.MaxLength is not null)
        {
            var length = JsonStrings.CodePointLength(inst);
            if (length < node.MinLength)
            {
                if (!ctx.Collect)
                {
                    return false;
                }

                ok = false;
                Fail(ctx, node, "minLength", $"{Show(inst)} is shorter than {node.MinLength} characters");
            }

            if (length > node.MaxLength)
            {
                if (!ctx.Collect)
                {
                    return false;
                }

                ok = false;
                Fail(ctx, node, "maxLength", $"{Show(inst)} is longer than {node.MaxLength} characters");
            }
        }

        if (node.Pattern is { } pattern)
        {
            bool? matched;
            try
            {
                matched = JsonStrings.Test(inst, pattern, static (s, r) => r.Matches(s));
            }
            catch (RegexMatchTimeoutException)
            {
                matched = null;
            }

            if (matched != true)
            {
                if (!ctx.Collect)
                {
                    return false;
                }

                ok = false;
                Fail(ctx, node, "pattern", matched is null
                    ? $"matching {Show(inst)} against the pattern {pattern.Source} took longer than {pattern.Regex.MatchTimeout.TotalMilliseconds:0} ms; the value is rejected (simplify the pattern or the value)"
                    : $"{Show(inst)} does not match the pattern {pattern.Source}");
            }
        }

        // draft-07 lets content keywords assert (the suite's optional content tests); 2019-09 on, they are annotations only.
        if (node.Dialect == Dialect.Draft7 && ctx.Options.AssertFormats && (node.ContentEncoding is not null || node.ContentMediaType is not null) &&
            !ContentValidator.IsValid(inst.GetString()!, node.ContentEncoding, node.ContentMediaType))
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
            Fail(ctx, node, node.ContentMediaType is null ? "contentEncoding" : "contentMediaType",
                $"{Show(inst)} is not valid {node.ContentEncoding ?? string.Empty}{(node.ContentEncoding is null || node.ContentMediaType is null ? string.Empty : " ")}{node.ContentMediaType ?? string.Empty} content");
        }

        if (node.Format is { } format && (ctx.Options.AssertFormats || node.FormatAssertedByVocabulary) &&
            !JsonStrings.Test(inst, (format, node.Dialect), static (s, f) => FormatValidator.IsValid(f.format, s, f.Dialect)))
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
            Fail(ctx, node, "format", $"{Show(inst)} is not a valid {format}");
        }

        return ok;
    }
}
