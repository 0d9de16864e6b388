using MockGen.Core.Contracts;
using MockGen.Core.Schema;

namespace MockGen.Cli;

/// <summary>The spellings the CLI prints (and its JSON output carries) for Core enums: stable, lower-case, documented.</summary>
internal static class CliNames
{
    public static string Kind(ContractKind kind) => kind switch
    {
        ContractKind.OpenApi20 => "openapi-2.0",
        ContractKind.OpenApi30 => "openapi-3.0",
        ContractKind.OpenApi31 => "openapi-3.1",
        _ => "json-schema",
    };

    public static string Dialect(Dialect dialect) => dialect switch
    {
        Core.Schema.Dialect.Draft4 => "draft-04",
        Core.Schema.Dialect.Draft6 => "draft-06",
        Core.Schema.Dialect.Draft7 => "draft-07",
        Core.Schema.Dialect.Draft201909 => "2019-09",
        Core.Schema.Dialect.Draft202012 => "2020-12",
        Core.Schema.Dialect.OpenApi30 => "openapi-3.0",
        _ => "swagger-2.0",
    };

    public static string Direction(PayloadDirection direction) => direction switch
    {
        PayloadDirection.Request => "request",
        PayloadDirection.Response => "response",
        _ => "none",
    };

    public static string Severity(ContractDiagnosticSeverity severity) =>
        severity == ContractDiagnosticSeverity.Error ? "error" : "warning";
}
