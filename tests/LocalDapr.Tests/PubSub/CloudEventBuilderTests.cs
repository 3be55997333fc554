using System.Text;
using System.Text.Json;
using ChatDapr.LocalDapr.PubSub;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.PubSub;

public sealed class CloudEventBuilderTests
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    [Fact]
    public void Build_JsonData_InlineDataAndDaprAttributes()
    {
        using var ce = Build("""{"id":"o-1","n":2}""", "application/json", traceState: "k=v");

        var root = ce.RootElement;
        root.GetProperty("data").GetProperty("n").GetInt32().ShouldBe(2);
        root.GetProperty("datacontenttype").GetString().ShouldBe("application/json");
        root.GetProperty("specversion").GetString().ShouldBe("1.0");
        root.GetProperty("source").GetString().ShouldBe("checkout");
        root.GetProperty("type").GetString().ShouldBe("com.dapr.event.sent");
        root.GetProperty("topic").GetString().ShouldBe("orders");
        root.GetProperty("pubsubname").GetString().ShouldBe("pubsub");
        root.GetProperty("traceparent").GetString().ShouldBe(TraceParent);
        root.GetProperty("traceid").GetString().ShouldBe(TraceParent);
        root.GetProperty("tracestate").GetString().ShouldBe("k=v");
        Guid.TryParse(root.GetProperty("id").GetString(), out _).ShouldBeTrue();
        DateTimeOffset.TryParse(root.GetProperty("time").GetString(), out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("text/plain", "hello", "data", "hello")]
    [InlineData(null, "hello", "data", "hello")]
    [InlineData("application/json", "not json", "data", "not json")]
    [InlineData("application/octet-stream", "hello", "data_base64", "aGVsbG8=")]
    public void Build_NonJsonData_StringOrBase64(string? contentType, string data, string field, string expected)
    {
        using var ce = Build(data, contentType);

        ce.RootElement.GetProperty(field).GetString().ShouldBe(expected);
        ce.RootElement.GetProperty("datacontenttype").GetString().ShouldBe(contentType ?? "text/plain");
    }

    [Fact]
    public void Build_AppCloudEvent_KeepsItsAttributesAndAddsMissingOnes()
    {
        using var ce = Build("""{"id":"mine","type":"my.type","myext":"x","data":{"a":1},"topic":"wrong"}""", "application/cloudevents+json");

        var root = ce.RootElement;
        root.GetProperty("id").GetString().ShouldBe("mine");
        root.GetProperty("type").GetString().ShouldBe("my.type");
        root.GetProperty("myext").GetString().ShouldBe("x");
        root.GetProperty("data").GetProperty("a").GetInt32().ShouldBe(1);
        root.GetProperty("topic").GetString().ShouldBe("orders");
        root.GetProperty("specversion").GetString().ShouldBe("1.0");
        root.GetProperty("source").GetString().ShouldBe("checkout");
        root.GetProperty("traceparent").GetString().ShouldBe(TraceParent);
    }

    [Theory]
    [InlineData("application/json", "{ \"text\": \"caf\\u00e9 <b>\", \"n\": 1.50, \"list\": [ true, null ] }",
        "\"data\":{\"text\":\"café <b>\",\"n\":1.50,\"list\":[true,null]}")]
    [InlineData("application/json", "null", "\"data\":null")]
    [InlineData("application/json", "{\"a\":1", "\"data\":\"{\\\"a\\\":1\"")]
    [InlineData("text/plain", "héllo \"x\"", "\"data\":\"héllo \\\"x\\\"\"")]
    [InlineData("application/octet-stream", "hi", "\"data_base64\":\"aGk=\"")]
    public void Build_NewEnvelope_ExactDaprLayout(string contentType, string data, string dataJson)
    {
        var metadata = new Dictionary<string, string> { ["cloudevent.id"] = "id-1", ["cloudevent.time"] = "2026-01-02T03:04:05Z", ["cloudevent.subject"] = "s" };

        var json = Encoding.UTF8.GetString(CloudEventBuilder.Build(Request(data, contentType, TraceParent, "k=v", metadata), "checkout"));

        // Attribute order, compact output and relaxed escaping as daprd-era releases of this sidecar wrote them.
        json.ShouldBe("{\"id\":\"id-1\",\"specversion\":\"1.0\",\"source\":\"checkout\",\"type\":\"com.dapr.event.sent\","
            + $"\"datacontenttype\":\"{contentType}\",\"topic\":\"orders\",\"pubsubname\":\"pubsub\",\"traceid\":\"{TraceParent}\","
            + $"\"traceparent\":\"{TraceParent}\",\"tracestate\":\"k=v\",\"time\":\"2026-01-02T03:04:05Z\",{dataJson},\"subject\":\"s\"}}");
    }

    [Fact]
    public void Build_AppCloudEventNotAnObject_Throws()
    {
        Should.Throw<InvalidCloudEventException>(() => Build("[1,2]", "application/cloudevents+json").Dispose());
    }

    [Fact]
    public void Build_MetadataOverridesAndTtl_Applied()
    {
        var metadata = new Dictionary<string, string>
        {
            ["cloudevent.id"] = "fixed", ["cloudevent.type"] = "t", ["cloudevent.source"] = "s", ["cloudevent.subject"] = "sub", ["ttlInSeconds"] = "60",
        };

        using var ce = Build("{}", "application/json", metadata: metadata);

        var root = ce.RootElement;
        (root.GetProperty("id").GetString(), root.GetProperty("type").GetString(), root.GetProperty("source").GetString(), root.GetProperty("subject").GetString())
            .ShouldBe(("fixed", "t", "s", "sub"));
        DateTimeOffset.Parse(root.GetProperty("expiration").GetString()!).ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddSeconds(50));
    }

    [Fact]
    public void Build_NoTraceParent_GeneratesW3CTraceParent()
    {
        using var ce = JsonDocument.Parse(CloudEventBuilder.Build(Request("{}", "application/json", null, null, []), "checkout"));

        ce.RootElement.GetProperty("traceparent").GetString()!.ShouldMatch("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("False", false)]
    [InlineData("", false)]
    public void IsRawPayload_GoBooleans_Parsed(string value, bool expected) =>
        Publisher.IsRawPayload(new Dictionary<string, string> { ["rawPayload"] = value }).ShouldBe(expected);

    [Fact]
    public void IsRawPayload_OtherSpelling_Rejected() =>
        Should.Throw<ArgumentException>(() => Publisher.IsRawPayload(new Dictionary<string, string> { ["rawPayload"] = "yes" }));

    private static JsonDocument Build(string data, string? contentType, string? traceState = null, Dictionary<string, string>? metadata = null) =>
        JsonDocument.Parse(CloudEventBuilder.Build(Request(data, contentType, TraceParent, traceState, metadata ?? []), "checkout"));

    private static PublishRequestData Request(string data, string? contentType, string? traceParent, string? traceState, Dictionary<string, string> metadata) =>
        new("pubsub", "orders", Encoding.UTF8.GetBytes(data), contentType, metadata, traceParent, traceState);
}
