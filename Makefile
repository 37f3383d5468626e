# atende's front door. `make` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml clients/python/pyproject.toml requirements/dev.txt | cksum | cut -d' ' -f1)
# Everything mypy checks (strict, pyproject.toml): the services, the shared packages, the dev
# stack, the Python client.
PACKAGES := atende_runtime atende_guardrails router_svc agent_svc memory_svc knowledge_svc integrations_svc gateway devstack \
	clients/python/atende_client
export PYTHONPATH := $(CURDIR):$(CURDIR)/gen/python
# numpy's BLAS starts a spinning thread per core in every process; one each is faster here.
export OPENBLAS_NUM_THREADS ?= 1
export OMP_NUM_THREADS ?= 1
export MKL_NUM_THREADS ?= 1

.DEFAULT_GOAL := help
.PHONY: help install client lock image run test test-fast chaos fuzz lint lint-proto lint-breaking proto check-proto bench bench-compare eval clean trace dashboards

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# The lock file (requirements/dev.txt: every package pinned, with hashes) installs the
# services, the local stack's embedded servers (extra local) and the tools (extra dev);
# the project's two distributions go in editable, without dependencies: the Python client
# (clients/python: the generated code of gen/python and atende_client, `atende chat`), which
# the services depend on, then the services.
$(STAMP): pyproject.toml requirements/dev.txt
	@$(PYTHON) tools/lock.py --check
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e clients/python
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@rm -f $(VENV)/.installed-*; touch $@

install: $(STAMP) ## create .venv and install everything from the lock file (done by run and test when needed)

# The client's wheel, built offline with the locked setuptools of .venv; `pip install` of it
# pulls grpcio, protobuf and googleapis-common-protos only.
client: $(STAMP) ## build the Python client's wheel (clients/python: stubs, atende_client, `atende chat`) into build/client/
	rm -rf build/client clients/python/build
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir build/client ./clients/python
	@ls build/client/*.whl

lock: ## pin pyproject.toml's dependencies with hashes into requirements/ (LOCK_ARGS=--upgrade for newer versions)
	@test -x $(BIN)/uv || { test -x $(BIN)/python || $(PYTHON) -m venv $(VENV); $(BIN)/python -m pip install --quiet uv; }
	$(BIN)/python tools/lock.py $(LOCK_ARGS)

# One image for every process (Dockerfile: build stage, then a runtime stage without
# compilers or the embedded servers); IMAGE names it. Where no Docker daemon answers,
# it says so and fails; tests lint the Dockerfile with hadolint instead.
IMAGE ?= atende:0.1.0
image: ## build the container image IMAGE (default atende:0.1.0) from requirements/runtime.txt
	@command -v docker >/dev/null || { echo "make image: the docker CLI is not installed"; exit 1; }
	@docker info >/dev/null 2>&1 || { echo "make image: no Docker daemon answers (docker info failed): start one, or build elsewhere; tests/test_image.py lints the Dockerfile"; exit 1; }
	docker build -t $(IMAGE) .
	@docker image ls $(IMAGE) --format '{{.Repository}}:{{.Tag}} {{.Size}}'

run: $(STAMP) ## start the whole stack: PostgreSQL, Redis, Milvus Lite, five services, Envoy on :8080
	$(BIN)/python -m devstack

# promtool for the alert rules' tests (tools/promtool.sh: PATH's, else Debian's package unpacked).
build/tools/promtool:
	-tools/promtool.sh build/tools

# Chromium and chromedriver for the browser tests (tools/chromium.sh: PATH's, else Debian's packages).
build/tools/chromedriver:
	-tools/chromium.sh build/tools

# buf.gen.yaml's TypeScript plugin and tsc, for tests/test_buf_module.py (tools/buf_plugins.sh: npm).
build/tools/npm/node_modules/.bin/protoc-gen-es:
	-tools/buf_plugins.sh build/tools

test: $(STAMP) build/tools/promtool build/tools/chromedriver build/tools/npm/node_modules/.bin/protoc-gen-es ## ruff, mypy strict, then every test (DATABASE_URL / REDIS_URL select external servers)
	$(BIN)/ruff check .
	$(BIN)/mypy $(PACKAGES)
	$(BIN)/python -m pytest

test-fast: $(STAMP) ## the tests without the full-stack end-to-end ones
	$(BIN)/python -m pytest -m "not e2e"

# CHAOS_ARGS passes options through, e.g. CHAOS_ARGS="--clients 40 --faults memory_svc,postgres-crash".
chaos: $(STAMP) ## faults under load (SIGKILL of each process, Redis, PostgreSQL, a frozen service), then the audit table
	$(BIN)/python -m devstack.chaos $(CHAOS_ARGS)

# FUZZ_EXAMPLES: examples per REST route and per gRPC method (make test runs 100, derandomized).
FUZZ_EXAMPLES ?= 250
fuzz: $(STAMP) ## fuzz every REST route and gRPC method of a fresh stack (FUZZ_EXAMPLES each) and print the counts
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m tests.fuzz.report --per-route

lint: $(STAMP) lint-proto lint-breaking ## ruff, mypy, buf lint and buf breaking
	$(BIN)/ruff check .
	$(BIN)/mypy $(PACKAGES)

build/third_party: $(STAMP) buf.yaml
	$(BIN)/python tools/third_party_protos.py build/third_party
	@touch $@

# buf.yaml names the module and takes googleapis from the Buf Schema Registry (for the
# teams that consume it); here buf runs offline with build/buf.offline.yaml, the same
# rules with googleapis from build/third_party (tools/third_party_protos.py says how).
BUF_OFFLINE := --config build/buf.offline.yaml
lint-proto: build/third_party ## buf lint on proto/
	$(BIN)/buf lint proto $(BUF_OFFLINE)

# The contracts as they are on BUF_AGAINST: main when this clone has it (the branch a
# change lands on; origin/main in a fresh clone of another branch), else the last commit.
# The work tree is compared, so a change is checked before it lands.
BUF_AGAINST ?= $(firstword $(foreach ref,main origin/main HEAD,$(shell git rev-parse --verify --quiet '$(ref)^{commit}' >/dev/null 2>&1 && echo $(ref))))
lint-breaking: build/third_party ## buf breaking: proto/ against BUF_AGAINST (default main, else HEAD)
	@rm -rf build/against && mkdir -p build/against/build
	git archive $(BUF_AGAINST) proto buf.yaml | tar -x -C build/against
	cp -r build/third_party build/against/build/
	$(BIN)/python tools/third_party_protos.py --config build/against/buf.yaml build/against/build/buf.offline.yaml
	cd build/against && $(CURDIR)/$(BIN)/buf build $(BUF_OFFLINE) -o $(CURDIR)/build/against.binpb
	$(BIN)/buf build $(BUF_OFFLINE) -o build/current.binpb
	$(BIN)/buf breaking build/current.binpb --against build/against.binpb

proto: $(STAMP) ## regenerate gen/ (Python code, type stubs, Envoy's descriptor set) from proto/
	rm -rf gen
	$(BIN)/python tools/gen_proto.py gen

trace: ## the latest turn's trace as a waterfall (TRACE=<trace, request or conversation id> for another)
	@$(BIN)/python -m devstack.traces $(TRACE)

dashboards: ## rewrite the Grafana dashboards (k8s/components/observability/dashboards/)
	$(BIN)/python tools/gen_dashboards.py

bench: $(STAMP) ## run the benchmarks (each prints p50/p95/p99 and throughput)
	@for script in benchmarks/*_bench.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# The mesh against the seed's monolith (../shared/baseline), one after the other, same
# knowledge base, same k6 script; DURATION (30s), VUS ("50 200"), KB_DIR (the sample KB).
bench-compare: $(STAMP) ## the mesh beside the baseline monolith: turns/s, p99, errors, CPU-ms per turn
	$(BIN)/python benchmarks/bench_compare.py

# The blind sets of evals/ (dev and test, each figure with its set size) and the project's
# older sets; every one runs, and the target fails if any figure is under its threshold.
# The answers run twice: by the product agent, and as through the REST API (the agent the
# business's router picks, or the router's own reply when it asks back or declines).
EVALS := "router_svc.eval evalsets --split both" "router_svc.eval routing" \
	"atende_guardrails.eval.blind_eval --split both" "atende_guardrails.eval" \
	"knowledge_svc.eval.answers --split both" "knowledge_svc.eval.answers --split both --agent routed" \
	"knowledge_svc.eval"

eval: $(STAMP) ## print the quality evaluations (routing, answers, retrieval, injection, PII; dev and test), fail under the thresholds
	@failed=""; for evaluation in $(EVALS); do echo "== python -m $$evaluation"; \
	  $(BIN)/python -m $$evaluation || failed="$$failed\n  $$evaluation"; echo; done; \
	if [ -n "$$failed" ]; then printf "under a threshold:$$failed\n"; exit 1; fi

clean: ## remove build output (keeps data/ and .venv)
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
