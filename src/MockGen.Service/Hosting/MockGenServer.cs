using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MockGen.Service.Api;
using MockGen.Service.Dashboard;
using MockGen.Service.Auth;
using MockGen.Service.Telemetry;
using MockGen.Storage;

namespace MockGen.Service.Hosting;

/// <summary>Builds the <c>mockgen serve</c> host: Kestrel on 127.0.0.1, the API, the run coordinator, the contract watcher and telemetry (<see cref="ServeTelemetry"/>).</summary>
public static class MockGenServer
{
    /// <summary>Builds (does not start) the web application.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static WebApplication Build(MockGenPipeline pipeline, ServeOptions options, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(MockGenServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        if (logging is not null)
        {
            logging(builder.Logging);
        }

        ServeTelemetry.Add(builder, options);
        builder.Services.AddSingleton(pipeline);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        var keys = new ApiKeyStore(pipeline.Store.Tables, TimeProvider.System);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(pipeline.Audit);
        builder.Services.AddMockGenTenantAuthorization(options.Entra);
        builder.Services.AddSingleton<RunCoordinator>();
        builder.Services.AddSingleton<IRunStarter>(sp => sp.GetRequiredService<RunCoordinator>());
        builder.Services.AddSingleton(new MockGenApiHandlers(pipeline, options.MaxParallelShards, keys));
        builder.Services.AddMockGenApi();
        builder.Services.AddSingleton(new Dashboard.RunReports(pipeline));
        if (options.WatchContracts)
        {
            builder.Services.AddHostedService<ContractWatcher>();
        }

        var app = builder.Build();
        ServeTelemetry.Use(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapMockGenApi();
        app.MapMockGenDashboard();
        return app;
    }

    /// <summary>The base address the started server listens on (useful with port 0).</summary>
    public static Uri BaseAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }
}
