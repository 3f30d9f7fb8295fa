using Ashyq.Application.Elections;
using Ashyq.Application.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Application;

/// <summary>The composition of the application layer: the pipeline and every action's handler, found in this assembly.</summary>
public static class ApplicationServices
{
    public static IServiceCollection AddAshyqApplication(this IServiceCollection services)
    {
        services.AddSingleton<DefinitionCache>();
        services.AddScoped<Actions>();
        foreach (var type in typeof(ApplicationServices).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IActionHandler<,>)))
            {
                services.AddScoped(contract, type);
            }
        }

        return services;
    }
}
