# One image for the server, the RQ workers and the scheduler (docker-compose.yml picks the command).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1

WORKDIR /app
COPY pyproject.toml requirements.lock README.md ./
COPY onward ./onward
COPY server ./server
COPY worker ./worker
# The same pinned, hash-checked packages as `make` and CI (the lock holds the dev tools too: one lock, one truth).
RUN pip install --require-hashes --no-deps -r requirements.lock \
    && pip install --no-deps --no-build-isolation . \
    && useradd --system --uid 10001 --home-dir /app onward

USER onward
EXPOSE 5000
CMD ["onward", "serve", "--host", "0.0.0.0", "--port", "5000"]
