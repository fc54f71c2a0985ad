"""quotetrail's Celery workers: the job as tasks, and what runs them.

    celery_app  the Celery app (Redis broker, or the SQLite queue when embedded)
    tasks       extract → fetch_source × N → finalize → webhook, idempotent per job/source
    dispatch    get_dispatcher(config).enqueue(job_id) — all the API needs
    plan        a job's stored request → the pipeline's inputs
    fetching    the SSRF-guarded fetcher with shared (Redis) cache/politeness/robots
    sweep       re-sends lost jobs, fails overdue ones
    settings    time limits, retries, deadlines from the environment

See "The service" in README.md for running it (embedded and docker compose) and the settings.
"""
