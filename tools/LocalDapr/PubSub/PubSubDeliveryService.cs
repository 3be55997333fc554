using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// Once the app is ready, subscribes every programmatic and declarative subscription at its broker and delivers
/// until the sidecar stops. The consumer group is the component's <c>consumerID</c> as this sidecar resolved it
/// (<c>{uuid}</c> is per sidecar, so instances each get every message) or, by default, the app-id (instances compete).
/// A subscription that cannot be served (e.g. an unsupported match expression) stops the sidecar with the reason.
/// </summary>
internal sealed class PubSubDeliveryService(
    AppReadiness readiness, ComponentCatalog catalog, SidecarOptions options, AppChannel channel,
    SubscriptionRegistry registry, ILogger<PubSubDeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        AppInfo info;
        try
        {
            info = await readiness.Ready.WaitAsync(stoppingToken);
        }
        catch (Exception e)
        {
            // AppDiscovery already reported why; without an app there is nobody to deliver to.
            registry.SetFailed(e);
            return;
        }
        if (!channel.HasApp)
        {
            registry.SetStarted([]);
            return;
        }
        List<SubscriptionSpec> specs;
        try
        {
            specs = SubscriptionParser.Merge(catalog.Subscriptions, info.Subscriptions,
                dup => PubSubLog.DuplicateSubscription(logger, dup.PubsubName, dup.Topic, dup.Type));
        }
        catch (FormatException e)
        {
            PubSubLog.BadSubscription(logger, options.AppId, e.Message);
            registry.SetFailed(e);
            throw;
        }
        await DeliverAsync(specs, stoppingToken);
    }

    private async Task DeliverAsync(List<SubscriptionSpec> specs, CancellationToken stoppingToken)
    {
        var handles = new List<IAsyncDisposable>();
        var ownGroups = new List<(IPubSub PubSub, string Topic, string Group)>();
        try
        {
            var app = new AppDeliverer(channel);
            var active = new List<SubscriptionSpec>();
            foreach (var spec in specs)
            {
                if (!catalog.PubSubs.TryGetValue(spec.PubsubName, out var pubsub))
                {
                    PubSubLog.UnknownPubSub(logger, spec.PubsubName, spec.Topic);
                    continue;
                }
                var group = ConsumerGroup(spec.PubsubName);
                var dispatcher = new SubscriptionDispatcher(spec, pubsub, app, logger);
                handles.Add(await pubsub.SubscribeAsync(spec.Topic, group, dispatcher.HandleAsync, stoppingToken));
                if (group.Contains(options.InstanceId, StringComparison.Ordinal))
                    ownGroups.Add((pubsub, spec.Topic, group));
                active.Add(spec);
                PubSubLog.Subscribed(logger, spec.PubsubName, spec.Topic, group, spec.Type);
            }
            registry.SetStarted(active);
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            registry.SetFailed(new OperationCanceledException("the sidecar stopped"));
        }
        finally
        {
            foreach (var handle in handles)
                await handle.DisposeAsync();
            // A group named after this sidecar ({uuid}) will never be read again once it stops.
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            foreach (var (pubsub, topic, group) in ownGroups)
                await pubsub.DeleteGroupAsync(topic, group, cleanup.Token);
        }
    }

    private string ConsumerGroup(string pubsubName) =>
        catalog.Definition(pubsubName).Metadata.Get("consumerID") is { Length: > 0 } id ? id : options.AppId;
}
