# One image for the API, the workers and the migration step (docker-compose.yml picks the command).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    QUOTETRAIL_DATA_DIR=/data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY quotetrail ./quotetrail
COPY api ./api
COPY worker ./worker
RUN pip install . \
    && useradd --system --uid 10001 --home-dir /data quotetrail \
    && mkdir -p /data && chown quotetrail /data

USER quotetrail
VOLUME ["/data"]
EXPOSE 8000
# Embedded default (SQLite + filesystem broker) when run alone; compose overrides it.
CMD ["quotetrail", "serve", "--host", "0.0.0.0", "--port", "8000"]
