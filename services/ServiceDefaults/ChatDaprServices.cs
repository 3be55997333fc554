using ChatDapr.Contracts;
using ChatDapr.Contracts.Events;
using Dapr.Actors.Client;
using Dapr.Actors.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatDapr.ServiceDefaults;

/// <summary>The Dapr wiring the chat services share, so every app speaks the contract's JSON shape the same way.</summary>
public static class ChatDaprServices
{
    /// <summary>DaprClient with the contract's JSON, and the publisher of integration events.</summary>
    public static IServiceCollection AddChatDapr(this IServiceCollection services)
    {
        services.AddDaprClient(dapr => dapr.UseJsonSerializationOptions(new(ChatJson.Options)));
        services.TryAddSingleton<IEventPublisher, DaprEventPublisher>();
        return services;
    }

    /// <summary>An actor host: <see cref="AddChatDapr"/>, a clock for the actors' timing rules, and the actor runtime
    /// with the actors <paramref name="register"/> names.</summary>
    public static IServiceCollection AddChatActors(this IServiceCollection services, Action<ActorRegistrationCollection> register)
    {
        services.AddChatDapr();
        services.TryAddSingleton(TimeProvider.System);
        services.AddActors(actors =>
        {
            register(actors.Actors);
            // JSON (not DataContract remoting): the contract records have no parameterless constructors.
            actors.UseJsonSerialization = true;
            actors.JsonSerializerOptions = new(ChatJson.Options);
        });
        CacheActorProxies(services);
        return services;
    }

    /// <summary>Wraps the registered proxy factory (AddActors' own, or one a host registered first) in a
    /// <see cref="CachingActorProxyFactory"/>.</summary>
    private static void CacheActorProxies(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IActorProxyFactory));
        if (registered.ImplementationType == typeof(CachingActorProxyFactory))
            return;
        services.Remove(registered);
        services.AddSingleton<IActorProxyFactory>(sp => new CachingActorProxyFactory(registered switch
        {
            { ImplementationInstance: IActorProxyFactory instance } => instance,
            { ImplementationFactory: { } factory } => (IActorProxyFactory)factory(sp),
            _ => (IActorProxyFactory)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!),
        }));
    }
}
