# The commands a developer and CI use. CI (.ci/run) calls `make test`, exactly as README.md says.
PROFILE ?= embedded
CONFIGURATION ?= Release
RESULTS ?= TestResults

.PHONY: run test build bench clean

## run: start the whole system (all services + local Dapr sidecars) on the $(PROFILE) component profile
run:
	dotnet run --project tools/LocalDapr -c $(CONFIGURATION) -- run -f dapr.yaml --profile $(PROFILE)

## build: compile everything (warnings are errors)
build:
	dotnet build ChatDapr.sln -c $(CONFIGURATION)

## test: every test tier; prints "N passed, N failed, N skipped" computed from the TRX results
test:
	rm -rf $(RESULTS)
	dotnet test ChatDapr.sln -c $(CONFIGURATION) --logger trx --results-directory $(RESULTS) \
	  --blame-hang-timeout 5m --blame-hang-dump-type none; status=$$?; \
	  bash tools/ci/trx-summary.sh $(RESULTS); exit $$status

clean:
	rm -rf $(RESULTS) .localdapr
	dotnet clean ChatDapr.sln -v q
