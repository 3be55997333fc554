namespace ChatDapr.Gateway.Tests.Harness;

public sealed record TestUser(string UserId, string Username, string Password, string AccessToken);
