# The commands a developer and CI use. CI (.ci/run) calls `make test`, exactly as README.md says.
PROFILE ?= embedded
CONFIGURATION ?= Release
RESULTS ?= TestResults

SERVICES = services/Gateway services/Rooms services/Messages services/Presence tools/LocalDapr

.PHONY: run web build-services test test-web screenshots build bench bench-chat clean

## run: start the whole system (all services + local Dapr sidecars) on the $(PROFILE) component profile
run: build-services web
	dotnet tools/LocalDapr/bin/Release/net10.0/localdapr.dll run -f dapr.yaml --profile $(PROFILE)

## web: build the browser client into clients/web/dist (the gateway serves it); skipped without npm or on failure,
## so `make run` still starts with the gateway's placeholder page
web:
	@if ! command -v npm >/dev/null 2>&1; then echo "web: npm not found, skipping the web client"; \
	elif ! (cd clients/web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent); then \
	  echo "web: the web client did not build; the gateway serves its placeholder page"; fi

## build-services: what dapr.yaml runs (Release builds of the services and the sidecar)
build-services:
	@for p in $(SERVICES); do echo "build: $$p"; dotnet build $$p -c Release -v q -nologo --tl:off -clp:NoSummary || exit 1; done

## build: compile everything (warnings are errors)
build:
	dotnet build ChatDapr.sln -c $(CONFIGURATION)

## test: every test tier (.NET, the browser tests against the built web client, and the web client's Vitest
## suite); prints "N passed, N failed, N skipped" computed from the TRX and JUnit results
test: web
	rm -rf $(RESULTS)
	dotnet test ChatDapr.sln -c $(CONFIGURATION) --logger trx --results-directory $(RESULTS) \
	  --blame-hang-timeout 5m --blame-hang-dump-type none; status=$$?; \
	  $(MAKE) --no-print-directory test-web || status=1; \
	  bash tools/ci/trx-summary.sh $(RESULTS); exit $$status

## test-web: the web client's unit tests (needs `npm ci` in clients/web, which .ci/run does)
test-web:
	@if [ -d clients/web/node_modules ]; then \
	  cd clients/web && npx vitest run --reporter=default --reporter=junit --outputFile.junit=$(abspath $(RESULTS))/web/vitest.junit.xml; \
	else echo "test-web: clients/web/node_modules missing (run npm ci in clients/web); web unit tests not run"; \
	  [ "$$CHATDAPR_REQUIRE_INFRA" != "1" ]; fi

## screenshots: regenerate docs/screenshots/*.png (shown in README.md) with the browser tests' screenshot test
screenshots: web
	CHATDAPR_SCREENSHOTS=1 dotnet test tests/Web.Tests -c $(CONFIGURATION) --filter "FullyQualifiedName~ScreenshotTests"

## bench: the sidecar's cost per operation against the bare store (see docs/benchmarks.md)
bench:
	dotnet run -c Release --project bench/SidecarBench

## bench-chat: chat load through the whole system (embedded profile) against a bare SignalR hub, in one run; options
## go in BENCH_ARGS, e.g. make bench-chat BENCH_ARGS="--sizes 2,10 --seconds 10" (see docs/benchmarks.md)
bench-chat: build-services
	dotnet run -c Release --project bench/ChatLoad -- $(BENCH_ARGS)

clean:
	rm -rf $(RESULTS) .localdapr
	dotnet clean ChatDapr.sln -v q
