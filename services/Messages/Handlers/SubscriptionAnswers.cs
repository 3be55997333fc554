namespace ChatDapr.Messages.Handlers;

// What a subscription handler tells the sidecar. A thrown exception (500) makes it redeliver; an event that can
// never be applied is dropped instead of being retried forever.
public static class SubscriptionAnswers
{
    public static IResult Success() => Results.Ok(new { status = "SUCCESS" });

    public static IResult Drop() => Results.Ok(new { status = "DROP" });
}
