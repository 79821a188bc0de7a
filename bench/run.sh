#!/usr/bin/env bash
# Runs the ledger benchmark set and prints one result table (see docs/benchmarks.md).
#
# It starts its own PostgreSQL cluster in a temporary folder (fsync and synchronous_commit on, on a
# free port of 127.0.0.1), builds the API and the benchmark in Release, and runs bench/Ledger.Bench,
# which starts the API as separate processes. On exit, also on Ctrl+C, it stops every process it
# started and removes the cluster. The table and the service logs are kept in bench/.runs/<time>/.
#
# Options:
#   --quick            smaller sizes, about 3 minutes: a smoke run whose numbers are not comparable
#                      with a full run
#   --commit REV       measure a committed revision: build src/ of REV from a clean export, with the
#                      bench/ folder of the checkout, instead of building the checkout as it is
#   --scenarios LIST   comma-separated subset of follow,mixed,reads,cold-start,rebuild
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run_started=$SECONDS
# Linux limits a unix socket path to 107 bytes, so the cluster lives under /tmp.
work_dir=""
pg_bin=""
pg_data=""
pg_port=""
pg_started=false
bench_pid=""
commit=""
bench_args=()

log() {
    printf 'bench/run.sh: %s\n' "$*" >&2
}

fail() {
    log "error: $*"
    exit 1
}

as_cluster_owner() {
    if ((EUID == 0)); then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Stops what this run started: the benchmark, the service processes it lists, and the cluster.
cleanup() {
    local status=$?
    # A second Ctrl+C must not cut the cleanup short and leave the cluster running.
    trap - EXIT
    trap '' INT TERM

    if [[ -n "$bench_pid" ]] && kill -0 "$bench_pid" 2>/dev/null; then
        log "stopping the benchmark (pid $bench_pid)"
        kill -TERM "$bench_pid" 2>/dev/null || true
        local waited=0
        while kill -0 "$bench_pid" 2>/dev/null && ((waited < 150)); do
            sleep 0.2
            waited=$((waited + 1))
        done
        kill -KILL "$bench_pid" 2>/dev/null || true
    fi

    if [[ -n "$work_dir" && -f "$work_dir/children.pid" ]]; then
        local pid
        while read -r pid; do
            if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
                log "stopping service process $pid"
                kill -KILL "$pid" 2>/dev/null || true
            fi
        done <"$work_dir/children.pid"
    fi

    if [[ "$pg_started" == true ]]; then
        as_cluster_owner "$pg_bin/pg_ctl" stop -D "$pg_data" -m fast -w >/dev/null || log "pg_ctl stop failed"
    fi

    if [[ -n "$work_dir" ]]; then
        rm -rf "$work_dir"
    fi

    exit "$status"
}

parse_args() {
    while (($# > 0)); do
        case "$1" in
            --quick) bench_args+=(--quick) ;;
            --commit)
                (($# > 1)) || fail "--commit needs a revision"
                commit="$2"
                shift
                ;;
            --scenarios)
                (($# > 1)) || fail "--scenarios needs a list"
                bench_args+=(--scenarios "$2")
                shift
                ;;
            -h | --help)
                sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
                exit 0
                ;;
            *) fail "unknown option '$1'; see --help" ;;
        esac
        shift
    done
}

# Sets pg_bin to the bin folder of the highest installed PostgreSQL major version.
find_pg_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            if [[ -z "$pg_bin" ]] || [[ "$(printf '%s\n%s\n' "$pg_bin" "$dir" | sort -V | tail -n 1)" == "$dir" ]]; then
                pg_bin="$dir"
            fi
        fi
    done
    [[ -n "$pg_bin" ]] || fail "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin;" \
        "install them with 'apt-get install -y postgresql'"
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Starts a durable cluster on a free port of 127.0.0.1 and sets pg_port.
start_cluster() {
    local pg_root="$work_dir/pg"
    pg_data="$pg_root/data"
    mkdir -p "$pg_root"
    if ((EUID == 0)); then
        chown postgres "$pg_root"
    fi

    as_cluster_owner "$pg_bin/initdb" -D "$pg_data" -U postgres -E UTF8 --no-locale --auth=trust \
        >"$work_dir/initdb.log" 2>&1 || fail "initdb failed, see $work_dir/initdb.log"

    # Durable settings, as in production; pg_stat_statements counts the statements of each request.
    local settings="-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=300"
    settings+=" -c shared_preload_libraries=pg_stat_statements"

    local attempt port
    for attempt in 1 2 3; do
        port=$((20000 + RANDOM % 40000))
        port_in_use "$port" && continue
        pg_started=true
        if as_cluster_owner "$pg_bin/pg_ctl" start -D "$pg_data" -l "$pg_root/postgres.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k '$pg_root' $settings" >/dev/null; then
            pg_port="$port"
            return
        fi
        [[ -f "$pg_data/postmaster.pid" ]] || pg_started=false
        log "PostgreSQL did not start on port $port (attempt $attempt)"
    done
    tail -n 20 "$pg_root/postgres.log" >&2 || true
    fail "PostgreSQL failed to start, see the log above"
}

# Prints the folder to build from: the checkout, or a clean export of --commit with this checkout's bench/.
prepare_sources() {
    if [[ -z "$commit" ]]; then
        printf '%s\n' "$repo_root"
        return
    fi

    local source_root="$work_dir/source"
    mkdir -p "$source_root"
    git -C "$repo_root" archive "$commit" | tar -x -C "$source_root"
    rm -rf "$source_root/bench"
    mkdir -p "$source_root/bench"
    tar -C "$repo_root/bench" --exclude=bin --exclude=obj --exclude=.runs -cf - . | tar -C "$source_root/bench" -xf -
    printf '%s\n' "$source_root"
}

main() {
    parse_args "$@"
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    command -v dotnet >/dev/null 2>&1 || fail "dotnet not found: install the .NET 10 SDK (see global.json)"
    find_pg_bin
    work_dir="$(mktemp -d /tmp/ledger-bench.XXXXXX)"
    chmod 755 "$work_dir"

    local revision
    revision="$(git -C "$repo_root" rev-parse --short "${commit:-HEAD}")"
    if [[ -z "$commit" ]] && [[ -n "$(git -C "$repo_root" status --porcelain -- src)" ]]; then
        revision="$revision with uncommitted changes in src/"
    fi

    local source_root
    source_root="$(prepare_sources)"
    log "building the API and the benchmark in Release from $source_root (revision $revision)"
    dotnet build "$source_root/src/Ledger.Api" -c Release -nologo -v quiet >"$work_dir/build-api.log" 2>&1 \
        || { tail -n 30 "$work_dir/build-api.log" >&2; fail "building src/Ledger.Api failed"; }
    dotnet build "$source_root/bench/Ledger.Bench" -c Release -nologo -v quiet >"$work_dir/build-bench.log" 2>&1 \
        || { tail -n 30 "$work_dir/build-bench.log" >&2; fail "building bench/Ledger.Bench failed"; }

    start_cluster
    log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port, data in $pg_data"

    local results_dir
    results_dir="$repo_root/bench/.runs/$(date -u +%Y%m%dT%H%M%SZ)"
    mkdir -p "$results_dir"
    {
        printf 'command: ./bench/run.sh %s\n' "$*"
        printf 'revision: %s\n' "$revision"
    } | tee "$results_dir/table.md"

    dotnet "$source_root/bench/Ledger.Bench/bin/Release/net10.0/Ledger.Bench.dll" \
        --pg-port "$pg_port" \
        --pg-pid "$(head -n 1 "$pg_data/postmaster.pid")" \
        --api-dll "$source_root/src/Ledger.Api/bin/Release/net10.0/Ledger.Api.dll" \
        --log-dir "$results_dir/logs" \
        --pid-file "$work_dir/children.pid" \
        "${bench_args[@]}" >>"$results_dir/table.md" &
    bench_pid=$!
    local bench_status=0
    wait "$bench_pid" || bench_status=$?
    bench_pid=""
    cat "$results_dir/table.md" | tail -n +3
    ((bench_status == 0)) || fail "the benchmark exited with status $bench_status; logs in $results_dir/logs"
    log "done in $((SECONDS - run_started)) s, including the build; table and logs in $results_dir"
}

main "$@"
