using ChatDapr.Gateway.Chat;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Hubs;

// Turns any failure of a hub call into the HubException the client sees: "code: detail" for rule violations (also
// when the room or presence actor raised them), and a generic "internal: …" for anything unexpected, whose details
// stay in the server log.
public static class HubErrors
{
    public const string Internal = "internal";
    public const string InternalMessage = "internal: the request could not be completed; retry it";

    public static (HubException Exception, string Code, bool Unexpected) Map(Exception exception)
    {
        if (ChatErrors.Find(exception) is { } error)
            return (new HubException(error.Message), error.Code, false);
        return (new HubException(InternalMessage), Internal, true);
    }
}
