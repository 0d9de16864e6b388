namespace MockGen.Storage.Runs;

/// <summary>Where a run's blobs live: <c>datasets/{tenant}/{contract}/{versionHex}/{runId}/</c>.</summary>
internal static class RunPaths
{
    public static string Folder(string tenant, string contractName, string contractVersion, string runId) =>
        $"datasets/{Identifiers.Tenant(tenant)}/{Identifiers.ContractName(contractName)}/{Identifiers.VersionHex(contractVersion)}/{Identifiers.RunId(runId)}/";

    public static string Manifest(string tenant, string contractName, string contractVersion, string runId) =>
        Folder(tenant, contractName, contractVersion, runId) + "manifest.json";

    public static string DriftReport(string tenant, string runId, string againstVersion) =>
        $"reports/{Identifiers.Tenant(tenant)}/{Identifiers.RunId(runId)}/drift-{Identifiers.VersionHex(againstVersion)}.json";
}
