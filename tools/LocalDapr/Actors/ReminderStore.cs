using System.Text.Json;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;
using ChatDapr.LocalDapr.State;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>Reminders persisted in the actor state store (layout: <see cref="ReminderKeys"/>).</summary>
public sealed class ReminderStore(ComponentCatalog catalog, SidecarOptions options)
{
    public bool Available => catalog.ActorStateStore is not null;

    private IStateStore Store => catalog.ActorStateStore
        ?? throw new ActorApiException(500, "ERR_ACTOR_STATE_STORE_NOT_FOUND", "actors: state store does not exist or incorrectly configured (set actorStateStore: \"true\" on one state store)");

    public Task SaveAsync(ReminderRecord record, CancellationToken ct) =>
        Store.SetAsync(new StateOperation(StateOperationKind.Upsert, Key(record.Ref), JsonSerializer.SerializeToUtf8Bytes(record)), ct);

    public async Task<(ReminderRecord Record, string ETag)?> GetAsync(ReminderRef reminder, CancellationToken ct)
    {
        var item = await Store.GetAsync(Key(reminder), ct);
        if (item is null)
            return null;
        try
        {
            return JsonSerializer.Deserialize<ReminderRecord>(item.Value) is { } record ? (record, item.ETag) : null;
        }
        catch (JsonException)
        {
            return null; // not a reminder this sidecar wrote; ignore it rather than crash the scheduler
        }
    }

    /// <summary>
    /// Claims the occurrence that is due: stores the next one (or deletes a finished reminder) only if nobody
    /// changed the record since it was read. False means another instance claimed it or the reminder was
    /// re-registered or removed, so the caller must not fire.
    /// </summary>
    public async Task<bool> TryAdvanceAsync(ReminderRef reminder, ReminderRecord? next, string etag, CancellationToken ct)
    {
        try
        {
            if (next is null)
                await Store.DeleteAsync(new StateOperation(StateOperationKind.Delete, Key(reminder), ETag: etag), ct);
            else
                await Store.SetAsync(new StateOperation(StateOperationKind.Upsert, Key(reminder), JsonSerializer.SerializeToUtf8Bytes(next), etag), ct);
            return true;
        }
        catch (ETagMismatchException)
        {
            return false;
        }
    }

    public Task DeleteAsync(ReminderRef reminder, CancellationToken ct) =>
        Store.DeleteAsync(new StateOperation(StateOperationKind.Delete, Key(reminder)), ct);

    public async Task<IReadOnlyList<ReminderRef>> ListAsync(string actorType, CancellationToken ct)
    {
        var keys = await Store.KeysAsync(ReminderKeys.TypePrefix(options.AppId, actorType), ct);
        var result = new List<ReminderRef>(keys.Count);
        foreach (var key in keys)
            if (ReminderKeys.TryParse(options.AppId, key, out var reminder))
                result.Add(reminder);
        return result;
    }

    private string Key(ReminderRef reminder) => ReminderKeys.For(options.AppId, reminder);
}
