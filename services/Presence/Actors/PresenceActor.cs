using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Wire;
using ChatDapr.Presence.Domain;
using Dapr.Actors.Runtime;
using Microsoft.Extensions.Options;

namespace ChatDapr.Presence.Actors;

// The presence of one user. Expiry runs at the start of every call and on a reminder (not a timer: a reminder
// survives deactivation and failover, so a dead gateway's connections expire even when nobody calls this actor).
// The reminder exists only while there is something to expire or an event to publish.
public sealed partial class PresenceActor : Actor, IPresenceActor, IRemindable
{
    public const string ExpiryReminder = "expire-connections";

    private readonly IEventPublisher publisher;
    private readonly TimeProvider time;
    private readonly PresenceOptions options;

    // stateManager: Actor.StateManager has only a protected setter, so unit tests hand in an in-memory manager here;
    // the actor runtime passes nothing and the SDK's Dapr-backed manager stays.
    public PresenceActor(
        ActorHost host,
        IEventPublisher publisher,
        TimeProvider time,
        IOptions<PresenceOptions> options,
        IActorStateManager? stateManager = null)
        : base(host)
    {
        this.publisher = publisher;
        this.time = time;
        this.options = options.Value;
        if (stateManager is not null)
            StateManager = stateManager;
    }

    private string UserId => Id.GetId();

    public async Task<PresenceInfo> ConnectAsync(ConnectCommand command) =>
        Info(await ApplyAsync((p, now) => PresenceRules.Connect(p, command, now)));

    public async Task<PresenceInfo> DisconnectAsync(DisconnectCommand command) =>
        Info(await ApplyAsync((p, now) => PresenceRules.Disconnect(p, command.ConnectionId, now)));

    public async Task<PresenceInfo> HeartbeatAsync(HeartbeatCommand command) =>
        Info(await ApplyAsync((p, now) => PresenceRules.Heartbeat(p, command, now)));

    public async Task<PresenceInfo> SetStatusAsync(SetStatusCommand command) =>
        Info(await ApplyAsync((p, _) => PresenceRules.SetStatus(p, command.Status)));

    public async Task<PresenceInfo> GetPresenceAsync() => Info(await ApplyAsync((p, _) => p));

    public async Task<IReadOnlyList<PresenceConnection>> GetConnectionsAsync()
    {
        var presence = await ApplyAsync((p, _) => p);
        return presence.Connections.Select(c => new PresenceConnection(c.ConnectionId, c.DeviceId, c.GatewayInstanceId)).ToList();
    }

    public async Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period)
    {
        if (reminderName != ExpiryReminder)
            return;
        var presence = await ApplyAsync((p, _) => p);
        // A reminder the state does not know about (e.g. its registration was saved by a failed turn) would fire
        // forever, so it removes itself when nothing is left to watch.
        if (!presence.ReminderRegistered)
            await UnregisterReminderAsync(ExpiryReminder);
    }

    // Expire, apply the change, save, then publish; the reminder follows what is left to watch.
    private async Task<PresenceRecord> ApplyAsync(Func<PresenceRecord, DateTimeOffset, PresenceRecord> change)
    {
        var now = time.GetUtcNow();
        var before = await LoadAsync();
        var after = PresenceRules.TrackVisible(change(PresenceRules.Expire(before, now, options.ConnectionTimeout), now));
        if (!ReferenceEquals(after, before))
            await SaveAsync(after);

        var final = await SyncReminderAsync(await PublishPendingAsync(after));
        if (!ReferenceEquals(final, after))
            await SaveAsync(final);
        return final;
    }

    private PresenceInfo Info(PresenceRecord p) => new(UserId, p.VisibleStatus, p.LastSeen);

    // A failed publish does not fail the user's call: the change stays pending and the reminder retries it.
    private async Task<PresenceRecord> PublishPendingAsync(PresenceRecord p)
    {
        if (!p.HasPendingEvent)
            return p;
        try
        {
            await publisher.PublishAsync(new PresenceChangedIntegrationEvent(
                EventIds.ForPresenceVersion(UserId, p.Version), UserId, p.VisibleStatus, p.LastSeen, p.Version));
            return p with { PublishedVersion = p.Version };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPublishFailed(Logger, e, p.Version);
            return p;
        }
    }

    private async Task<PresenceRecord> SyncReminderAsync(PresenceRecord p)
    {
        var needed = p.Connections.Count > 0 || p.HasPendingEvent;
        if (needed == p.ReminderRegistered)
            return p;
        if (needed)
            await RegisterReminderAsync(ExpiryReminder, [], options.HeartbeatInterval, options.HeartbeatInterval);
        else
            await UnregisterReminderAsync(ExpiryReminder);
        return p with { ReminderRegistered = needed };
    }

    private async Task<PresenceRecord> LoadAsync()
    {
        var stored = await StateManager.TryGetStateAsync<PresenceRecord>(PresenceRecord.StateKey);
        return stored.HasValue ? stored.Value : PresenceRules.Initial;
    }

    private async Task SaveAsync(PresenceRecord p)
    {
        await StateManager.SetStateAsync(PresenceRecord.StateKey, p);
        await StateManager.SaveStateAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing presence version {Version} failed; the reminder retries it")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, long version);
}
