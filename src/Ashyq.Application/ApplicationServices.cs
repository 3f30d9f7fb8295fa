using Ashyq.Application.Elections;
using Ashyq.Application.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Application;

/// <summary>The composition of the application layer: the definitions' cache and the pipeline, one per scope (a request).</summary>
public static class ApplicationServices
{
    public static IServiceCollection AddAshyqApplication(this IServiceCollection services)
    {
        services.AddSingleton<DefinitionCache>();
        services.AddScoped<Actions>();
        return services;
    }
}
