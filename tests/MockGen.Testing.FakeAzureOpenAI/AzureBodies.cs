using System.Globalization;
using System.Text.Json.Nodes;

namespace MockGen.Testing.FakeAzureOpenAI;

/// <summary>Azure OpenAI's response and error bodies (reference §1.3, §1.4), written once each.</summary>
internal static class AzureBodies
{
    public static readonly string[] FilterCategories = ["hate", "self_harm", "sexual", "violence"];

    public static JsonObject Error(string? code, string message, string? type = null, string? param = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (type is not null || param is not null)
        {
            error["param"] = param;
            error["type"] = type;
        }

        return new JsonObject { ["error"] = error };
    }

    public static JsonObject InvalidRequest(string message, string? param, string? code = null) =>
        new() { ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = param, ["code"] = code } };

    public static JsonObject Unauthorized() => Error("401",
        "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.");

    public static JsonObject ResourceNotFound() => Error("404", "Resource not found");

    public static JsonObject DeploymentNotFound() => Error("DeploymentNotFound",
        "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.");

    public static JsonObject Throttled(string apiVersion, int seconds) => Error("429", string.Create(CultureInfo.InvariantCulture,
        $"Requests to the ChatCompletions_Create Operation under Azure OpenAI API version {apiVersion} have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after {seconds} second{(seconds == 1 ? string.Empty : "s")}. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit."));

    public static JsonObject ServerError(int status) => status switch
    {
        408 => Error("Timeout", "The operation was timeout."),
        502 => Error("BadGateway", "Bad gateway."),
        503 => Error("ServiceUnavailable", "The service is temporarily unable to process your request. Please try again later."),
        504 => Error("GatewayTimeout", "The gateway did not receive a response from the backend in time."),
        _ => Error("InternalServerError", "The server had an error while processing your request. Sorry about that!"),
    };

    public static JsonObject PromptFiltered(string category) => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
            ["type"] = null,
            ["param"] = "prompt",
            ["code"] = "content_filter",
            ["status"] = 400,
            ["innererror"] = new JsonObject
            {
                ["code"] = "ResponsibleAIPolicyViolation",
                ["content_filter_result"] = FilterResults(category, includeJailbreak: true),
            },
        },
    };

    /// <summary>One filter block: every category safe, except <paramref name="filtered"/> (high, filtered).</summary>
    public static JsonObject FilterResults(string? filtered, bool includeJailbreak)
    {
        var results = new JsonObject();
        foreach (var category in FilterCategories)
        {
            results[category] = category == filtered
                ? new JsonObject { ["filtered"] = true, ["severity"] = "high" }
                : new JsonObject { ["filtered"] = false, ["severity"] = "safe" };
        }

        if (includeJailbreak)
        {
            results["jailbreak"] = new JsonObject { ["filtered"] = filtered == "jailbreak", ["detected"] = filtered == "jailbreak" };
        }

        foreach (var detected in new[] { "protected_material_text", "protected_material_code", "profanity" })
        {
            if (filtered == detected)
            {
                results[detected] = new JsonObject { ["filtered"] = true, ["detected"] = true };
            }
        }

        return results;
    }
}
