using System.Collections.Concurrent;
using System.Threading.Channels;
using StackExchange.Redis;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// One subscriber of a Redis Streams consumer group: a read loop (XREADGROUP &gt;), a reclaim loop (XAUTOCLAIM of
/// entries idle longer than processingTimeout, every redeliverInterval) and <c>concurrency</c> workers that call the
/// handler and XACK on Success or Drop. Retry, an exception or a crash leaves the entry pending, to be claimed again.
/// While Redis is unreachable the loops retry with back-off and resume by themselves.
/// </summary>
internal sealed class RedisStreamReader : IAsyncDisposable
{
    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(2);

    private readonly ConnectionMultiplexer _redis;
    private readonly IDatabase _db;
    private readonly RedisStreamsOptions _options;
    private readonly string _topic;
    private readonly string _group;
    private readonly string _consumer;
    private readonly RedisEntryProcessor _processor;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _doorbell = new(0, 1);
    private readonly Channel<(StreamEntry Entry, int Attempt)> _work;
    // Entries handed to a worker and not finished: a reclaim must not hand them out a second time here.
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private readonly Action<RedisChannel, RedisValue> _ring;
    private readonly List<Task> _tasks = [];
    private bool _groupReady;
    private bool _doorbellSubscribed;

    public RedisStreamReader(
        ConnectionMultiplexer redis, RedisStreamsOptions options, string topic, string group,
        Func<BrokerMessage, CancellationToken, Task<DeliveryOutcome>> handler, ILogger logger)
    {
        _redis = redis;
        _db = redis.GetDatabase();
        _options = options;
        _topic = topic;
        _group = group;
        // Unique per subscriber, so a crashed subscriber's pending entries are visibly its own and can be claimed.
        _consumer = $"{group}-{Guid.NewGuid():N}";
        _processor = new RedisEntryProcessor(_db, options.ProcessingTimeout, topic, group, handler, logger);
        _logger = logger;
        // Synchronous continuations: a waiting worker starts on the reading thread (its first await, the HTTP call, comes
        // soon), instead of a thread-pool hop per message.
        _work = Channel.CreateBounded<(StreamEntry, int)>(new BoundedChannelOptions(options.QueueDepth) { SingleWriter = false, AllowSynchronousContinuations = true });
        _ring = (_, _) => Ring();
    }

    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await PrepareAsync();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Redis is down: the read loop keeps trying, so the subscription starts working once it is back.
            PubSubLog.RedisUnavailable(_logger, _topic, _group, e.Message);
        }
        ct.ThrowIfCancellationRequested();
        _tasks.Add(Task.Run(ReadLoopAsync));
        _tasks.Add(Task.Run(ReclaimLoopAsync));
        for (var i = 0; i < _options.Concurrency; i++)
            _tasks.Add(Task.Run(WorkAsync));
    }

    private async Task PrepareAsync()
    {
        if (!_groupReady)
        {
            try
            {
                await _db.StreamCreateConsumerGroupAsync(_topic, _group, "0", createStream: true);
            }
            catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
            {
                // Another subscriber of the group created it first.
            }
            _groupReady = true;
        }
        if (!_doorbellSubscribed)
        {
            await _redis.GetSubscriber().SubscribeAsync(RedisStreamsPubSub.Doorbell(_topic), _ring);
            _doorbellSubscribed = true;
        }
    }

    private void Ring()
    {
        if (_doorbell.CurrentCount == 0)
        {
            try { _doorbell.Release(); }
            catch (SemaphoreFullException) { /* already rung */ }
        }
    }

    private async Task ReadLoopAsync()
    {
        var ct = _stop.Token;
        var idle = MinPoll;
        var backOff = MinPoll;
        var down = false;
        // A read that failed may still have run (its reply lost to a timeout or a reset link): its entries then sit in
        // this consumer's pending list, handed to nobody. They are read back before anything newer, or only the reclaim
        // would find them, processingTimeout later and behind newer entries, breaking publish order (concurrency 1).
        var pendingFirst = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await PrepareAsync();
                if (pendingFirst)
                {
                    await ReadOwnPendingAsync(ct);
                    pendingFirst = false;
                }
                var entries = await _db.StreamReadGroupAsync(_topic, _group, _consumer, StreamPosition.NewMessages, _options.QueueDepth);
                if (down)
                {
                    PubSubLog.RedisResumed(_logger, _topic, _group);
                    down = false;
                }
                backOff = MinPoll;
                if (entries.Length > 0)
                {
                    foreach (var entry in entries)
                        await EnqueueAsync(entry, 1, ct);
                    idle = MinPoll;
                    // A full batch may have left more behind: read again at once. A short one drained the stream, so wait
                    // for the doorbell (it latches a ring that came during the read) instead of an empty read per message.
                    if (entries.Length >= _options.QueueDepth)
                        continue;
                }
                idle = await _doorbell.WaitAsync(idle, ct) ? MinPoll : TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, MaxPoll.Ticks));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (RedisServerException e) when (e.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
            {
                // The stream or group vanished (Redis restarted without persistence, key deleted): recreate it.
                PubSubLog.GroupMissing(_logger, _topic, _group);
                _groupReady = false;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                if (!down)
                    PubSubLog.RedisUnavailable(_logger, _topic, _group, e.Message);
                down = true;
                pendingFirst = true;
                if (!await DelayAsync(backOff, ct))
                    return;
                backOff = TimeSpan.FromTicks(Math.Min(backOff.Ticks * 4, MaxBackOff.Ticks));
            }
        }
    }

    // XREADGROUP with an id instead of '>' pages through this consumer's own pending entries, oldest first. Entries
    // a worker holds are skipped by EnqueueAsync; one whose XACK was lost is handed out again (at-least-once).
    private async Task ReadOwnPendingAsync(CancellationToken ct)
    {
        RedisValue after = "0-0";
        while (true)
        {
            var entries = await _db.StreamReadGroupAsync(_topic, _group, _consumer, after, _options.QueueDepth);
            foreach (var entry in entries)
                if (!entry.IsNull)
                    await EnqueueAsync(entry, 2, ct);
            if (entries.Length < _options.QueueDepth || entries[^1].Id.IsNull)
                return;
            after = entries[^1].Id;
        }
    }

    private async Task ReclaimLoopAsync()
    {
        // As in daprd, a zero redeliverInterval or processingTimeout turns redelivery off.
        if (_options.RedeliverInterval <= TimeSpan.Zero || _options.ProcessingTimeout <= TimeSpan.Zero)
            return;
        var ct = _stop.Token;
        using var timer = new PeriodicTimer(_options.RedeliverInterval);
        try
        {
            do
            {
                try
                {
                    await ReclaimAsync(ct);
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    PubSubLog.ReclaimFailed(_logger, _topic, _group, e.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task ReclaimAsync(CancellationToken ct)
    {
        if (!_groupReady)
            return;
        RedisValue start = "0-0";
        do
        {
            var result = await _db.StreamAutoClaimAsync(
                _topic, _group, _consumer, (long)_options.ProcessingTimeout.TotalMilliseconds, start, _options.QueueDepth);
            foreach (var entry in result.ClaimedEntries)
                if (!entry.IsNull)
                    await EnqueueAsync(entry, 2, ct);
            start = result.NextStartId;
        }
        while (start != "0-0" && !ct.IsCancellationRequested);
    }

    private async Task EnqueueAsync(StreamEntry entry, int attempt, CancellationToken ct)
    {
        if (_inFlight.TryAdd(entry.Id.ToString(), 0))
            await _work.Writer.WriteAsync((entry, attempt), ct);
    }

    private async Task WorkAsync()
    {
        var ct = _stop.Token;
        try
        {
            await foreach (var (entry, attempt) in _work.Reader.ReadAllAsync(ct))
                await ProcessAsync(entry, attempt, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task ProcessAsync(StreamEntry entry, int attempt, CancellationToken ct)
    {
        var id = entry.Id.ToString();
        try
        {
            await _processor.ProcessAsync(entry, id, attempt, ct);
        }
        finally
        {
            _inFlight.TryRemove(id, out _);
        }
    }

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_tasks);
        try
        {
            if (_doorbellSubscribed)
                await _redis.GetSubscriber().UnsubscribeAsync(RedisStreamsPubSub.Doorbell(_topic), _ring);
            // A consumer without pending entries is just clutter in XINFO CONSUMERS; one with pending entries must
            // stay, or XGROUP DELCONSUMER would drop those entries.
            var pending = await _db.StreamPendingMessagesAsync(_topic, _group, 1, _consumer);
            if (pending.Length == 0)
                await _db.StreamDeleteConsumerAsync(_topic, _group, _consumer);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Best effort: Redis is gone or the group vanished.
        }
        _stop.Dispose();
        _doorbell.Dispose();
    }
}
