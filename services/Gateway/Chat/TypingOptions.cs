namespace ChatDapr.Gateway.Chat;

// Bound from "Gateway:Typing".
public sealed class TypingOptions
{
    public const string Section = "Gateway:Typing";

    // A user's Typing calls in one room within this interval after a published one are ignored: clients call Typing
    // on every keystroke, others only need to hear it once in a while.
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(3);
}
