using System.Text.Json;

namespace MockGen.Cli.Pull;

/// <summary>What the last pull into a folder fetched: the run and its manifest's SHA-256 (the ETag a next pull sends).</summary>
internal sealed record PullState(string? Server, string? Tenant, string? RunId, string? ManifestSha256, string? Assembled)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static PullState Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<PullState>(File.ReadAllBytes(path), Json) ?? Empty : Empty;
        }
        catch (JsonException)
        {
            // A damaged state file only costs a fresh manifest request; the shards are verified by hash anyway.
            return Empty;
        }
    }

    public void Write(string path)
    {
        File.WriteAllBytes(path + ".tmp", JsonSerializer.SerializeToUtf8Bytes(this, Json));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static PullState Empty { get; } = new(null, null, null, null, null);
}
