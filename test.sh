#!/usr/bin/env bash
# Runs the test suite. Extra arguments go to `dotnet test` (for example --filter).
#
# Integration tests take PostgreSQL from LEDGER_TEST_CONNECTION_STRING, else from a Docker engine
# (Testcontainers), else from a throwaway cluster started with the binaries in /usr/lib/postgresql/*/bin.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

generated_dir=src/Ledger.Api/Internal/Generated

log() {
    printf 'test.sh: %s\n' "$*" >&2
}

fail() {
    log "error: $*"
    exit 1
}

have_pg_binaries() {
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

ensure_pg_binaries() {
    if have_pg_binaries; then
        return
    fi

    if ((EUID != 0)); then
        fail "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin and no Docker engine responds." \
            "Install them with 'sudo apt-get install -y postgresql', start a Docker engine," \
            "or set LEDGER_TEST_CONNECTION_STRING to an existing database."
    fi

    log "PostgreSQL server binaries not found, installing the postgresql package"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; then
        # A fresh machine may have no package lists yet.
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
    fi
    have_pg_binaries || fail "the postgresql package is installed but /usr/lib/postgresql/*/bin/initdb is missing"
}

# Regenerates the Wolverine and Marten code and fails when it differs from the committed files.
check_generated_code() {
    if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        return
    fi
    if [[ -z "$(git ls-files -- "$generated_dir")" ]]; then
        return
    fi

    log "regenerating $generated_dir"
    # The API's startup reads the connection string and token signing key, which appsettings.Development.json
    # provides. codegen write builds the handlers without opening a database connection.
    (cd src/Ledger.Api && ASPNETCORE_ENVIRONMENT=Development dotnet run -c Release -- codegen write) \
        || fail "codegen write failed for src/Ledger.Api, see the output above"

    local changes
    changes="$(git status --porcelain -- "$generated_dir")"
    if [[ -n "$changes" ]]; then
        printf '%s\n' "$changes" >&2
        fail "the generated code in $generated_dir differs from the committed files." \
            "Review and commit the regenerated files listed above."
    fi
}

if [[ -z "${ConnectionStrings__Ledger:-}" && -z "${LEDGER_TEST_CONNECTION_STRING:-}" ]] \
    && ! { command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1; }; then
    ensure_pg_binaries
fi

check_generated_code

exec dotnet test Ledger.sln -c Release "$@"
