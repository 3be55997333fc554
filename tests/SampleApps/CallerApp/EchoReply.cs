namespace ChatDapr.SampleApps.CallerApp;

public sealed record EchoReply(string Text, string Caller);
