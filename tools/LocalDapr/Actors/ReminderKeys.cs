using ChatDapr.LocalDapr.State;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>
/// Reminder layout in the actor state store: one key per reminder,
/// <c>{appId}||_reminders||{actorType}||{actorId}||{name}</c>, the last three URI-escaped so that '|' in an id
/// cannot blur the parts. The value is a <see cref="ReminderRecord"/> as JSON. Every instance of the app lists
/// <c>{appId}||_reminders||{actorType}||</c> and schedules the reminders of the actors it owns.
/// </summary>
public static class ReminderKeys
{
    private const string Marker = "_reminders";

    public static string TypePrefix(string appId, string actorType) =>
        string.Join(StateKeys.Separator, appId, Marker, Uri.EscapeDataString(actorType), "");

    public static string For(string appId, ReminderRef reminder) =>
        TypePrefix(appId, reminder.ActorType) + Uri.EscapeDataString(reminder.ActorId) + StateKeys.Separator + Uri.EscapeDataString(reminder.Name);

    public static bool TryParse(string appId, string key, out ReminderRef reminder)
    {
        reminder = default;
        var head = appId + StateKeys.Separator + Marker + StateKeys.Separator;
        if (!key.StartsWith(head, StringComparison.Ordinal))
            return false;
        var parts = key[head.Length..].Split(StateKeys.Separator);
        if (parts.Length != 3)
            return false;
        reminder = new ReminderRef(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]), Uri.UnescapeDataString(parts[2]));
        return true;
    }
}
