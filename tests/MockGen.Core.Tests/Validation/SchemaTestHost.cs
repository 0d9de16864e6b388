using System.Text.Json;
using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Core.Tests.Validation;

/// <summary>Builds a one-document set from JSON text for tests.</summary>
internal static class SchemaTestHost
{
    public static readonly Uri BaseUri = new("https://mockgen.test/schema.json");

    private static readonly JsonDocumentOptions Deep = new() { MaxDepth = 30_000 };

    public static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, Deep);
        return doc.RootElement.Clone();
    }

    public static SchemaSet Set(string schemaJson, Dialect dialect = Dialect.Draft202012, SchemaSetOptions? options = null) =>
        SchemaSet.Create(new SchemaDocument(BaseUri, Parse(schemaJson), dialect, "schema.json"), options);

    public static ValidationResult Validate(string schemaJson, string instanceJson, Dialect dialect = Dialect.Draft202012, ValidationOptions? options = null, SchemaSetOptions? setOptions = null) =>
        Set(schemaJson, dialect, setOptions).Validate(BaseUri, Parse(instanceJson), options);

    /// <summary>Runs on a thread with the default 1 MB stack, as the test runner's threads have.</summary>
    public static T OnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception ex)
            {
                error = ex;
            }
        }, 1024 * 1024);
        thread.Start();
        thread.Join();
        if (error is not null)
        {
            throw new InvalidOperationException("work failed", error);
        }

        return result;
    }
}
