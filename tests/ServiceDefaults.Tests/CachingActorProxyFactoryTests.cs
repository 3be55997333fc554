using ChatDapr.ServiceDefaults;
using Dapr.Actors;
using Dapr.Actors.Client;
using Shouldly;

namespace ChatDapr.ServiceDefaults.Tests;

public sealed class CachingActorProxyFactoryTests
{
    private sealed class CountingFactory : IActorProxyFactory
    {
        public int Created { get; private set; }

        public TActorInterface CreateActorProxy<TActorInterface>(ActorId actorId, string actorType, ActorProxyOptions? options = null)
            where TActorInterface : IActor => throw new NotSupportedException();

        public object CreateActorProxy(ActorId actorId, Type actorInterfaceType, string actorType, ActorProxyOptions? options = null)
        {
            Created++;
            return new object();
        }

        public ActorProxy Create(ActorId actorId, string actorType, ActorProxyOptions? options = null) => throw new NotSupportedException();
    }

    private static object Proxy(IActorProxyFactory factory, string id, string type = "RoomActor") =>
        factory.CreateActorProxy(new ActorId(id), typeof(IActor), type);

    [Fact]
    public void CreateActorProxy_SameActorTwice_ReturnsTheFirstProxy()
    {
        var inner = new CountingFactory();
        var factory = new CachingActorProxyFactory(inner);

        var first = Proxy(factory, "r1");

        Proxy(factory, "r1").ShouldBeSameAs(first);
        inner.Created.ShouldBe(1);
    }

    [Fact]
    public void CreateActorProxy_OtherIdOrType_OwnProxy()
    {
        var factory = new CachingActorProxyFactory(new CountingFactory());

        var room = Proxy(factory, "x");

        Proxy(factory, "y").ShouldNotBeSameAs(room);
        Proxy(factory, "x", "PresenceActor").ShouldNotBeSameAs(room);
    }

    [Fact]
    public void CreateActorProxy_WithOptions_NotShared()
    {
        var inner = new CountingFactory();
        var factory = new CachingActorProxyFactory(inner);
        var options = new ActorProxyOptions { RequestTimeout = TimeSpan.FromSeconds(1) };

        var first = factory.CreateActorProxy(new ActorId("r"), typeof(IActor), "RoomActor", options);

        factory.CreateActorProxy(new ActorId("r"), typeof(IActor), "RoomActor", options).ShouldNotBeSameAs(first);
        inner.Created.ShouldBe(2);
    }

    [Fact]
    public void CreateActorProxy_PastCapacity_KeepsRecentlyUsedAndDropsTheRest()
    {
        var inner = new CountingFactory();
        var factory = new CachingActorProxyFactory(inner, capacity: 2);
        var a = Proxy(factory, "a");
        var b = Proxy(factory, "b");

        Proxy(factory, "c");                              // a and b become the previous generation
        Proxy(factory, "a").ShouldBeSameAs(a);            // used again: carried into the current one
        Proxy(factory, "d");                              // {c, a} full: they become previous, b is dropped
        Proxy(factory, "a").ShouldBeSameAs(a);

        Proxy(factory, "b").ShouldNotBeSameAs(b);
        inner.Created.ShouldBe(5);
    }
}
