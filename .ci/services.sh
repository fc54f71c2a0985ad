#!/usr/bin/env bash
# Redis and PostgreSQL on loopback for the integration tests: installed if missing,
# started if not answering, PostgreSQL opened to user postgres over 127.0.0.1/::1 with
# trust auth and a database `test`. Idempotent: a second run changes nothing.
# Runs as root on Debian (no sudo). Exits non-zero with a message if a service
# cannot be brought up.
set -euo pipefail

log() { echo "services: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

apt_updated=0
apt_install() {
    if [ "$apt_updated" = 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
}

wait_for() {  # wait_for <description> <command...>: up to ~30 s
    local what=$1; shift
    for _ in $(seq 1 60); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.5
    done
    die "$what is not answering"
}

# --- Redis ---------------------------------------------------------------
if ! command -v redis-server >/dev/null 2>&1; then
    log "installing redis-server"
    apt_install redis-server
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then
    log "starting redis-server on 127.0.0.1:6379"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" \
        --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log \
        || die "redis-server did not start (see /var/log/redis/ci.log)"
fi
wait_for "redis on 127.0.0.1:6379" sh -c 'redis-cli -h 127.0.0.1 -p 6379 ping | grep -q PONG'

# --- PostgreSQL ----------------------------------------------------------
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    log "installing postgresql"
    apt_install postgresql
fi
pg_version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
[ -n "$pg_version" ] || die "no cluster under /etc/postgresql after installing postgresql"
hba=/etc/postgresql/$pg_version/main/pg_hba.conf
[ -f "$hba" ] || die "$hba not found"

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    log "starting PostgreSQL $pg_version cluster main"
    pg_ctlcluster --skip-systemctl-redirect "$pg_version" main start \
        || die "pg_ctlcluster could not start PostgreSQL $pg_version main"
fi
wait_for "PostgreSQL on 127.0.0.1:5432" pg_isready -h 127.0.0.1 -p 5432 -q

# Trust for local TCP from loopback: the rules go first so they win over any
# md5/scram line that a fresh install has for the same addresses.
trust_login() { psql -w -h 127.0.0.1 -U postgres -d postgres -tAc "select 1" >/dev/null 2>&1; }
if ! trust_login && ! grep -q "quotetrail-ci" "$hba"; then
    log "allowing trust auth from 127.0.0.1/32 and ::1/128 in $hba"
    tmp=$(mktemp)
    {
        echo "# quotetrail-ci: loopback trust for the test suite"
        echo "host    all    all    127.0.0.1/32    trust"
        echo "host    all    all    ::1/128         trust"
        cat "$hba"
    } >"$tmp"
    cat "$tmp" >"$hba"
    rm -f "$tmp"
    pg_ctlcluster --skip-systemctl-redirect "$pg_version" main reload \
        || die "could not reload PostgreSQL after editing $hba"
fi
wait_for "PostgreSQL trust login as postgres from 127.0.0.1" trust_login

if [ "$(psql -w -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'test'")" != "1" ]; then
    log "creating database test"
    psql -w -h 127.0.0.1 -U postgres -d postgres -qc "create database test" || die "could not create database test"
fi

log "redis and postgresql ready on 127.0.0.1"
