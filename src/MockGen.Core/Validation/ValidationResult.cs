namespace MockGen.Core.Validation;

/// <summary>The outcome of validating one instance ("basic" output: a verdict and a flat list of errors).</summary>
public sealed class ValidationResult
{
    internal static readonly ValidationResult Success = new(true, []);

    internal ValidationResult(bool isValid, IReadOnlyList<ValidationError> errors)
    {
        IsValid = isValid;
        Errors = errors;
    }

    /// <summary>Whether the instance is valid.</summary>
    public bool IsValid { get; }

    /// <summary>The failed assertions, in evaluation order; empty when valid.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <inheritdoc />
    public override string ToString() => IsValid ? "valid" : string.Join(Environment.NewLine, Errors.Select(e => e.Message));
}
