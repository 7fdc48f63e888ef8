# Hearken understanding: training and evaluation commands. Included by the root Makefile; run from the repo root.
#   make train                                   retrain the shipped text models from ../shared/data (+ seeds)
#   make eval TEST=<file> [TRAIN=<file>] [TASK=language|spam|intent|topics]
#   make understanding-bench                     texts/s of the whole pipeline on one core, and model heap
# Fallback for running this fragment alone (make -f functions/understanding/understanding.mk ...).
MVNW ?= JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw

UNDERSTANDING_DIR := functions/understanding
UNDERSTANDING_DATA ?= ../shared/data
UNDERSTANDING_SEEDS := $(UNDERSTANDING_DIR)/training-data
UNDERSTANDING_BUNDLE := $(UNDERSTANDING_DIR)/src/main/resources/dev/hearken/understanding/model/models-v1.bin.gz
# Bump when the shipped models change; it is stored in the bundle and reported with every decision.
UNDERSTANDING_MODEL_VERSION ?= 1.1.0
# One core, bounded heap: the figures reported are those of a single Lambda-sized worker.
UNDERSTANDING_JVM := -Xmx768m -XX:ActiveProcessorCount=1 -XX:+UseSerialGC
UNDERSTANDING_EXEC = $(MVNW) -B -q -pl $(UNDERSTANDING_DIR) process-classes exec:exec -Dexec.classpathScope=compile -Dexec.args="$(UNDERSTANDING_JVM) -cp %classpath $(1)"
TEST ?=
TRAIN ?=
TASK ?=

FILE ?=
OUT ?=
RULES ?= infra/seed/tables/routing-rules.json
# The decision path (ticket-classify's and review-ingest's own classes) offline: compile upstream, run in functions/explain.
# Quiet (@, -q; build notes go to stderr) so that `make explain FILE=… > out.jsonl` holds JSON lines only.
DECIDE_EXEC = $(MVNW) -B -q -pl functions/explain -am process-classes -Pdecide -Ddecide.main=$(1) -Ddecide.args="$(2)"

.PHONY: train eval explain understanding-bench understanding-jmh

train: ## retrain the shipped understanding models (spam, intent, intent-detail, topics) into src/main/resources
	$(call UNDERSTANDING_EXEC,dev.hearken.understanding.training.Train $(abspath $(UNDERSTANDING_DATA)) $(abspath $(UNDERSTANDING_SEEDS)) $(abspath $(UNDERSTANDING_BUNDLE)) $(UNDERSTANDING_MODEL_VERSION))

eval: ## score a labelled JSONL file: make eval TEST=<file> [TRAIN=<file>] [TASK=language|spam|intent|topics|safety]
	@test -n "$(TEST)" || { echo "usage: make eval TEST=<file> [TRAIN=<file>] [TASK=language|spam|intent|topics|safety]" >&2; exit 2; }
	@test -e "$(TEST)" || { echo "no such file: $(TEST)" >&2; exit 2; }
ifeq ($(TASK),safety)
	@$(call DECIDE_EXEC,dev.hearken.explain.SafetyEval,$(abspath $(TEST)) $(abspath $(RULES)))
else
	@test -f "$(TEST)" || { echo "not a file: $(TEST)" >&2; exit 2; }
	$(call UNDERSTANDING_EXEC,dev.hearken.understanding.training.Evaluate --test $(abspath $(TEST)) $(if $(TRAIN),--train $(abspath $(TRAIN))) $(if $(TASK),--task $(TASK)) --seeds $(abspath $(UNDERSTANDING_SEEDS)))

endif

explain: ## what Hearken decides for each line of a JSONL file, offline: make explain FILE=<in.jsonl> [OUT=<out.jsonl>] [RULES=<file>]
	@test -n "$(FILE)" || { echo "usage: make explain FILE=<in.jsonl> [OUT=<out.jsonl>] [RULES=<routing-rules.json>]" >&2; exit 2; }
	@test -f "$(FILE)" || { echo "no such file: $(FILE)" >&2; exit 2; }
	@$(call DECIDE_EXEC,dev.hearken.explain.Explain,$(abspath $(FILE)) $(abspath $(RULES)) $(if $(OUT),$(abspath $(OUT))))

understanding-bench: ## texts/s of Understanding.analyze on one core and the heap its models retain
	$(call UNDERSTANDING_EXEC,dev.hearken.understanding.training.PipelineBench 10 $(abspath $(UNDERSTANDING_DATA))/sms-spam-collection/dev.jsonl $(abspath $(UNDERSTANDING_DATA))/banking77/dev.jsonl $(abspath $(UNDERSTANDING_DATA))/urr-app-reviews/dev.jsonl $(abspath $(UNDERSTANDING_DATA))/lingua-langid-sentences/dev.jsonl $(abspath $(UNDERSTANDING_DATA))/lingua-langid-word-pairs/dev.jsonl)

understanding-jmh: ## JMH: Understanding.analyze throughput on one thread (texts/s), over the dev splits' texts
	$(MVNW) -B -q -pl $(UNDERSTANDING_DIR) test-compile exec:exec -Dexec.classpathScope=test -Dexec.args="-cp %classpath org.openjdk.jmh.Main UnderstandingBenchmark -p data=$(abspath $(UNDERSTANDING_DATA))"
