# Hearken developer commands. `make help` lists them.
# Everything finds a JDK >= 21 by itself (infra/local/bin/find-jdk.sh); the default `java` may be older.

SHELL := /bin/bash
JDK := $(shell infra/local/bin/find-jdk.sh)
ifeq ($(JDK),)
$(error No JDK >= 21 found: install one or set JAVA_HOME (see infra/local/bin/find-jdk.sh))
endif
export JAVA_HOME := $(JDK)
# jsii (used by the CDK synth in the build) warns loudly on Node 20; it works offline on it.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
MVNW := ./mvnw -B

.PHONY: help setup test run build synth bootstrap bench bench-start bench-webhook bench-operator redrive clean

help: ## list the commands
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

setup: ## check the JDK and make sure an AWS emulator is available (installs moto into .venv if needed)
	@echo "JDK: $(JAVA_HOME)"
	@command -v node >/dev/null || { echo "Node.js is needed for the CDK synth (jsii): install nodejs" >&2; exit 1; }
	@infra/local/bin/ensure-emulator.sh

test: setup ## run every test (unit, Quarkus function tests, CDK assertions, conformance) against the emulator
	$(MVNW) verify

run: setup ## the main job: build, start emulator + functions, replay events/ and print what happened (ARGS=--keep-running to stay up)
	$(MVNW) -q install -DskipTests
	$(MVNW) -q -pl infra/local exec:java -Dexec.mainClass=dev.hearken.local.LocalRun -Dexec.cleanupDaemonThreads=false -Dexec.args="$(ARGS)"

build: ## build every module and the function zips, without tests
	$(MVNW) package -DskipTests

synth: ## synthesise the CloudFormation template into infra/cdk/target/cdk.out
	$(MVNW) -q -pl infra/cdk process-classes

bootstrap: ## load the shipped defaults into a deployed stack through its operator API (API=<HttpApiUrl> [REGION=])
	$(MVNW) -q install -DskipTests -pl infra/local -am
	$(MVNW) -q -pl infra/local exec:java -Dexec.mainClass=dev.hearken.local.Bootstrap -Dexec.cleanupDaemonThreads=false -Dexec.args="--api '$(API)' $(if $(REGION),--region $(REGION))"

bench: ## JMH: in-process assignments per second (see functions/benchmarks/README.md)
	$(MVNW) -q -pl functions/benchmarks -am package -DskipTests
	$(JAVA_HOME)/bin/java -jar functions/benchmarks/target/benchmarks.jar AssignmentBenchmark -t 1 -f 1 -wi 3 -i 5

bench-start: setup ## cold start of each function's real artifact through the Lambda Runtime API (RUNS=7)
	$(MVNW) -q install -DskipTests
	$(MVNW) -q -pl infra/local exec:java -Dexec.mainClass=dev.hearken.local.StartupBenchmark -Dexec.cleanupDaemonThreads=false -Dexec.args="$(or $(RUNS),7)"

bench-operator: setup ## operator write and decision lookup latency through the local runtime against the emulator (N=200)
	$(MVNW) -q install -DskipTests
	$(MVNW) -q -pl infra/local exec:java -Dexec.mainClass=dev.hearken.local.OperatorApiBenchmark -Dexec.cleanupDaemonThreads=false -Dexec.args="$(or $(N),200)"

bench-webhook: setup ## Zendesk webhook → classified and routed ticket latency through the local runtime (N=30)
	$(MVNW) -q install -DskipTests
	$(MVNW) -q -pl infra/local exec:java -Dexec.mainClass=dev.hearken.local.WebhookLatencyBenchmark -Dexec.cleanupDaemonThreads=false -Dexec.args="$(or $(N),30)"

redrive: ## move a DLQ's messages back after a fix: QUEUE=tickets [TO=push] [PREFIX=hearken]; AWS_ENDPOINT_URL/AWS_REGION/credentials pick the account (infra/cdk/RUNBOOK.md)
	@test -n "$(QUEUE)" || { echo "usage: make redrive QUEUE=<queue or its DLQ, e.g. tickets> [TO=<target>] [PREFIX=hearken]" >&2; exit 2; }
	$(MVNW) -q -pl infra/local -am install -DskipTests
	HEARKEN_PREFIX=$(or $(PREFIX),hearken) $(MVNW) -q -pl infra/local exec:java -Dexec.mainClass=dev.hearken.local.Redrive -Dexec.cleanupDaemonThreads=false -Dexec.args="$(QUEUE) $(TO)"

clean: ## remove build outputs
	$(MVNW) -q clean
	rm -rf target

-include functions/understanding/understanding.mk
