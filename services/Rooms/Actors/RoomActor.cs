using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Wire;
using ChatDapr.Rooms.Domain;
using Dapr.Actors.Runtime;
using Microsoft.Extensions.Options;

namespace ChatDapr.Rooms.Actors;

// The single writer of one room. Every change follows the crash-point order of the design: all state of the change
// (message, log entry, idempotency record, counter) is saved in ONE actor state transaction, then the event is
// published, then the caller gets its answer. A crash after the save is healed by the caller's retry, which finds
// the idempotency record (or the already-applied change) and publishes the same event id again.
//
// The room sequence orders every message event: posts, edits and deletes each take exactly one position, so edits
// and deletes reach reconnecting clients in order with the posts. A message keeps the seq of its post.
public sealed class RoomActor : Actor, IRoomActor
{
    private readonly RoomEvents events;
    private readonly TimeProvider time;
    private readonly RoomsOptions options;

    // stateManager: Actor.StateManager has only a protected setter, so unit tests hand in an in-memory manager here;
    // the actor runtime passes nothing and the SDK's Dapr-backed manager stays.
    public RoomActor(
        ActorHost host,
        IEventPublisher publisher,
        TimeProvider time,
        IOptions<RoomsOptions> options,
        IActorStateManager? stateManager = null)
        : base(host)
    {
        events = new RoomEvents(publisher);
        this.time = time;
        this.options = options.Value;
        if (stateManager is not null)
            StateManager = stateManager;
    }

    private string RoomId => Id.GetId();

    public async Task<Room> CreateAsync(CreateRoomCommand command)
    {
        var existing = await StateManager.TryGetStateAsync<RoomRecord>(StateKeys.Room);
        if (existing.HasValue)
        {
            if (!CreateRules.IsSameCreation(existing.Value, RoomId, command, options.MaxMembers))
                throw ChatError.Conflict("the room already exists with other settings");
            // A repeated create may be the retry of one that crashed before publishing, so publish again.
            return await PublishRoomAsync(existing.Value, command.OwnerId, [], []);
        }
        var room = CreateRules.NewRoom(RoomId, command, time.GetUtcNow(), options.MaxMembers);
        await StateManager.SetStateAsync(StateKeys.Room, room);
        await StateManager.SaveStateAsync();
        return await PublishRoomAsync(room, command.OwnerId, [], []);
    }

    public async Task<Room> GetRoomAsync() => (await RequireRoomAsync()).ToWire(await LastSeqAsync());

    public async Task<Room> AddMembersAsync(AddMembersCommand command)
    {
        var room = await RequireRoomAsync();
        var (updated, added) = MembershipRules.AddMembers(
            room, command.ActorUserId, command.UserIds, time.GetUtcNow(), options.MaxMembers);
        await SaveRoomIfChangedAsync(room, updated);
        return await PublishRoomAsync(updated, command.ActorUserId, added, []);
    }

    public async Task<Room> RemoveMemberAsync(RemoveMemberCommand command)
    {
        var room = await RequireRoomAsync();
        var (updated, removed) = MembershipRules.Remove(room, command.ActorUserId, command.UserId);
        await SaveRoomIfChangedAsync(room, updated);
        return await PublishRoomAsync(updated, command.ActorUserId, [], removed ? [command.UserId] : []);
    }

    public async Task LeaveAsync(LeaveRoomCommand command)
    {
        var room = await RequireRoomAsync();
        var (updated, removed) = MembershipRules.Leave(room, command.UserId);
        await SaveRoomIfChangedAsync(room, updated);
        await PublishRoomAsync(updated, command.UserId, [], removed ? [command.UserId] : []);
    }

    public async Task<Room> SetRoleAsync(SetRoleCommand command)
    {
        var room = await RequireRoomAsync();
        var (updated, _) = MembershipRules.SetRole(room, command.ActorUserId, command.UserId, command.Role);
        await SaveRoomIfChangedAsync(room, updated);
        return await PublishRoomAsync(updated, command.ActorUserId, [], []);
    }

    public async Task<SendResult> SendMessageAsync(SendCommand command)
    {
        var room = await RequireRoomAsync();
        MessageRules.ValidateClientMessageId(command.ClientMessageId);
        var idempotencyKey = StateKeys.Idempotency(command.SenderId ?? "", command.ClientMessageId);
        var prior = await StateManager.TryGetStateAsync<IdempotencyRecord>(idempotencyKey);
        if (prior.HasValue)
        {
            // The same send again: same ack, no new seq; re-publish in case the first attempt died before publishing.
            var stored = await StateManager.GetStateAsync<StoredMessage>(StateKeys.Message(prior.Value.Ack.MessageId));
            await events.PostedAsync(room, stored.Message);
            return new SendResult(prior.Value.Ack, Duplicate: true);
        }

        MembershipRules.RequireMember(room, command.SenderId);
        var text = MessageRules.NormalizeText(command.Text, command.Attachments);
        if (command.ReplyTo is not null && !await StateManager.ContainsStateAsync(StateKeys.Message(command.ReplyTo)))
            throw ChatError.Invalid("replyTo must be a message of this room");

        var now = time.GetUtcNow();
        var lastSeq = await LastSeqAsync();
        await IdempotencyPruner.PruneAsync(StateManager, lastSeq, now - options.IdempotencyRetention, options.PruneBatchSize);
        var seq = lastSeq + 1;
        var attachments = command.Attachments is { Count: > 0 } ? command.Attachments : null;
        var message = new Message(RoomId, Guid.CreateVersion7(now).ToString("N"), seq, command.SenderId!, text, now,
            ReplyTo: command.ReplyTo, Attachments: attachments);
        var ack = new SendAck(RoomId, message.MessageId, seq, now);

        await StateManager.SetStateAsync(StateKeys.Message(message.MessageId), new StoredMessage(message, command.ClientMessageId, seq));
        await StateManager.SetStateAsync(StateKeys.Log(seq), new LogEntry(seq, LogEntryKind.Posted, message.MessageId, message.SenderId, now, idempotencyKey));
        await StateManager.SetStateAsync(idempotencyKey, new IdempotencyRecord(ack, now));
        await StateManager.SetStateAsync(StateKeys.LastSeq, seq);
        await StateManager.SaveStateAsync();

        await events.PostedAsync(room, message);
        return new SendResult(ack, Duplicate: false);
    }

    public async Task<Message> EditMessageAsync(EditMessageCommand command)
    {
        var room = await RequireRoomAsync();
        MembershipRules.RequireMember(room, command.ActorUserId);
        var stored = await RequireMessageAsync(command.MessageId);
        MessageRules.EnsureCanEdit(stored.Message, command.ActorUserId);
        var text = MessageRules.NormalizeText(command.Text, stored.Message.Attachments);
        if (text == stored.Message.Text)
        {
            // Nothing new: a retried edit re-publishes the edit it already made; an unchanged text is a no-op.
            if (stored.Message.EditedAt is not null)
                await events.EditedAsync(room, stored.LastChangeSeq, stored.Message, await ChangedByAsync(stored));
            return stored.Message;
        }

        var now = time.GetUtcNow();
        var edited = stored.Message with { Text = text, EditedAt = now };
        var seq = await AppendChangeAsync(stored with { Message = edited }, LogEntryKind.Edited, command.ActorUserId, now);
        await events.EditedAsync(room, seq, edited, command.ActorUserId);
        return edited;
    }

    public async Task<MessageDeletedEvent> DeleteMessageAsync(DeleteMessageCommand command)
    {
        var room = await RequireRoomAsync();
        var actor = MembershipRules.RequireMember(room, command.ActorUserId);
        var stored = await RequireMessageAsync(command.MessageId);
        MessageRules.EnsureCanDelete(stored.Message, actor);
        var result = new MessageDeletedEvent(RoomId, stored.Message.MessageId, stored.Message.Seq);
        if (stored.Message.Deleted == true)
        {
            // A retried delete re-publishes the delete it already made instead of taking another seq.
            await events.DeletedAsync(room, stored.LastChangeSeq, stored.Message, await ChangedByAsync(stored));
            return result;
        }

        var now = time.GetUtcNow();
        // The text and files go; the tombstone keeps the seq so clients can strike the message where it was.
        var deleted = stored.Message with { Text = "", Attachments = null, Deleted = true };
        var seq = await AppendChangeAsync(stored with { Message = deleted }, LogEntryKind.Deleted, command.ActorUserId, now);
        await events.DeletedAsync(room, seq, deleted, command.ActorUserId);
        return result;
    }

    // Takes the next seq for an edit or delete and saves the new message version, its log entry and the counter in
    // one transaction.
    private async Task<long> AppendChangeAsync(StoredMessage changed, LogEntryKind kind, string actorUserId, DateTimeOffset now)
    {
        var seq = await LastSeqAsync() + 1;
        var messageId = changed.Message.MessageId;
        await StateManager.SetStateAsync(StateKeys.Message(messageId), changed with { LastChangeSeq = seq });
        await StateManager.SetStateAsync(StateKeys.Log(seq), new LogEntry(seq, kind, messageId, actorUserId, now, IdempotencyKey: null));
        await StateManager.SetStateAsync(StateKeys.LastSeq, seq);
        await StateManager.SaveStateAsync();
        return seq;
    }

    private async Task<string> ChangedByAsync(StoredMessage stored) =>
        (await StateManager.GetStateAsync<LogEntry>(StateKeys.Log(stored.LastChangeSeq))).ActorUserId;

    private async Task SaveRoomIfChangedAsync(RoomRecord before, RoomRecord after)
    {
        if (ReferenceEquals(before, after))
            return;
        await StateManager.SetStateAsync(StateKeys.Room, after);
        await StateManager.SaveStateAsync();
    }

    // Publishes after every membership request, even one that changed nothing: the request may be the retry of a
    // change whose events were lost, and RoomUpdated (same version, same event id) lets consumers reconcile.
    private async Task<Room> PublishRoomAsync(
        RoomRecord room, string actorUserId, IReadOnlyList<string> joined, IReadOnlyList<string> left)
    {
        var lastSeq = await LastSeqAsync();
        await events.MembershipChangedAsync(room, lastSeq, actorUserId, joined, left);
        return room.ToWire(lastSeq);
    }

    private async Task<RoomRecord> RequireRoomAsync()
    {
        var room = await StateManager.TryGetStateAsync<RoomRecord>(StateKeys.Room);
        return room.HasValue ? room.Value : throw ChatError.NotFound("no such room");
    }

    private async Task<StoredMessage> RequireMessageAsync(string messageId)
    {
        var stored = string.IsNullOrEmpty(messageId)
            ? new ConditionalValue<StoredMessage>()
            : await StateManager.TryGetStateAsync<StoredMessage>(StateKeys.Message(messageId));
        return stored.HasValue ? stored.Value : throw ChatError.NotFound("no such message");
    }

    private async Task<long> LastSeqAsync()
    {
        var lastSeq = await StateManager.TryGetStateAsync<long>(StateKeys.LastSeq);
        return lastSeq.HasValue ? lastSeq.Value : 0;
    }
}
