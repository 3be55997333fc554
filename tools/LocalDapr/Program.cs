// localdapr: a Dapr-compatible sidecar for machines without daprd.
//   localdapr run [-f dapr.yaml] [--profile embedded|redis]   launcher (Multi-App Run file)
//   localdapr --app-id x --app-port 5000 ...                   standalone sidecar, daprd's flags
return await ChatDapr.LocalDapr.Cli.EntryPoint.RunAsync(args);
