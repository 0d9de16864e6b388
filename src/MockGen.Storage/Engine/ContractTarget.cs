namespace MockGen.Storage.Engine;

/// <summary>One payload a contract describes.</summary>
/// <param name="Id">The target id: the JSON Pointer of its schema in URI-fragment form (<c>#/components/schemas/Pet</c>).</param>
/// <param name="Name">A friendly name (operationId or METHOD path with request/response).</param>
public sealed record ContractTarget(string Id, string Name);
