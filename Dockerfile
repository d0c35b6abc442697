# One image for the server, the RQ workers and the scheduler (docker-compose.yml picks the command).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY server ./server
COPY worker ./worker
RUN pip install . && useradd --system --uid 10001 --home-dir /app onward

USER onward
EXPOSE 5000
CMD ["onward", "serve", "--host", "0.0.0.0", "--port", "5000"]
