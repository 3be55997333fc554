using System.Collections.Concurrent;
using Dapr.Actors;
using Dapr.Actors.Client;

namespace ChatDapr.ServiceDefaults;

/// <summary>
/// Hands out one typed proxy per actor instead of a new one per call. The SDK's factory builds a new remoting client
/// for every proxy, and with JSON remoting each one copies the serializer options, so the first call through every new
/// proxy rebuilds the JSON metadata of the method's types by reflection: profiled, that was a third of the gateway's CPU
/// per send while the gateway made a proxy per call. A proxy keeps no per-call state, so one serves concurrent calls.
/// Bounded by two generations: when the current one fills, it becomes the previous one and the older is dropped, so
/// actors in use stay cached and the rest are collected.
/// </summary>
public sealed class CachingActorProxyFactory(IActorProxyFactory inner, int capacity = CachingActorProxyFactory.DefaultCapacity)
    : IActorProxyFactory
{
    public const int DefaultCapacity = 10_000;

    private readonly record struct Key(Type Interface, string ActorType, string ActorId);

    private readonly Lock rotation = new();
    private ConcurrentDictionary<Key, object> current = new();
    private ConcurrentDictionary<Key, object> previous = new();

    public TActorInterface CreateActorProxy<TActorInterface>(ActorId actorId, string actorType, ActorProxyOptions? options = null)
        where TActorInterface : IActor =>
        (TActorInterface)CreateActorProxy(actorId, typeof(TActorInterface), actorType, options);

    public object CreateActorProxy(ActorId actorId, Type actorInterfaceType, string actorType, ActorProxyOptions? options = null)
    {
        // Options other than the defaults are rare and may differ per call: those proxies are not shared.
        if (options is not null)
            return inner.CreateActorProxy(actorId, actorInterfaceType, actorType, options);
        var key = new Key(actorInterfaceType, actorType, actorId.GetId());
        if (current.TryGetValue(key, out var proxy))
            return proxy;
        proxy = previous.TryGetValue(key, out var older) ? older : inner.CreateActorProxy(actorId, actorInterfaceType, actorType);
        if (current.Count >= capacity)
            Rotate();
        return current.GetOrAdd(key, proxy);
    }

    /// <summary>Weakly typed proxies serialize with the shared options already; nothing to save by caching them.</summary>
    public ActorProxy Create(ActorId actorId, string actorType, ActorProxyOptions? options = null) =>
        inner.Create(actorId, actorType, options);

    private void Rotate()
    {
        lock (rotation)
        {
            if (current.Count < capacity)
                return;
            previous = current;
            current = new ConcurrentDictionary<Key, object>();
        }
    }
}
