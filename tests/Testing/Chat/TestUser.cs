namespace ChatDapr.Testing.Chat;

public sealed record TestUser(string UserId, string Username, string Password, string AccessToken);
