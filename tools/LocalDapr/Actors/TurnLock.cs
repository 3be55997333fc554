namespace ChatDapr.LocalDapr.Actors;

/// <summary>Reentrancy went deeper than the configured <c>maxStackDepth</c>.</summary>
public sealed class ReentrancyDepthExceededException(int maxDepth)
    : Exception($"maximum stack depth exceeded: reentrant calls may nest at most {maxDepth} deep");

/// <summary>
/// An actor's turn: one call at a time, granted strictly in arrival order (SemaphoreSlim does not promise FIFO).
/// With reentrancy on, a call carrying the reentrancy id of the current turn enters at once, up to a depth.
/// </summary>
public sealed class TurnLock
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _queue = new();
    private bool _held;
    private string? _holderId;
    private int _depth;

    public int Waiting
    {
        get { lock (_gate) return _queue.Count; }
    }

    public bool IsHeld
    {
        get { lock (_gate) return _held; }
    }

    public ValueTask<IDisposable> EnterAsync(string? reentrancyId, int maxDepth, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (_gate)
        {
            if (!_held)
            {
                _held = true;
                _holderId = reentrancyId;
                _depth = 1;
                return ValueTask.FromResult<IDisposable>(new Turn(this));
            }
            if (reentrancyId is not null && reentrancyId == _holderId)
            {
                if (_depth >= maxDepth)
                    throw new ReentrancyDepthExceededException(maxDepth);
                _depth++;
                return ValueTask.FromResult<IDisposable>(new Turn(this));
            }
            waiter = new Waiter(reentrancyId);
            waiter.Node = _queue.AddLast(waiter);
        }
        return WaitAsync(waiter, ct);
    }

    private async ValueTask<IDisposable> WaitAsync(Waiter waiter, CancellationToken ct)
    {
        await using (ct.Register(() => Abandon(waiter)))
            await waiter.Granted.Task;
        return new Turn(this);
    }

    private void Abandon(Waiter waiter)
    {
        lock (_gate)
        {
            // Already granted: the caller owns the turn and releases it normally.
            if (waiter.Node?.List is null)
                return;
            _queue.Remove(waiter.Node);
        }
        waiter.Granted.TrySetCanceled();
    }

    private void Exit()
    {
        Waiter? next = null;
        lock (_gate)
        {
            if (--_depth > 0)
                return;
            if (_queue.First is { } first)
            {
                _queue.RemoveFirst();
                next = first.Value;
                _holderId = next.ReentrancyId;
                _depth = 1;
            }
            else
            {
                _held = false;
                _holderId = null;
            }
        }
        next?.Granted.TrySetResult();
    }

    private sealed class Waiter(string? reentrancyId)
    {
        public string? ReentrancyId { get; } = reentrancyId;
        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public LinkedListNode<Waiter>? Node { get; set; }
    }

    private sealed class Turn(TurnLock owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                owner.Exit();
        }
    }
}
