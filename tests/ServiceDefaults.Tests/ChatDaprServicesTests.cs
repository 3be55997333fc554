using System.Text.Json;
using ChatDapr.Contracts.Events;
using Dapr.Actors;
using Dapr.Actors.Client;
using Dapr.Actors.Runtime;
using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;

namespace ChatDapr.ServiceDefaults.Tests;

public sealed class ChatDaprServicesTests
{
    [Fact]
    public void AddChatActors_ActorHost_JsonRuntimeWithContractShapeAndDaprPublisher()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddChatActors(actors => actors.RegisterActor<SampleActor>());

        using var provider = services.BuildServiceProvider();
        var runtime = provider.GetRequiredService<IOptions<ActorRuntimeOptions>>().Value;
        // The contract records have no parameterless constructors, so DataContract remoting could not carry them.
        runtime.UseJsonSerialization.ShouldBeTrue();
        runtime.JsonSerializerOptions.PropertyNamingPolicy.ShouldBe(JsonNamingPolicy.CamelCase);
        runtime.Actors.Select(a => a.Type.ActorTypeName).ShouldBe([nameof(SampleActor)]);
        provider.GetRequiredService<DaprClient>().JsonSerializerOptions.PropertyNamingPolicy.ShouldBe(JsonNamingPolicy.CamelCase);
        provider.GetRequiredService<IEventPublisher>().ShouldBeOfType<DaprEventPublisher>();
        provider.GetRequiredService<TimeProvider>().ShouldBeSameAs(TimeProvider.System);
    }

    [Fact]
    public void AddChatActors_ProxyFactory_OneProxyPerActorWithTheRuntimeJson()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddChatActors(actors => actors.RegisterActor<SampleActor>());

        using var provider = services.BuildServiceProvider();
        var proxies = provider.GetRequiredService<IActorProxyFactory>();
        proxies.ShouldBeOfType<CachingActorProxyFactory>();
        var proxy = proxies.CreateActorProxy<ISampleActor>(new ActorId("a"), nameof(SampleActor));
        proxies.CreateActorProxy<ISampleActor>(new ActorId("a"), nameof(SampleActor)).ShouldBeSameAs(proxy);
        provider.GetRequiredService<ActorRuntime>().ShouldNotBeNull();
    }

    public interface ISampleActor : IActor
    {
        Task PingAsync();
    }

    public sealed class SampleActor(ActorHost host) : Actor(host), ISampleActor
    {
        public Task PingAsync() => Task.CompletedTask;
    }
}
