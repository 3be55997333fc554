using System.Text.Json;
using ChatDapr.Contracts;
using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;
using ChatDapr.Rooms.Actors;
using ChatDapr.Testing.Actors;
using Dapr.Actors;
using Dapr.Actors.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace ChatDapr.Rooms.Tests;

// One room actor over in-memory state, a recording publisher, a fake user-rooms index and a fake clock. Calls go through ActorTurn, which
// saves or discards pending state like the actor runtime does.
internal sealed class RoomHarness
{
    public const string Owner = "alice";

    private RoomHarness(string roomId, RoomsOptions options)
    {
        RoomId = roomId;
        Options = options;
        Actor = NewActivation();
    }

    public string RoomId { get; }
    public RoomsOptions Options { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    public InMemoryActorStateManager State { get; } = new(new JsonSerializerOptions(ChatJson.Options));
    public RecordingEventPublisher Publisher { get; } = new();
    public FakeUserRoomsIndex UserRooms { get; } = new();
    public RoomActor Actor { get; private set; }

    public static RoomHarness Create(string? roomId = null, RoomsOptions? options = null) =>
        new(roomId ?? RoomIds.NewGroup(), options ?? new RoomsOptions());

    public static async Task<RoomHarness> GroupAsync(params string[] members)
    {
        var harness = Create();
        await harness.Call(a => a.CreateAsync(new CreateRoomCommand("team", RoomKinds.Group, Owner, members)));
        return harness;
    }

    // A fresh actor instance over the same persisted state: what the runtime does after a crash or deactivation.
    public RoomActor NewActivation()
    {
        State.ClearCacheAsync().GetAwaiter().GetResult();
        var host = ActorHost.CreateForTest<RoomActor>(new ActorTestOptions { ActorId = new ActorId(RoomId) });
        Actor = new RoomActor(host, Publisher, UserRooms, Time, Microsoft.Extensions.Options.Options.Create(Options), State);
        return Actor;
    }

    public Task<T> Call<T>(Func<IRoomActor, Task<T>> call) => ActorTurn.RunAsync(State, () => call(Actor));

    public Task Call(Func<IRoomActor, Task> call) => ActorTurn.RunAsync(State, () => call(Actor));

    public Task<SendResult> SendAsync(string sender, string clientMessageId, string text = "hello") =>
        Call(a => a.SendMessageAsync(new SendCommand(sender, clientMessageId, text)));

    public Task<Room> AddAsync(string actorUserId, params string[] userIds) =>
        Call(a => a.AddMembersAsync(new AddMembersCommand(actorUserId, userIds)));

    public Task<Room> PromoteAsync(string userId) =>
        Call(a => a.SetRoleAsync(new SetRoleCommand(Owner, userId, RoomRoles.Admin)));
}
