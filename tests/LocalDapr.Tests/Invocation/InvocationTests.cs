using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapr.Client;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Invocation;

public sealed class InvocationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewId(string name) => $"{name}-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task Invoke_GetWithQueryAndHeaders_TargetSeesVerbPathQueryHeadersAndCallerId()
    {
        await using var target = await RecordingApp.StartAsync();
        await using var sidecars = new LocalSidecar();
        var (callerId, targetId) = (NewId("caller"), NewId("target"));
        var caller = await sidecars.StartAsync(callerId);
        await sidecars.StartAsync(targetId, target.Port);
        using var http = DaprClient.CreateInvokeHttpClient(targetId, caller.HttpEndpoint);

        using var request = new HttpRequestMessage(HttpMethod.Delete, "items/a%2Fb/x?q=1&r=two");
        request.Headers.Add("x-custom", "kept");
        request.Headers.Add("dapr-caller-app-id", "spoofed");
        using var response = await http.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var seen = target.Seen.ShouldHaveSingleItem();
        seen.Method.ShouldBe("DELETE");
        seen.Path.ShouldBe("/items/a%2Fb/x");
        seen.Query.ShouldBe("?q=1&r=two");
        seen.Header("x-custom").ShouldBe("kept");
        seen.Header("dapr-caller-app-id").ShouldBe(callerId);
        seen.Header("dapr-callee-app-id").ShouldBe(targetId);
        seen.Header("traceparent").ShouldNotBeNull().ShouldMatch("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
    }

    [Fact]
    public async Task InvokeMethodAsync_PostJson_BodyArrivesAndResponseIsReturned()
    {
        await using var target = await RecordingApp.StartAsync();
        await using var sidecars = new LocalSidecar();
        var targetId = NewId("target");
        var caller = await sidecars.StartAsync(NewId("caller"));
        await sidecars.StartAsync(targetId, target.Port);
        using var client = LocalSidecar.Client(caller);

#pragma warning disable CS0618 // Obsolete since SDK 1.19 in favour of plain HttpClient, yet existing services still call it.
        var answer = await client.InvokeMethodAsync<Payload, Payload>(targetId, "orders/new", new Payload("pizza", 3), Ct);
#pragma warning restore CS0618

        answer.ShouldBe(new Payload("pizza", 3));
        var seen = target.Seen.ShouldHaveSingleItem();
        seen.Method.ShouldBe("POST");
        seen.Path.ShouldBe("/orders/new");
        seen.Header("content-type").ShouldNotBeNull().ShouldStartWith("application/json");
        JsonSerializer.Deserialize<Payload>(seen.Body, JsonSerializerOptions.Web).ShouldBe(new Payload("pizza", 3));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(503)]
    public async Task Invoke_TargetAnswersError_StatusHeadersAndBodyPassedThrough(int status)
    {
        await using var target = await RecordingApp.StartAsync();
        await using var sidecars = new LocalSidecar();
        var targetId = NewId("target");
        var caller = await sidecars.StartAsync(NewId("caller"));
        await sidecars.StartAsync(targetId, target.Port);
        using var http = DaprClient.CreateInvokeHttpClient(targetId, caller.HttpEndpoint);

        using var response = await http.GetAsync($"status/{status}", Ct);

        ((int)response.StatusCode).ShouldBe(status);
        response.Headers.GetValues("x-reason").ShouldBe([$"because-{status}"]);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe($"status body {status}");
    }

    [Fact]
    public async Task Invoke_UnknownAppId_Returns500DirectInvokeError()
    {
        await using var sidecars = new LocalSidecar();
        var caller = await sidecars.StartAsync(NewId("caller"));
        var missing = NewId("missing");
        using var http = new HttpClient();

        using var response = await http.GetAsync($"{caller.HttpEndpoint}/v1.0/invoke/{missing}/method/anything", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        error.RootElement.GetProperty("errorCode").GetString().ShouldBe("ERR_DIRECT_INVOKE");
        error.RootElement.GetProperty("message").GetString().ShouldBe(
            $"failed to invoke, id: {missing}, err: couldn't find service: app id {missing} not found");
    }

    [Fact]
    public async Task Invoke_TargetSidecarWithoutReachableApp_Returns500DirectInvokeError()
    {
        await using var sidecars = new LocalSidecar();
        var targetId = NewId("target");
        var caller = await sidecars.StartAsync(NewId("caller"));
        await sidecars.StartAsync(targetId, ChatDapr.Testing.Ports.Free());
        using var http = DaprClient.CreateInvokeHttpClient(targetId, caller.HttpEndpoint);

        using var response = await http.GetAsync("anything", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("ERR_DIRECT_INVOKE");
    }

    [Fact]
    public async Task Invoke_TwoInstancesOfOneAppId_CallsAreSpreadOverBoth()
    {
        await using var first = await RecordingApp.StartAsync();
        await using var second = await RecordingApp.StartAsync();
        await using var sidecars = new LocalSidecar();
        var targetId = NewId("target");
        var caller = await sidecars.StartAsync(NewId("caller"));
        await sidecars.StartAsync(targetId, first.Port);
        await sidecars.StartAsync(targetId, second.Port);
        using var http = DaprClient.CreateInvokeHttpClient(targetId, caller.HttpEndpoint);

        for (var i = 0; i < 6; i++)
            (await http.GetAsync($"ping/{i}", Ct)).EnsureSuccessStatusCode();

        first.Seen.Count.ShouldBe(3);
        second.Seen.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Invoke_TokensConfigured_TargetAppGetsItsAppTokenNeverTheCallerToken()
    {
        await using var target = await RecordingApp.StartAsync();
        await using var sidecars = new LocalSidecar();
        var targetId = NewId("target");
        var caller = await sidecars.StartAsync(NewId("caller"), configure: o => o with { ApiToken = "caller-api-token" });
        await sidecars.StartAsync(targetId, target.Port, o => o with { ApiToken = "target-api-token", AppApiToken = "target-app-token" });

        using var withoutToken = DaprClient.CreateInvokeHttpClient(targetId, caller.HttpEndpoint);
        (await withoutToken.GetAsync("secret", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var withToken = DaprClient.CreateInvokeHttpClient(targetId, caller.HttpEndpoint, "caller-api-token");
        (await withToken.GetAsync("secret", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        target.Seen.ShouldHaveSingleItem().Header("dapr-api-token").ShouldBe("target-app-token");
    }

    [Fact]
    public async Task Invoke_NamespacedAppIdAndDaprAppIdHeader_BothReachTheTarget()
    {
        await using var target = await RecordingApp.StartAsync();
        await using var sidecars = new LocalSidecar();
        var targetId = NewId("target");
        var caller = await sidecars.StartAsync(NewId("caller"));
        await sidecars.StartAsync(targetId, target.Port);
        using var http = new HttpClient { BaseAddress = new Uri(caller.HttpEndpoint) };

        (await http.GetAsync($"/v1.0/invoke/{targetId}.default/method/by-namespace", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var byHeader = new HttpRequestMessage(HttpMethod.Put, "/by-header/1?x=y") { Content = new StringContent("hello") };
        byHeader.Headers.Add("dapr-app-id", targetId);
        using var response = await http.SendAsync(byHeader, Ct);

        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("hello");
        var seen = target.Seen.ToArray();
        seen.Select(s => s.Path + s.Query).ShouldBe(["/by-namespace", "/by-header/1?x=y"]);
        seen[1].Header("dapr-app-id").ShouldBeNull();
    }

    [Fact]
    public async Task Request_UnknownPathWithoutDaprAppIdHeader_Is404NotAnInvocation()
    {
        await using var sidecars = new LocalSidecar();
        var caller = await sidecars.StartAsync(NewId("caller"));
        using var http = new HttpClient();

        using var response = await http.GetAsync($"{caller.HttpEndpoint}/no/such/route", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("ERR_DIRECT_INVOKE");
    }

    [Fact]
    public async Task Invoke_TraceParent_TraceIdKeptWithNewSpanOrNewTraceCreated()
    {
        await using var target = await RecordingApp.StartAsync();
        await using var sidecars = new LocalSidecar();
        var targetId = NewId("target");
        var caller = await sidecars.StartAsync(NewId("caller"));
        await sidecars.StartAsync(targetId, target.Port);
        using var http = DaprClient.CreateInvokeHttpClient(targetId, caller.HttpEndpoint);
        const string incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        using var traced = new HttpRequestMessage(HttpMethod.Get, "traced");
        traced.Headers.Add("traceparent", incoming);
        traced.Headers.Add("tracestate", "vendor=1");
        (await http.SendAsync(traced, Ct)).EnsureSuccessStatusCode();
        (await http.GetAsync("untraced", Ct)).EnsureSuccessStatusCode();

        var seen = target.Seen.ToArray();
        var propagated = seen[0].Header("traceparent").ShouldNotBeNull();
        propagated.ShouldStartWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
        propagated.ShouldNotBe(incoming);
        seen[0].Header("tracestate").ShouldBe("vendor=1");
        seen[1].Header("traceparent").ShouldNotBeNull().ShouldMatch("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$");
    }

    [Fact]
    public async Task Invoke_StreamingResponse_FirstChunkArrivesBeforeTargetFinishes()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var target = await RecordingApp.StartAsync(app => app.MapGet("/stream", async (HttpContext ctx) =>
        {
            await ctx.Response.WriteAsync("first|", ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            await release.Task.WaitAsync(TimeSpan.FromSeconds(30), ctx.RequestAborted);
            await ctx.Response.WriteAsync("second", ctx.RequestAborted);
        }));
        await using var sidecars = new LocalSidecar();
        var targetId = NewId("target");
        var caller = await sidecars.StartAsync(NewId("caller"));
        await sidecars.StartAsync(targetId, target.Port);
        using var http = DaprClient.CreateInvokeHttpClient(targetId, caller.HttpEndpoint);

        using var response = await http.GetAsync("stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        var buffer = new byte[6];
        await body.ReadExactlyAsync(buffer, Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct);
        System.Text.Encoding.UTF8.GetString(buffer).ShouldBe("first|");
        release.SetResult();
        (await new StreamReader(body).ReadToEndAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct)).ShouldBe("second");
    }

    [Fact]
    public async Task Invoke_LargeBody_StreamedThroughUnchanged()
    {
        await using var target = await RecordingApp.StartAsync();
        await using var sidecars = new LocalSidecar();
        var targetId = NewId("target");
        var caller = await sidecars.StartAsync(NewId("caller"));
        await sidecars.StartAsync(targetId, target.Port);
        using var http = DaprClient.CreateInvokeHttpClient(targetId, caller.HttpEndpoint);
        var payload = string.Concat(Enumerable.Range(0, 200_000).Select(i => (char)('a' + i % 26)));

        using var response = await http.PostAsync("upload", new StringContent(payload), Ct);

        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe(payload);
    }

    private sealed record Payload(string Item, int Count);
}
