using System.Text.Json;

namespace MockGen.Service.Api;

/// <summary>One payload and its lineage: which contract version, seed and run produced it.</summary>
/// <param name="Id">The payload id.</param>
/// <param name="RunId">The run.</param>
/// <param name="Contract">The contract name.</param>
/// <param name="ContractVersion">The contract version.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Environment">The environment.</param>
/// <param name="Generator">The generator version.</param>
/// <param name="Target">The target id.</param>
/// <param name="Variant">The variant.</param>
/// <param name="Index">The index.</param>
/// <param name="Shard">The shard blob holding it.</param>
/// <param name="Record">The dataset record (<c>{"meta":...,"payload":...}</c>).</param>
public sealed record PayloadLookup(string Id, string RunId, string Contract, string ContractVersion, string Seed, string Environment, string Generator, string Target, string Variant, long Index, string Shard, JsonElement Record);
