using ChatDapr.Contracts;
using ChatDapr.Contracts.Events;
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
        return services;
    }
}
