using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Core.Tests.Suite;

/// <summary>Runs one suite case through a fresh <see cref="SchemaSet"/>, with the remotes served from disk.</summary>
internal static class SuiteRunner
{
    public static Dialect DialectOf(string draft) => draft switch
    {
        "draft4" => Dialect.Draft4,
        "draft6" => Dialect.Draft6,
        "draft7" => Dialect.Draft7,
        "draft2019-09" => Dialect.Draft201909,
        _ => Dialect.Draft202012,
    };

    /// <summary>
    /// Formats are asserted where the draft's suite expects it: draft-04..07 leave it to the implementation (we
    /// assert); 2019-09 and 2020-12 make format an annotation by default, so the required tests run without
    /// assertion and the optional/format tests run with it.
    /// </summary>
    public static bool AssertFormats(SuiteCase c) =>
        c.File.StartsWith("optional/format", StringComparison.Ordinal) || c.Draft is "draft4" or "draft6" or "draft7";

    /// <summary>Returns the verdict, or throws what compiling the schema threw.</summary>
    public static bool Run(SuiteCase c)
    {
        var options = new SchemaSetOptions { DefaultDialect = DialectOf(c.Draft) };
        options.UriMappings[new Uri("http://localhost:1234/")] = SuiteLocator.RemotesFolder;
        var baseUri = new Uri($"https://mockgen.test/suite/{c.Draft}/{c.File.Replace('/', '-')}/{c.GroupIndex}.json");
        var set = SchemaSet.Create(new SchemaDocument(baseUri, c.Schema, DialectOf(c.Draft), null), options);
        var result = set.Validate(baseUri, c.Data, new ValidationOptions { AssertFormats = AssertFormats(c) });
        return result.IsValid;
    }
}
