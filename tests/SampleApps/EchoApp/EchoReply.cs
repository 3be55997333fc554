namespace ChatDapr.SampleApps.EchoApp;

public sealed record EchoReply(string Text, string Caller);
