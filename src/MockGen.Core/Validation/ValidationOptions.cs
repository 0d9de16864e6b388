using MockGen.Core.Schema;

namespace MockGen.Core.Validation;

/// <summary>How an instance is validated. Defaults suit a test-data gate: formats asserted, no direction.</summary>
public sealed class ValidationOptions
{
    internal static readonly ValidationOptions Default = new();

    /// <summary>
    /// Whether <c>format</c> is an assertion (date-time, email, uuid... must be well formed). Default: <see langword="true"/>.
    /// When false, formats are annotations only, except where a 2020-12 metaschema enables the format-assertion vocabulary.
    /// </summary>
    public bool AssertFormats { get; set; } = true;

    /// <summary>
    /// Which way the payload travels: <see cref="PayloadDirection.Request"/> rejects present <c>readOnly</c>
    /// properties, <see cref="PayloadDirection.Response"/> rejects <c>writeOnly</c> ones. Default: <see cref="PayloadDirection.None"/>.
    /// </summary>
    public PayloadDirection Direction { get; set; } = PayloadDirection.None;

    /// <summary>
    /// Maximum evaluation depth (schema applications nested inside each other). Deeper instances get a clear
    /// error instead of exhausting the stack. Default: 1,500.
    /// </summary>
    public int MaxDepth { get; set; } = 1_500;
}
