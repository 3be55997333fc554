using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Actors;

/// <summary>The actor HTTP API on the wire, against a hand-written actor host that records what it receives.</summary>
public sealed class ActorHttpApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InvokeMethod_WithSdkHeaders_RelaysBodyHeadersAndAnswerUnchanged()
    {
        await using var echo = await EchoCluster.StartAsync(Components.InMemoryState());
        var request = new HttpRequestMessage(HttpMethod.Put, echo.Host.HttpEndpoint + "//v1.0/actors/EchoActor/e1/method/DoIt")
        {
            Content = new ByteArrayContent("payload-1"u8.ToArray()),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream; charset=utf-8");
        request.Headers.Add("X-DaprRequestHeader", "<ActorRequestMessageHeader>x</ActorRequestMessageHeader>");
        request.Headers.Add("Dapr-Reentrancy-Id", "chain-1");
        request.Headers.Add("X-Extra", "extra-value");

        using var response = await echo.Http.SendAsync(request, Ct);

        ((int)response.StatusCode).ShouldBe(202);
        response.Headers.GetValues("X-DaprErrorResponseHeader").Single().ShouldBe("error-header-from-app");
        response.Headers.GetValues("X-Custom").Single().ShouldBe("custom");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("echo:payload-1");
        var call = echo.App.Calls.Single();
        call.Verb.ShouldBe("PUT");
        call.Path.ShouldBe("/actors/EchoActor/e1/method/DoIt");
        call.ContentType.ShouldBe("application/octet-stream; charset=utf-8");
        call.Headers["X-DaprRequestHeader"].ShouldBe("<ActorRequestMessageHeader>x</ActorRequestMessageHeader>");
        call.Headers["Dapr-Reentrancy-Id"].ShouldBe("chain-1");
        call.Headers["X-Extra"].ShouldBe("extra-value");
        call.Body.ShouldBe("payload-1");
    }

    [Fact]
    public async Task InvokeMethod_PostVerb_ReachesAppAsPut()
    {
        await using var echo = await EchoCluster.StartAsync(Components.InMemoryState());

        using var response = await echo.Http.PostAsync("/v1.0/actors/EchoActor/e2/method/Other", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);

        ((int)response.StatusCode).ShouldBe(202);
        echo.App.Calls.Single().Verb.ShouldBe("PUT");
    }

    [Fact]
    public async Task StateTransaction_SentAsTextPlain_UpsertsDeletesAndReads()
    {
        await using var echo = await EchoCluster.StartAsync(Components.InMemoryState());
        const string tx = """[{"operation":"upsert","request":{"key":"a","value":{"n":1}}},{"operation":"upsert","request":{"key":"b","value":"text"}}]""";

        using (var put = await echo.Http.PutAsync("/v1.0/actors/EchoActor/s1/state", new StringContent(tx), Ct))
            ((int)put.StatusCode).ShouldBe(204);
        using (var get = await echo.Http.GetAsync("/v1.0/actors/EchoActor/s1/state/a", Ct))
        {
            ((int)get.StatusCode).ShouldBe(200);
            (await get.Content.ReadAsStringAsync(Ct)).ShouldBe("""{"n":1}""");
        }
        using (var missing = await echo.Http.GetAsync("/v1.0/actors/EchoActor/s1/state/zzz", Ct))
            ((int)missing.StatusCode).ShouldBe(204);
        using (var del = await echo.Http.PostAsync("/v1.0/actors/EchoActor/s1/state", new StringContent("""[{"operation":"delete","request":{"key":"a"}}]"""), Ct))
            ((int)del.StatusCode).ShouldBe(204);
        using (var gone = await echo.Http.GetAsync("/v1.0/actors/EchoActor/s1/state/a", Ct))
            ((int)gone.StatusCode).ShouldBe(204);
        using (var other = await echo.Http.GetAsync("/v1.0/actors/EchoActor/s1/state/b", Ct))
            (await other.Content.ReadAsStringAsync(Ct)).ShouldBe("\"text\"");
    }

    [Fact]
    public async Task StateTransaction_MalformedBody_Returns400WithErrorCode()
    {
        await using var echo = await EchoCluster.StartAsync(Components.InMemoryState());

        using var response = await echo.Http.PutAsync("/v1.0/actors/EchoActor/s2/state", new StringContent("not json"), Ct);

        ((int)response.StatusCode).ShouldBe(400);
        (await ErrorCodeAsync(response)).ShouldBe("ERR_MALFORMED_REQUEST");
    }

    [Fact]
    public async Task ActorState_NoActorStateStore_ErrorStateStoreNotFound()
    {
        await using var echo = await EchoCluster.StartAsync(Components.InMemoryState(actorStore: false));

        using var response = await echo.Http.GetAsync("/v1.0/actors/EchoActor/s3/state/a", Ct);

        ((int)response.StatusCode).ShouldBe(500);
        (await ErrorCodeAsync(response)).ShouldBe("ERR_ACTOR_STATE_STORE_NOT_FOUND");
    }

    [Fact]
    public async Task Timer_OnActiveActor_FiresWithCallbackBodyUntilDeleted()
    {
        await using var echo = await EchoCluster.StartAsync(Components.InMemoryState());
        (await echo.Http.PutAsync("/v1.0/actors/EchoActor/t1/method/Activate", new StringContent(""), Ct)).Dispose();
        const string timer = """{"dueTime":"0h0m0s0ms","period":"0h0m0s50ms","callback":"Tick","data":"aGk="}""";

        using (var put = await echo.Http.PutAsync("/v1.0/actors/EchoActor/t1/timers/tick", new StringContent(timer, Encoding.UTF8, "application/json"), Ct))
            ((int)put.StatusCode).ShouldBe(204);
        await Poll.UntilAsync(() => echo.App.CountOf("/method/timer/tick") >= 3, "the timer fired three times");
        using (var del = await echo.Http.DeleteAsync("/v1.0/actors/EchoActor/t1/timers/tick", Ct))
            ((int)del.StatusCode).ShouldBe(204);
        var afterDelete = echo.App.CountOf("/method/timer/tick");
        // A second timer proves time has passed; the deleted one may at most finish a tick already under way.
        (await echo.Http.PutAsync("/v1.0/actors/EchoActor/t1/timers/probe", new StringContent(timer), Ct)).Dispose();
        await Poll.UntilAsync(() => echo.App.CountOf("/method/timer/probe") >= 5, "the probe timer fired five times");

        echo.App.CountOf("/method/timer/tick").ShouldBeLessThanOrEqualTo(afterDelete + 1);
        using var body = JsonDocument.Parse(echo.App.Calls.First(c => c.Path.EndsWith("/method/timer/tick", StringComparison.Ordinal)).Body);
        body.RootElement.GetProperty("callback").GetString().ShouldBe("Tick");
        body.RootElement.GetProperty("data").GetString().ShouldBe("aGk=");
        body.RootElement.GetProperty("dueTime").GetString().ShouldBe("0h0m0s0ms");
        body.RootElement.GetProperty("period").GetString().ShouldBe("0h0m0s50ms");
    }

    [Fact]
    public async Task Timer_ActorNotActive_Returns500TimerCreate()
    {
        await using var echo = await EchoCluster.StartAsync(Components.InMemoryState());

        using var response = await echo.Http.PutAsync("/v1.0/actors/EchoActor/never/timers/t", new StringContent("""{"dueTime":"1s"}"""), Ct);

        ((int)response.StatusCode).ShouldBe(500);
        (await ErrorCodeAsync(response)).ShouldBe("ERR_ACTOR_TIMER_CREATE");
    }

    [Fact]
    public async Task Reminder_WithRepetitions_FiresExactlyThatOftenThenIsGone()
    {
        await using var echo = await EchoCluster.StartAsync(Components.InMemoryState());
        const string reminder = """{"dueTime":"PT0S","period":"R3/PT0.05S","data":"cmVt"}""";

        using (var put = await echo.Http.PutAsync("/v1.0/actors/EchoActor/r1/reminders/rep", new StringContent(reminder, Encoding.UTF8, "application/json"), Ct))
            ((int)put.StatusCode).ShouldBe(204);
        await Poll.UntilAsync(() => echo.App.CountOf("/method/remind/rep") == 3, "the reminder fired three times");
        await Poll.UntilAsync(async () => await echo.Http.GetStringAsync("/v1.0/actors/EchoActor/r1/reminders/rep") == "null", "the finished reminder is deleted");

        echo.App.CountOf("/method/remind/rep").ShouldBe(3);
        using var body = JsonDocument.Parse(echo.App.Calls.First(c => c.Path.EndsWith("/method/remind/rep", StringComparison.Ordinal)).Body);
        body.RootElement.GetProperty("data").GetString().ShouldBe("cmVt");
        body.RootElement.GetProperty("dueTime").GetString().ShouldBe("0h0m0s0ms");
    }

    [Fact]
    public async Task Reminder_Get_ReturnsStoredReminder()
    {
        await using var echo = await EchoCluster.StartAsync(Components.InMemoryState());

        (await echo.Http.PutAsync("/v1.0/actors/EchoActor/r2/reminders/later", new StringContent("""{"dueTime":"1h","period":"0h30m0s0ms","data":"eA=="}"""), Ct)).Dispose();
        using var doc = JsonDocument.Parse(await echo.Http.GetStringAsync("/v1.0/actors/EchoActor/r2/reminders/later", Ct));

        doc.RootElement.GetProperty("actorType").GetString().ShouldBe("EchoActor");
        doc.RootElement.GetProperty("actorID").GetString().ShouldBe("r2");
        doc.RootElement.GetProperty("dueTime").GetString().ShouldBe("1h0m0s0ms");
        doc.RootElement.GetProperty("period").GetString().ShouldBe("0h30m0s0ms");
        doc.RootElement.GetProperty("data").GetString().ShouldBe("eA==");
        using var delete = await echo.Http.DeleteAsync("/v1.0/actors/EchoActor/r2/reminders/later", Ct);
        ((int)delete.StatusCode).ShouldBe(204);
        (await echo.Http.GetStringAsync("/v1.0/actors/EchoActor/r2/reminders/later", Ct)).ShouldBe("null");
    }

    [Fact]
    public async Task Reminder_InvalidPeriod_Returns400()
    {
        await using var echo = await EchoCluster.StartAsync(Components.InMemoryState());

        using var response = await echo.Http.PutAsync("/v1.0/actors/EchoActor/r3/reminders/bad", new StringContent("""{"period":"every day"}"""), Ct);

        ((int)response.StatusCode).ShouldBe(400);
        (await ErrorCodeAsync(response)).ShouldBe("ERR_ACTOR_REMINDER_CREATE");
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return doc.RootElement.GetProperty("errorCode").GetString();
    }
}
