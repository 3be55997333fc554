using System.Text.Json;
using ChatDapr.Contracts;
using ChatDapr.Contracts.Actors;
using ChatDapr.Rooms.Actors;
using ChatDapr.Testing.Actors;
using Dapr.Actors;
using Dapr.Actors.Runtime;
using Shouldly;

namespace ChatDapr.Rooms.Tests;

public sealed class UserRoomsActorTests
{
    private readonly InMemoryActorStateManager state = new(new JsonSerializerOptions(ChatJson.Options));

    [Fact]
    public async Task AddRoomAsync_SameRoomTwice_ListedOnceInJoinOrder()
    {
        await Call(a => a.AddRoomAsync("r1"));
        await Call(a => a.AddRoomAsync("r2"));
        await Call(a => a.AddRoomAsync("r1"));

        (await Call(a => a.GetRoomsAsync())).ShouldBe(["r1", "r2"]);
    }

    [Fact]
    public async Task RemoveRoomAsync_PresentAndAbsent_RemovesOnlyThatRoom()
    {
        await Call(a => a.AddRoomAsync("r1"));
        await Call(a => a.AddRoomAsync("r2"));

        await Call(a => a.RemoveRoomAsync("r1"));
        await Call(a => a.RemoveRoomAsync("never-joined"));

        (await Call(a => a.GetRoomsAsync())).ShouldBe(["r2"]);
    }

    [Fact]
    public async Task GetRoomsAsync_NewUser_EmptyAndNothingStored()
    {
        (await Call(a => a.GetRoomsAsync())).ShouldBeEmpty();

        state.CommittedKeys().ShouldBeEmpty();
    }

    [Fact]
    public async Task AddRoomAsync_NewActivation_ReadsPersistedList()
    {
        await Call(a => a.AddRoomAsync("r1"));

        state.ReadCommitted<List<string>>(UserRoomsActor.RoomsKey).ShouldBe(["r1"]);
        (await Call(a => a.GetRoomsAsync())).ShouldBe(["r1"]);
    }

    // A fresh activation per call over the same state, as the runtime may deactivate between calls.
    private Task<T> Call<T>(Func<IUserRoomsActor, Task<T>> call)
    {
        var host = ActorHost.CreateForTest<UserRoomsActor>(new ActorTestOptions { ActorId = new ActorId("alice") });
        return ActorTurn.RunAsync(state, () => call(new UserRoomsActor(host, state)));
    }

    private Task Call(Func<IUserRoomsActor, Task> call) => Call(async a =>
    {
        await call(a);
        return true;
    });
}
