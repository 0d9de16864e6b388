using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MockGen.Functions.Hosting;

// The isolated worker: ASP.NET Core integration for the HTTP functions (they return the shared handlers' IResult),
// MockGen's services from app settings, and OpenTelemetry to Azure Monitor when Application Insights is configured.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddMockGenFunctions(builder.Configuration);

var telemetry = builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    telemetry.UseAzureMonitorExporter();
}

await builder.Build().RunAsync().ConfigureAwait(false);
