using ChatDapr.LocalDapr.Actors;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Actors;

public sealed class TurnLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Enter_ManyWaiters_GrantedInArrivalOrder()
    {
        var turns = new TurnLock();
        var order = new List<int>();
        var first = await turns.EnterAsync(null, 32, Ct);
        var waiters = Enumerable.Range(0, 50).Select(async i =>
        {
            var turn = turns.EnterAsync(null, 32, Ct); // queued synchronously, in loop order
            using (await turn)
                order.Add(i);
        }).ToList();

        turns.Waiting.ShouldBe(50);
        first.Dispose();
        await Task.WhenAll(waiters).WaitAsync(Timeout, Ct);

        order.ShouldBe(Enumerable.Range(0, 50));
        turns.IsHeld.ShouldBeFalse();
    }

    [Fact]
    public async Task Enter_WhileHeld_WaitsUntilReleased()
    {
        var turns = new TurnLock();
        var held = await turns.EnterAsync(null, 32, Ct);

        var next = turns.EnterAsync(null, 32, Ct).AsTask();

        next.IsCompleted.ShouldBeFalse();
        held.Dispose();
        (await next.WaitAsync(Timeout, Ct)).Dispose();
    }

    [Fact]
    public async Task Enter_SameReentrancyId_EntersUpToMaxDepth()
    {
        var turns = new TurnLock();
        using var outer = await turns.EnterAsync("chain", 3, Ct);
        using var second = await turns.EnterAsync("chain", 3, Ct);
        using var third = await turns.EnterAsync("chain", 3, Ct);

        Should.Throw<ReentrancyDepthExceededException>(() => turns.EnterAsync("chain", 3, Ct));
        turns.EnterAsync("other", 3, Ct).IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task Enter_ReentrantTurnsReleased_NextWaiterRunsOnlyAfterOutermost()
    {
        var turns = new TurnLock();
        var outer = await turns.EnterAsync("chain", 32, Ct);
        var inner = await turns.EnterAsync("chain", 32, Ct);
        var waiter = turns.EnterAsync(null, 32, Ct).AsTask();

        inner.Dispose();
        waiter.IsCompleted.ShouldBeFalse();
        outer.Dispose();

        (await waiter.WaitAsync(Timeout, Ct)).Dispose();
    }

    [Fact]
    public async Task Enter_WaiterCancelled_SkippedAndLockStillWorks()
    {
        var turns = new TurnLock();
        var held = await turns.EnterAsync(null, 32, Ct);
        using var cancel = new CancellationTokenSource();
        var cancelled = turns.EnterAsync(null, 32, cancel.Token).AsTask();
        var after = turns.EnterAsync(null, 32, Ct).AsTask();

        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => cancelled.WaitAsync(Timeout, Ct));
        turns.Waiting.ShouldBe(1);
        held.Dispose();

        (await after.WaitAsync(Timeout, Ct)).Dispose();
        turns.IsHeld.ShouldBeFalse();
    }

    [Fact]
    public async Task Dispose_Twice_ReleasesOnce()
    {
        var turns = new TurnLock();
        var held = await turns.EnterAsync(null, 32, Ct);
        var second = turns.EnterAsync(null, 32, Ct).AsTask();
        var third = turns.EnterAsync(null, 32, Ct).AsTask();

        held.Dispose();
        held.Dispose();

        await second.WaitAsync(Timeout, Ct);
        third.IsCompleted.ShouldBeFalse();
    }
}
