using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace MockGen.Service.Auth;

/// <summary>Registers the shared tenant check, the same way in <c>mockgen serve</c> and the Functions app.</summary>
public static class TenantAuthorizationServiceCollectionExtensions
{
    /// <summary>The configuration section the Functions app binds <see cref="EntraOptions"/> from.</summary>
    public const string EntraSection = "MockGen:Entra";

    /// <summary>
    /// Registers <see cref="TenantAuthorizer"/> (the host registers <see cref="ApiKeyStore"/>) and, when
    /// <paramref name="entra"/> is given, the <see cref="EntraTokenValidator"/> it uses for bearer tokens. The
    /// options are validated now, so a misconfigured host fails at startup, not at the first request.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="entra">Entra ID settings; null for API keys only.</param>
    /// <returns>The same services.</returns>
    /// <exception cref="ArgumentException">The Entra options are invalid (every problem is listed).</exception>
    public static IServiceCollection AddMockGenTenantAuthorization(this IServiceCollection services, EntraOptions? entra = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (entra is not null)
        {
            entra.Validate();
            var copy = entra.Clone();
            services.TryAddSingleton(sp => new EntraTokenValidator(copy, sp.GetService<TimeProvider>(), sp.GetService<ILogger<EntraTokenValidator>>()));
        }

        services.TryAddSingleton<TenantAuthorizer>();
        return services;
    }

    /// <summary>
    /// As <see cref="AddMockGenTenantAuthorization(IServiceCollection, EntraOptions?)"/>, with the Entra options bound
    /// from <c>MockGen:Entra</c> (<c>Authority</c>, <c>Audience</c>, <c>TenantClaim</c>, ...; app settings
    /// <c>MockGen__Entra__Authority</c> etc.). Without an <c>Authority</c> there, API keys only.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <returns>The same services.</returns>
    /// <exception cref="ArgumentException">The section is present but invalid.</exception>
    public static IServiceCollection AddMockGenTenantAuthorization(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(EntraSection);
        EntraOptions? entra = null;
        if (!string.IsNullOrEmpty(section["Authority"]))
        {
            entra = new EntraOptions();
            section.Bind(entra);
        }

        return services.AddMockGenTenantAuthorization(entra);
    }
}
