using System.Net;
using MockGen.Core.Telemetry;
using MockGen.Core.Tests.Telemetry;
using MockGen.Functions.Http;
using MockGen.Functions.Tests.Support;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Service;
using MockGen.Storage.Tests.Support;

namespace MockGen.Functions.Tests.Http;

/// <summary>
/// Issue 11: the HTTP functions count <c>mockgen.http.requests</c> by route template, method and status, as serve
/// does. The series carry no tenant, so the test runs alone (<see cref="MeterCountingCollection"/>).
/// </summary>
[Collection(MeterCountingCollection.Name)]
public sealed class HttpRequestMetricsTests
{
    private const string Contracts = "/v1/tenants/{tenant}/contracts";

    [Fact]
    public void Routes_EveryHttpFunction_HasItsTriggersRouteTemplate()
    {
        var metadata = FunctionsMetadata.Load().HttpRoutes;

        Assert.Equal(metadata.Count, HttpRequestMetricsMiddleware.Routes.Count);
        Assert.All(metadata, r => Assert.Equal("/" + r.Route, HttpRequestMetricsMiddleware.Routes[r.Name]));
        Assert.Equal("/v1/tenants/{tenant}/runs/{runId}", HttpRequestMetricsMiddleware.Routes["GetRun"]);
    }

    [Fact]
    public async Task Requests_ThroughTheFunctions_AreCountedByRouteTemplateMethodAndFinalStatus()
    {
        var tenant = TestStores.Unique("fnhttp");
        using var capture = new TelemetryCapture(tenant);
        await using var app = await FunctionsApp.StartAsync(PipelineStore.LocalFolder(Directory.CreateTempSubdirectory("mockgen-fn-http-").FullName), new Dictionary<string, string> { [tenant] = "http-key" });
        using var client = app.Client("http-key");
        using var anonymous = app.Client(null);

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/v1/tenants/{tenant}/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV1))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PutAsync($"/v1/tenants/{tenant}/contracts/bad.json", new ByteArrayContent(TestContracts.Malformed))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/tenants/{tenant}/contracts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/tenants/{tenant}/contracts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/tenants/{tenant}/runs/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/v1/tenants/{tenant}/contracts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);

        // A request is counted when its response has completed, which may be just after the client has read it.
        await WaitForAsync(() => capture.SumUntenanted("mockgen.http.requests") >= 7);
        Assert.Equal(7, capture.SumUntenanted("mockgen.http.requests"));
        Assert.Equal(2, Count(capture, Contracts, "GET", 200));
        Assert.Equal(1, Count(capture, Contracts, "GET", 401));
        Assert.Equal(1, Count(capture, Contracts + "/{name}", "PUT", 200));
        Assert.Equal(1, Count(capture, Contracts + "/{name}", "PUT", 422));
        Assert.Equal(1, Count(capture, "/v1/tenants/{tenant}/runs/{runId}", "GET", 404));
        Assert.Equal(1, Count(capture, "/openapi/v1.json", "GET", 200));

        // Never the raw path: tenant and ids stay out of the series.
        Assert.DoesNotContain(capture.TagValuesUntenanted("mockgen.http.requests", TelemetryTags.HttpRoute), r => r.Contains(tenant, StringComparison.Ordinal) || r.Contains("nope", StringComparison.Ordinal));
    }

    private static double Count(TelemetryCapture capture, string route, string method, int status) =>
        capture.SumUntenanted("mockgen.http.requests", (TelemetryTags.HttpRoute, route), (TelemetryTags.HttpMethod, method), (TelemetryTags.HttpStatus, status));

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }
}
