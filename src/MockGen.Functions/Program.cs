using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MockGen.Core.Telemetry;
using MockGen.Functions.Hosting;
using MockGen.Functions.Http;
using OpenTelemetry;

// The isolated worker: ASP.NET Core integration for the HTTP functions (they return the shared handlers' IResult),
// MockGen's services from app settings, and OpenTelemetry to Azure Monitor when Application Insights is configured.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// HTTP requests are counted by route and status, as serve counts them (the result executes after the function, so
// the middleware counts when the response completes).
builder.UseMiddleware<HttpRequestMetricsMiddleware>();
builder.Services.AddMockGenFunctions(builder.Configuration);

// MockGen's spans and metrics (the "MockGen" source and meter) join the worker's invocation spans. Durable's
// distributed tracing (host.json, V2) makes every activity invocation a child of its orchestration's trace, so the
// shard, store and validation spans of one run share one trace id, the one written to its manifest and lineage rows.
var telemetry = builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    telemetry
        .WithTracing(tracing => tracing.AddSource(MockGenTelemetry.Name))
        .WithMetrics(metrics => metrics.AddMeter(MockGenTelemetry.Name))
        .UseAzureMonitorExporter();
}

await builder.Build().RunAsync().ConfigureAwait(false);
