using System.Text.Json;
using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Core.Contracts;

public sealed partial class Contract
{
    private static readonly int DefaultMaxDepth = new ValidationOptions().MaxDepth;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(PayloadDirection Direction, bool AssertFormats, int MaxDepth), SchemaValidator> _validators = new();
    private Lazy<SchemaSet> _schemas;

    /// <summary>
    /// The contract's compiled schemas, built on first use from <see cref="Documents"/> with
    /// <see cref="Resolver"/> and shared (thread-safe) by validation and generation. Schemas compile lazily,
    /// target by target; <see cref="Compile"/> forces one.
    /// </summary>
    public SchemaSet Schemas => _schemas.Value;

    /// <summary>
    /// Compiles a target's schema (and everything it references) now, so that a broken schema is reported
    /// before any payload is validated or generated.
    /// </summary>
    /// <exception cref="ContractException">
    /// The schema does not compile: an unknown <c>$ref</c> target, a refused remote document, an invalid
    /// keyword. The message names the file and JSON Pointer.
    /// </exception>
    public void Compile(ContractTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            _ = Schemas.GetNode(target.SchemaUri);
        }
        catch (SchemaException ex)
        {
            throw Discard(ex);
        }
    }

    /// <summary>Compiles every target and returns one error diagnostic per target whose schema does not compile.</summary>
    public IReadOnlyList<ContractDiagnostic> CheckTargets()
    {
        var problems = new List<ContractDiagnostic>();
        foreach (var target in Targets)
        {
            try
            {
                Compile(target);
            }
            catch (ContractException ex)
            {
                problems.Add(new ContractDiagnostic(ContractDiagnosticSeverity.Error, ex.Message, ex.JsonPointer, ex.FilePath));
            }
        }

        return problems;
    }

    /// <summary>
    /// Validates a payload against a target. The target's direction applies (requests must not carry
    /// <c>readOnly</c> properties, responses no <c>writeOnly</c> ones) whatever <paramref name="options"/> says.
    /// </summary>
    /// <param name="target">A target of this contract.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="options">Format assertion and depth; null for the defaults (formats asserted).</param>
    /// <returns>The result in the JSON Schema "basic" output shape.</returns>
    /// <exception cref="ContractException">The target's schema does not compile (see <see cref="Compile"/>).</exception>
    public ValidationResult Validate(ContractTarget target, JsonElement payload, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var node = GetNode(target);
        var key = (target.Direction, options?.AssertFormats ?? true, options?.MaxDepth ?? DefaultMaxDepth);

        // Validators are stateless apart from their options: one per (direction, formats, depth) serves every
        // payload, so validating a stream of records allocates no validator per record.
        var validator = _validators.GetOrAdd(key, static k => new SchemaValidator(new ValidationOptions
        {
            Direction = k.Direction,
            AssertFormats = k.AssertFormats,
            MaxDepth = k.MaxDepth,
        }));
        return validator.Validate(node, payload);
    }

    /// <summary>The compiled node of a target, for the generator.</summary>
    /// <exception cref="ContractException">The schema does not compile.</exception>
    internal SchemaNode GetNode(ContractTarget target)
    {
        try
        {
            return Schemas.GetNode(target.SchemaUri);
        }
        catch (SchemaException ex)
        {
            throw Discard(ex);
        }
    }

    // A schema set that threw while compiling keeps the half-built nodes it cached (a later request for
    // the same schema would get an empty node that accepts anything), so it is dropped: the next use
    // compiles from scratch and fails again, loudly.
    private ContractException Discard(SchemaException exception)
    {
        Interlocked.Exchange(ref _schemas, new Lazy<SchemaSet>(CreateSchemaSet, LazyThreadSafetyMode.ExecutionAndPublication));
        return Translate(exception);
    }

    private SchemaSet CreateSchemaSet() =>
        SchemaSet.Create(Documents, new SchemaSetOptions { Resolver = Resolver, DefaultDialect = Dialect, OpenApiFormatRegistry = Kind != ContractKind.JsonSchema });

    // The compiler speaks in absolute URIs (file:///home/me/api/openapi.yaml#/components/...); users
    // think in the paths they typed, so every document URI in the message becomes its display path.
    private ContractException Translate(SchemaException exception)
    {
        var message = exception.Message;
        string? file = null;
        string? pointer = null;
        foreach (var document in _documents.Documents.OrderByDescending(d => d.Document.BaseUri.AbsoluteUri.Length))
        {
            var uri = document.Document.BaseUri.AbsoluteUri;
            var display = document.Document.SourcePath ?? uri;
            if (exception.Location is { } location && location.StartsWith(uri, StringComparison.Ordinal) && file is null)
            {
                file = display;
                var rest = location[uri.Length..];
                pointer = rest.StartsWith('#') ? "#" + JsonPointerSyntax.FromUriFragment(rest[1..]) : null;
                message = message.Replace(location, display + (pointer ?? string.Empty), StringComparison.Ordinal);
            }

            message = message.Replace(uri, display, StringComparison.Ordinal);
        }

        return ContractException.InvalidSchema(file, pointer ?? string.Empty, message, exception);
    }
}
