#!/usr/bin/env bash
# Starts the ledger API on a real PostgreSQL server and, on exit, stops only what this run started.
#
# PostgreSQL source, in order:
#   1. ConnectionStrings__Ledger from the environment, used as is;
#   2. the `postgres` service of docker-compose.yml when a Docker engine responds;
#   3. a local cluster in .local/pg, created on the first run and reused after.
#
# Environment:
#   LEDGER_URLS            URL the API listens on (default http://127.0.0.1:5080)
#   LEDGER_PG_PORT         TCP port of the local cluster (default 54329)
#   ASPNETCORE_ENVIRONMENT ASP.NET Core environment (default Development)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo_root"

local_dir="$repo_root/.local"
pg_root="$local_dir/pg"
pg_data="$pg_root/data"
pg_log="$local_dir/pg.log"
api_log="$local_dir/api.log"
pg_port="${LEDGER_PG_PORT:-54329}"
compose_connection_string="Host=127.0.0.1;Port=54329;Database=ledger;Username=ledger;Password=ledger"
ready_timeout_seconds=120
# Linux limits a unix socket path to 107 bytes.
max_socket_path_length=107

pg_bin=""
started_cluster=false
started_compose=false
api_pid=""

log() {
    printf 'run.sh: %s\n' "$*" >&2
}

fail() {
    log "error: $*"
    exit 1
}

# Stops the API and the database server this run started. Runs once, on any exit.
cleanup() {
    local status=$?
    trap - EXIT INT TERM

    if [[ -n "$api_pid" ]] && kill -0 "$api_pid" 2>/dev/null; then
        log "stopping the API (pid $api_pid)"
        kill -TERM "$api_pid" 2>/dev/null || true
        # The API gets 20 s (100 x 0.2 s) to shut down before it is killed.
        local waited=0
        while kill -0 "$api_pid" 2>/dev/null && ((waited < 100)); do
            sleep 0.2
            waited=$((waited + 1))
        done
        if kill -0 "$api_pid" 2>/dev/null; then
            log "the API did not stop within 20 s, killing pid $api_pid"
            kill -KILL "$api_pid" 2>/dev/null || true
        fi
        wait "$api_pid" 2>/dev/null || true
    fi

    if [[ "$started_cluster" == true ]]; then
        log "stopping the local PostgreSQL cluster in $pg_data"
        as_cluster_owner "$pg_bin/pg_ctl" stop -D "$pg_data" -m fast -w || log "pg_ctl stop failed, see $pg_log"
    fi

    if [[ "$started_compose" == true ]]; then
        log "stopping the docker compose postgres service"
        docker compose stop postgres || log "docker compose stop postgres failed"
    fi

    exit "$status"
}

# initdb and postgres exit with an error when started as root, so root runs them as the postgres OS user.
as_cluster_owner() {
    if ((EUID == 0)); then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

docker_engine_available() {
    command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1 || return 1
    if ! docker compose version >/dev/null 2>&1; then
        log "a Docker engine responds but the docker compose plugin is missing, so a local cluster is used"
        return 1
    fi
}

# NOTE: this path has not been run against a Docker engine; the local-cluster path is the tested one.
start_compose_postgres() {
    if [[ -n "$(docker compose ps --status running --quiet postgres 2>/dev/null)" ]]; then
        log "reusing the running docker compose postgres service"
    else
        log "starting the docker compose postgres service"
        started_compose=true
        docker compose up -d --wait postgres
    fi
    connection_string="$compose_connection_string"
}

# Sets pg_bin to the bin folder of the highest installed PostgreSQL major version, or to "" when none is installed.
find_pg_bin() {
    pg_bin=""
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            if [[ -z "$pg_bin" ]] || [[ "$(printf '%s\n%s\n' "$pg_bin" "$dir" | sort -V | tail -n 1)" == "$dir" ]]; then
                pg_bin="$dir"
            fi
        fi
    done
}

ensure_pg_binaries() {
    find_pg_bin
    if [[ -n "$pg_bin" ]]; then
        return
    fi

    if ((EUID != 0)); then
        fail "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin. Install them with" \
            "'sudo apt-get install -y postgresql', or set ConnectionStrings__Ledger, or start a Docker engine."
    fi

    log "PostgreSQL server binaries not found, installing the postgresql package"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; then
        # A fresh machine may have no package lists yet.
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
    fi

    find_pg_bin
    [[ -n "$pg_bin" ]] || fail "the postgresql package is installed but /usr/lib/postgresql/*/bin/initdb is missing"
}

init_local_cluster() {
    mkdir -p "$pg_root"
    touch "$pg_log"
    if ((EUID == 0)); then
        chown postgres "$pg_root" "$pg_log"
        # Every parent folder must be searchable by the postgres user.
        runuser -u postgres -- test -w "$pg_root" \
            || fail "the postgres user cannot write to $pg_root; move the checkout to a folder it can enter" \
                "(for example under /srv) or set ConnectionStrings__Ledger"
    fi

    if [[ -f "$pg_data/PG_VERSION" ]]; then
        return
    fi

    log "creating a PostgreSQL cluster in $pg_data"
    as_cluster_owner "$pg_bin/initdb" -D "$pg_data" -U postgres -E UTF8 --no-locale --auth=trust >>"$pg_log" 2>&1 \
        || fail "initdb of $pg_data failed, see $pg_log"

    # Trust only connections from this machine: the unix socket and 127.0.0.1.
    as_cluster_owner tee "$pg_data/pg_hba.conf" >/dev/null <<'EOF'
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  trust
EOF
}

# Prints the port of the running cluster, read from line 4 of postmaster.pid.
running_cluster_port() {
    sed -n 4p "$pg_data/postmaster.pid"
}

start_local_cluster() {
    ensure_pg_binaries
    init_local_cluster

    if as_cluster_owner "$pg_bin/pg_ctl" status -D "$pg_data" >/dev/null 2>&1; then
        local running_port
        running_port="$(running_cluster_port)"
        log "reusing the PostgreSQL cluster already running in $pg_data on port $running_port"
        if [[ "$running_port" != "$pg_port" ]]; then
            log "note: LEDGER_PG_PORT is $pg_port but the running cluster listens on $running_port"
            pg_port="$running_port"
        fi
    else
        local socket_path="$pg_root/.s.PGSQL.$pg_port"
        if ((${#socket_path} > max_socket_path_length)); then
            fail "the socket path $socket_path is longer than $max_socket_path_length bytes;" \
                "move the checkout to a shorter path or set ConnectionStrings__Ledger"
        fi

        log "starting PostgreSQL on 127.0.0.1:$pg_port (log: $pg_log)"
        started_cluster=true
        if ! as_cluster_owner "$pg_bin/pg_ctl" start -D "$pg_data" -l "$pg_log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $pg_port -k '$pg_root'"; then
            # A server that is still starting leaves postmaster.pid, so cleanup stops it.
            [[ -f "$pg_data/postmaster.pid" ]] || started_cluster=false
            tail -n 20 "$pg_log" >&2 || true
            fail "PostgreSQL failed to start on 127.0.0.1:$pg_port, see $pg_log" \
                "(set LEDGER_PG_PORT to use another port)"
        fi
    fi

    local exists
    exists="$("$pg_bin/psql" -X -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc \
        "select 1 from pg_database where datname = 'ledger'")"
    if [[ "$exists" != 1 ]]; then
        log "creating database ledger"
        "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres ledger
    fi

    connection_string="Host=127.0.0.1;Port=$pg_port;Database=ledger;Username=postgres"
}

# Prints the first URL of ASPNETCORE_URLS with a wildcard host replaced by 127.0.0.1, so curl can reach it.
probe_url() {
    local url="${1%%;*}"
    url="${url%/}"
    printf '%s\n' "$url" | sed -E 's#://(\*|\+|0\.0\.0\.0|\[::\])#://127.0.0.1#'
}

wait_for_ready() {
    local url="$1"
    local deadline=$((SECONDS + ready_timeout_seconds))
    local code
    while ((SECONDS < deadline)); do
        if ! kill -0 "$api_pid" 2>/dev/null; then
            tail -n 30 "$api_log" >&2 || true
            api_pid=""
            fail "the API exited before it became ready, see $api_log"
        fi
        # --insecure lets the probe accept the ASP.NET Core development certificate on https URLs.
        code="$(curl --insecure -s -o /dev/null -w '%{http_code}' --max-time 5 "$url/health/ready" || true)"
        if [[ "$code" == 200 ]]; then
            return
        fi
        sleep 1
    done
    tail -n 30 "$api_log" >&2 || true
    fail "GET $url/health/ready did not return 200 within $ready_timeout_seconds s (last status: ${code:-none});" \
        "see $api_log"
}

main() {
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    command -v dotnet >/dev/null 2>&1 || fail "dotnet not found: install the .NET 10 SDK (see global.json)"
    command -v curl >/dev/null 2>&1 || fail "curl not found: install it (apt-get install -y curl)"
    mkdir -p "$local_dir"

    connection_string=""
    if [[ -n "${ConnectionStrings__Ledger:-}" ]]; then
        log "using ConnectionStrings__Ledger from the environment"
        connection_string="$ConnectionStrings__Ledger"
    elif docker_engine_available; then
        start_compose_postgres
    else
        start_local_cluster
    fi

    export ConnectionStrings__Ledger="$connection_string"
    export ASPNETCORE_URLS="${LEDGER_URLS:-http://127.0.0.1:5080}"
    export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

    log "building src/Ledger.Api"
    dotnet build src/Ledger.Api -c Release

    log "starting the API on $ASPNETCORE_URLS (log: $api_log)"
    dotnet run --project src/Ledger.Api -c Release --no-build --no-launch-profile >"$api_log" 2>&1 &
    api_pid=$!

    local url
    url="$(probe_url "$ASPNETCORE_URLS")"
    wait_for_ready "$url"

    printf '\nThe ledger API is ready.\n'
    printf '  Reference profile: %s/api/authors/A5000000001\n' "$url"
    printf '  API reference:     %s/scalar\n' "$url"
    printf '  API log:           %s\n' "$api_log"
    printf 'Press Ctrl+C to stop.\n'

    local api_status=0
    wait "$api_pid" || api_status=$?
    api_pid=""
    fail "the API exited with status $api_status, see $api_log"
}

main "$@"
