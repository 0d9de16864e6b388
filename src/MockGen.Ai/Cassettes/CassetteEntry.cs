using System.Text.Json;
using MockGen.Ai.Gateway;

namespace MockGen.Ai.Cassettes;

/// <summary>One recorded exchange as stored at <c>ai-cassettes/{tenant}/{hex}.json</c>.</summary>
/// <param name="Key">The cassette key (<c>sha256:…</c>).</param>
/// <param name="Request">MockGen's canonical request record the key hashes, kept for review and diffs.</param>
/// <param name="Result">What the exchange produced.</param>
/// <param name="RecordedAt">When it was recorded (never shapes a payload).</param>
/// <param name="Client">The client that made the call, e.g. <c>Azure.AI.OpenAI/2.1.0</c>.</param>
public sealed record CassetteEntry(string Key, JsonElement Request, ModelResult Result, DateTimeOffset RecordedAt, string Client);
