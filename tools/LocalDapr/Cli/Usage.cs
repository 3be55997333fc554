namespace ChatDapr.LocalDapr.Cli;

public static class Usage
{
    public const string Text = """
        localdapr: a Dapr-compatible sidecar for machines without daprd (see docs/local-sidecar.md).

        Usage:
          localdapr run [-f dapr.yaml|dir] [--profile embedded|redis] [--start-timeout 60]
              Runs every app of a Multi-App Run file, each with an in-process sidecar.
              The profile (default embedded, or $CHATDAPR_PROFILE) picks components/<profile>/.
          localdapr --app-id ID [--app-port N] [--dapr-http-port 3500] [--dapr-grpc-port 50001]
                    [--resources-path DIR]... [--config FILE] [--log-level info] [--registry-dir DIR]
              Runs one sidecar like daprd. DAPR_API_TOKEN and APP_API_TOKEN come from the environment.
              Other daprd flags are accepted and ignored with a warning.
        """;
}
