using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Wire;

namespace ChatDapr.Rooms.Domain;

// What a message may contain and who may change it.
public static class MessageRules
{
    public const int MaxTextLength = 4000;
    public const int MaxClientMessageIdLength = 64;
    public const int MaxAttachments = 10;

    public static void ValidateClientMessageId(string? clientMessageId)
    {
        if (string.IsNullOrWhiteSpace(clientMessageId) || clientMessageId.Length > MaxClientMessageIdLength)
            throw ChatError.Invalid($"clientMessageId must be 1-{MaxClientMessageIdLength} characters");
    }

    // Returns the text to store: trimmed, 1..4000 characters, or empty when the message carries attachments.
    public static string NormalizeText(string? text, IReadOnlyList<Attachment>? attachments)
    {
        ValidateAttachments(attachments);
        var trimmed = (text ?? "").Trim();
        var min = attachments is { Count: > 0 } ? 0 : 1;
        if (trimmed.Length < min || trimmed.Length > MaxTextLength)
            throw ChatError.Invalid($"text must be {min}-{MaxTextLength} characters");
        return trimmed;
    }

    // Editing someone else's words would put them in the author's mouth, so only the sender edits.
    public static void EnsureCanEdit(Message message, string actorUserId)
    {
        EnsureNotDeleted(message);
        if (message.SenderId != actorUserId)
            throw ChatError.Forbidden("only the sender may edit a message");
    }

    // Moderation: admins and the owner may delete any message.
    public static void EnsureCanDelete(Message message, MemberRecord actor)
    {
        if (message.SenderId != actor.UserId && !RoomRoles.CanManage(actor.Role))
            throw ChatError.Forbidden("only the sender, an admin or the owner may delete a message");
    }

    public static void EnsureNotDeleted(Message message)
    {
        if (message.Deleted == true)
            throw ChatError.NotFound("the message was deleted");
    }

    private static void ValidateAttachments(IReadOnlyList<Attachment>? attachments)
    {
        if (attachments is null)
            return;
        if (attachments.Count > MaxAttachments)
            throw ChatError.Invalid($"at most {MaxAttachments} attachments");
        foreach (var a in attachments)
        {
            if (a is null || string.IsNullOrWhiteSpace(a.AttachmentId) || string.IsNullOrWhiteSpace(a.ContentType) || a.Size < 0)
                throw ChatError.Invalid("an attachment needs an id, a content type and a size");
        }
    }
}
