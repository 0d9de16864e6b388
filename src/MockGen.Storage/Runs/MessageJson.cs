using System.Text.Json;
using System.Text.Json.Serialization;

namespace MockGen.Storage.Runs;

/// <summary>The JSON settings for orchestration messages and stored reports (camelCase, enums as names).</summary>
internal static class MessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
