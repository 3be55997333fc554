using System.Collections.Concurrent;
using System.Text;
using ChatDapr.LocalDapr.Tests.State;
using ChatDapr.Testing;
using Dapr;
using Dapr.Client;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Proto = Dapr.Client.Autogen.Grpc.v1;

namespace ChatDapr.LocalDapr.Tests.Bindings;

public sealed class HttpBindingTests
{
    private readonly ConcurrentQueue<(string Method, string Path, string? Header, string? TraceParent, string Body)> _received = new();

    private async Task<WebApplication> StartTargetAsync(int port) =>
        await TestApp.StartAsync(port, _ => { }, app =>
        {
            app.Map("/hooks/{**rest}", async (HttpContext context) =>
            {
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync();
                _received.Enqueue((context.Request.Method, context.Request.Path, context.Request.Headers["X-Device"].FirstOrDefault(),
                    context.Request.Headers["traceparent"].FirstOrDefault(), body));
                if (context.Request.Path.Value!.EndsWith("/fail", StringComparison.Ordinal))
                    return Results.StatusCode(503);
                context.Response.Headers["X-Reply"] = "yes";
                return Results.Text("""{"accepted":true}""", "application/json", statusCode: 201);
            });
        });

    private static string Yaml(int port) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: webhook
        spec:
          type: bindings.http
          version: v1
          metadata:
          - name: url
            value: "http://127.0.0.1:{port}/hooks"
        """;

    [Fact]
    public async Task InvokeBindingAsync_PostWithPathAndHeader_ReachesTargetAndReturnsBodyAndStatus()
    {
        var port = Ports.Free();
        await using var target = await StartTargetAsync(port);
        await using var t = await StateTestHost.StartAsync(Yaml(port));
        var request = new BindingRequest("webhook", "post") { Data = Encoding.UTF8.GetBytes("""{"to":"device-1"}""") };
        request.Metadata["path"] = "push/apns";
        request.Metadata["X-Device"] = "phone";
        request.Metadata["lowercase"] = "not a header";

        var response = await t.Client.InvokeBindingAsync(request, t.Ct);

        Encoding.UTF8.GetString(response.Data.Span).ShouldBe("""{"accepted":true}""");
        response.Metadata["statusCode"].ShouldBe("201");
        response.Metadata["X-Reply"].ShouldBe("yes");
        var received = _received.ShouldHaveSingleItem();
        received.Method.ShouldBe("POST");
        received.Path.ShouldBe("/hooks/push/apns");
        received.Header.ShouldBe("phone");
        received.Body.ShouldBe("""{"to":"device-1"}""");
    }

    [Fact]
    public async Task InvokeBinding_TraceParentOnTheCall_ForwardedToTarget()
    {
        var port = Ports.Free();
        await using var target = await StartTargetAsync(port);
        await using var t = await StateTestHost.StartAsync(Yaml(port));
        using var channel = GrpcChannel.ForAddress(t.Host.GrpcEndpoint);
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        await new Proto.Dapr.DaprClient(channel).InvokeBindingAsync(
            new Proto.InvokeBindingRequest { Name = "webhook", Operation = "get", Metadata = { ["path"] = "ping" } },
            new Metadata { { "traceparent", traceParent } }, cancellationToken: t.Ct);

        _received.ShouldHaveSingleItem().TraceParent.ShouldBe(traceParent);
    }

    [Fact]
    public async Task InvokeBindingAsync_TargetAnswers503_FailsWithStatusInMessage()
    {
        var port = Ports.Free();
        await using var target = await StartTargetAsync(port);
        await using var t = await StateTestHost.StartAsync(Yaml(port));
        var request = new BindingRequest("webhook", "put");
        request.Metadata["path"] = "fail";

        var error = await Should.ThrowAsync<DaprException>(() => t.Client.InvokeBindingAsync(request, t.Ct));

        var rpc = error.InnerException.ShouldBeOfType<RpcException>();
        rpc.StatusCode.ShouldBe(StatusCode.Internal);
        rpc.Status.Detail.ShouldContain("503");
        _received.ShouldHaveSingleItem().Method.ShouldBe("PUT");
    }
}
