using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Wire;
using ChatDapr.Rooms.Domain;
using Dapr.Actors.Runtime;
using Microsoft.Extensions.Options;

namespace ChatDapr.Rooms.Actors;

// The single writer of one room. Every change follows the crash-point order of the design: all state of the change
// (message, idempotency record, counter) is saved in ONE actor state transaction, then the members' room lists are
// updated (membership changes), then the event is published, then the caller gets its answer. A crash after the save
// is healed by the caller's retry, which finds the idempotency record (or the already-applied change), repeats the
// room-list updates and publishes the same event id again.
//
// Only posts take positions in the room sequence, so seqs are dense over messages and a client that misses a seq
// has missed a message. Edits and deletes change the message in place and raise its version.
public sealed class RoomActor : Actor, IRoomActor
{
    private readonly RoomEvents events;
    private readonly IUserRoomsIndex userRooms;
    private readonly TimeProvider time;
    private readonly RoomsOptions options;

    // The highest seq whose message-posted this activation has published, with every lower one published before it.
    // Null after (re)activation: nothing is known, and the caller's own message is published as before.
    private long? publishedThrough;

    // stateManager: Actor.StateManager has only a protected setter, so unit tests hand in an in-memory manager here;
    // the actor runtime passes nothing and the SDK's Dapr-backed manager stays.
    public RoomActor(
        ActorHost host,
        IEventPublisher publisher,
        IUserRoomsIndex userRooms,
        TimeProvider time,
        IOptions<RoomsOptions> options,
        IActorStateManager? stateManager = null)
        : base(host)
    {
        events = new RoomEvents(publisher);
        this.userRooms = userRooms;
        this.time = time;
        this.options = options.Value;
        if (stateManager is not null)
            StateManager = stateManager;
    }

    private string RoomId => Id.GetId();

    public async Task<Room> CreateAsync(CreateRoomCommand command)
    {
        var existing = await StateManager.TryGetStateAsync<RoomRecord>(StateKeys.Room);
        if (existing.HasValue && !CreateRules.IsSameCreation(existing.Value, RoomId, command, options.MaxMembers))
            throw ChatError.Conflict("the room already exists with other settings");
        // A repeated create may be the retry of one that crashed before indexing or publishing, so both run again.
        var room = existing.HasValue ? existing.Value : CreateRules.NewRoom(RoomId, command, time.GetUtcNow(), options.MaxMembers);
        if (!existing.HasValue)
        {
            await StateManager.SetStateAsync(StateKeys.Room, room);
            await StateManager.SaveStateAsync();
        }
        await userRooms.AddAsync(RoomId, room.MemberIds());
        return await PublishRoomAsync(room, command.OwnerId, [], []);
    }

    public async Task<Room> GetRoomAsync() => (await RequireRoomAsync()).ToWire(await LastSeqAsync());

    public async Task<Room> AddMembersAsync(AddMembersCommand command)
    {
        var room = await RequireRoomAsync();
        var (updated, added) = MembershipRules.AddMembers(
            room, command.ActorUserId, command.UserIds, time.GetUtcNow(), options.MaxMembers);
        await SaveRoomIfChangedAsync(room, updated);
        // Every named user, not only the newly added: this may be the retry of an add whose indexing was lost.
        await userRooms.AddAsync(RoomId, command.UserIds.Distinct().ToList());
        return await PublishRoomAsync(updated, command.ActorUserId, added, []);
    }

    public async Task<Room> RemoveMemberAsync(RemoveMemberCommand command)
    {
        var room = await RequireRoomAsync();
        var (updated, removed) = MembershipRules.Remove(room, command.ActorUserId, command.UserId);
        await SaveRoomIfChangedAsync(room, updated);
        await userRooms.RemoveAsync(RoomId, [command.UserId]);
        return await PublishRoomAsync(updated, command.ActorUserId, [], removed ? [command.UserId] : []);
    }

    public async Task LeaveAsync(LeaveRoomCommand command)
    {
        var room = await RequireRoomAsync();
        var (updated, removed) = MembershipRules.Leave(room, command.UserId);
        await SaveRoomIfChangedAsync(room, updated);
        await userRooms.RemoveAsync(RoomId, [command.UserId]);
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
            // The same send again: same ack, no new seq. Publish again what may not have gone out (the first attempt may
            // have died before publishing), in seq order with any later message still unpublished.
            if (publishedThrough is null)
            {
                // A new activation knows nothing: announce the retried message again and assume the rest went out.
                await events.PostedAsync(room, await StateManager.GetStateAsync<StoredMessage>(StateKeys.Message(prior.Value.Ack.Seq)));
                publishedThrough = await LastSeqAsync();
            }
            else
                await PublishPostedThroughAsync(room, await LastSeqAsync());
            return new SendResult(prior.Value.Ack, Duplicate: true);
        }

        MembershipRules.RequireMember(room, command.SenderId);
        var text = MessageRules.NormalizeText(command.Text, command.Attachments);
        if (command.ReplyTo is not null && !await StateManager.ContainsStateAsync(StateKeys.MessageSeq(command.ReplyTo)))
            throw ChatError.Invalid("replyTo must be a message of this room");

        var now = time.GetUtcNow();
        var lastSeq = await LastSeqAsync();
        await IdempotencyPruner.PruneAsync(StateManager, lastSeq, now - options.IdempotencyRetention, options.PruneBatchSize);
        var seq = lastSeq + 1;
        var attachments = command.Attachments is { Count: > 0 } ? command.Attachments : null;
        var message = new Message(RoomId, Guid.CreateVersion7(now).ToString("N"), seq, command.SenderId!, text, now,
            ReplyTo: command.ReplyTo, Attachments: attachments);
        var stored = new StoredMessage(message, command.ClientMessageId, idempotencyKey, Version: 1, ChangedBy: message.SenderId);
        var ack = new SendAck(RoomId, message.MessageId, seq, now);

        await StateManager.SetStateAsync(StateKeys.Message(seq), stored);
        await StateManager.SetStateAsync(StateKeys.MessageSeq(message.MessageId), seq);
        await StateManager.SetStateAsync(idempotencyKey, new IdempotencyRecord(ack, now));
        await StateManager.SetStateAsync(StateKeys.LastSeq, seq);
        await StateManager.SaveStateAsync();

        publishedThrough ??= seq - 1;
        await PublishPostedThroughAsync(room, seq);
        return new SendResult(ack, Duplicate: false);
    }

    public async Task<Message> EditMessageAsync(EditMessageCommand command)
    {
        var room = await RequireRoomAsync();
        MembershipRules.RequireMember(room, command.ActorUserId);
        var stored = await RequireMessageAsync(command.MessageId);
        MessageRules.EnsureCanEdit(stored.Message, command.ActorUserId);
        await AnnounceSavedPostsAsync(room);
        var text = MessageRules.NormalizeText(command.Text, stored.Message.Attachments);
        if (text == stored.Message.Text)
        {
            // Nothing new: a retried edit re-publishes the edit it already made; an unchanged text is a no-op.
            if (stored.Message.EditedAt is not null)
                await events.EditedAsync(room, stored);
            return stored.Message;
        }

        var edited = NextVersion(stored, stored.Message with { Text = text, EditedAt = time.GetUtcNow() }, command.ActorUserId);
        await SaveMessageAsync(edited);
        await events.EditedAsync(room, edited);
        return edited.Message;
    }

    public async Task<MessageDeletedEvent> DeleteMessageAsync(DeleteMessageCommand command)
    {
        var room = await RequireRoomAsync();
        var actor = MembershipRules.RequireMember(room, command.ActorUserId);
        var stored = await RequireMessageAsync(command.MessageId);
        MessageRules.EnsureCanDelete(stored.Message, actor);
        await AnnounceSavedPostsAsync(room);
        var result = new MessageDeletedEvent(RoomId, stored.Message.MessageId, stored.Message.Seq);
        if (stored.Message.Deleted == true)
        {
            // A retried delete re-publishes the delete it already made instead of making another version.
            await events.DeletedAsync(room, stored);
            return result;
        }

        // The text and files go; the tombstone keeps the seq so clients can strike the message where it was.
        var deleted = NextVersion(stored, stored.Message with { Text = "", Attachments = null, Deleted = true }, command.ActorUserId);
        await SaveMessageAsync(deleted);
        await events.DeletedAsync(room, deleted);
        return result;
    }

    public async Task<IReadOnlyList<VersionedMessage>> GetMessagesAsync(GetMessagesQuery query)
    {
        await RequireRoomAsync();
        if (query is null || query.AfterSeq < 0 || query.Limit is < 1 or > GetMessagesQuery.MaxLimit)
            throw ChatError.Invalid($"afterSeq must be >= 0 and limit 1-{GetMessagesQuery.MaxLimit}");
        var lastSeq = await LastSeqAsync();
        var upTo = lastSeq - query.AfterSeq <= query.Limit ? lastSeq : query.AfterSeq + query.Limit;
        var messages = new List<VersionedMessage>();
        for (var seq = query.AfterSeq + 1; seq <= upTo; seq++)
        {
            var stored = await StateManager.TryGetStateAsync<StoredMessage>(StateKeys.Message(seq));
            if (stored.HasValue)
                messages.Add(new VersionedMessage(stored.Value.Message, stored.Value.Version));
        }
        return messages;
    }

    private static StoredMessage NextVersion(StoredMessage stored, Message changed, string changedBy) =>
        stored with { Message = changed, Version = stored.Version + 1, ChangedBy = changedBy };

    private async Task SaveMessageAsync(StoredMessage stored)
    {
        await StateManager.SetStateAsync(StateKeys.Message(stored.Message.Seq), stored);
        await StateManager.SaveStateAsync();
    }

    private async Task SaveRoomIfChangedAsync(RoomRecord before, RoomRecord after)
    {
        if (ReferenceEquals(before, after))
            return;
        await StateManager.SetStateAsync(StateKeys.Room, after);
        await StateManager.SaveStateAsync();
    }

    // Publishes message-posted for every saved message after publishedThrough up to upTo, in seq order. A publish
    // that failed (broker down) leaves its message saved but unannounced; publishing it here, before any newer one,
    // keeps each room's events in seq order on the topic — retrying it later by itself would land it after newer
    // messages (found by the reliability checker's Redis-restart run). What a crashed activation left unpublished is
    // still healed by the sender's retry, then possibly after newer messages (clients fill holes with Sync).
    private async Task PublishPostedThroughAsync(RoomRecord room, long upTo)
    {
        for (var seq = (publishedThrough ?? upTo - 1) + 1; seq <= upTo; seq++)
        {
            await events.PostedAsync(room, await StateManager.GetStateAsync<StoredMessage>(StateKeys.Message(seq)));
            publishedThrough = seq;
        }
    }

    // An edit or delete of a message whose post is saved but not announced (its publish failed) would reach clients
    // before the message itself: the saved posts go out first, in seq order, carrying the text as posted.
    private async Task AnnounceSavedPostsAsync(RoomRecord room)
    {
        if (publishedThrough is { } through && await LastSeqAsync() is var lastSeq && through < lastSeq)
            await PublishPostedThroughAsync(room, lastSeq);
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
        var seq = string.IsNullOrEmpty(messageId)
            ? new ConditionalValue<long>()
            : await StateManager.TryGetStateAsync<long>(StateKeys.MessageSeq(messageId));
        return seq.HasValue
            ? await StateManager.GetStateAsync<StoredMessage>(StateKeys.Message(seq.Value))
            : throw ChatError.NotFound("no such message");
    }

    private async Task<long> LastSeqAsync()
    {
        var lastSeq = await StateManager.TryGetStateAsync<long>(StateKeys.LastSeq);
        return lastSeq.HasValue ? lastSeq.Value : 0;
    }
}
