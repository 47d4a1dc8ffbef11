#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: checks the formatting (.swift-format, lint mode), installs
# the Python peers (slipcore, tiktoken, llama.cpp's server) into .venv, starts a PostgreSQL server, fetches
# the tokenizer rank files, builds with warnings as errors and runs every test, including the differential
# and real-server suites.
set -euo pipefail
cd "$(dirname "$0")/.."

# `swift format -i -r` over the same paths fixes what this reports.
swift format lint --strict --parallel -r Sources Tests Benchmarks/Sources Benchmarks/Benchmarks Package.swift Benchmarks/Package.swift

venv=${SLIPSTREAM_VENV:-$PWD/.venv}
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/pip" install --quiet --disable-pip-version-check \
    -r scripts/requirements-test.txt -r scripts/llm/requirements.txt

# A real PostgreSQL server for the storage tests, unless SLIPSTREAM_POSTGRES_URL names one: a throwaway
# cluster in a temporary folder on a free port (as the postgres user when run as root), stopped at exit.
if [ -z "${SLIPSTREAM_POSTGRES_URL:-}" ]; then
    pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$pgbin" ]; then
        pgdata=$(mktemp -d)
        as_pg=()
        if [ "$(id -u)" = 0 ]; then
            chown postgres "$pgdata"
            as_pg=(runuser -u postgres --)
        fi
        port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
        "${as_pg[@]}" "$pgbin/initdb" -D "$pgdata" -A trust -U postgres >/dev/null
        # TLS with a throwaway CA when openssl is there (clients that prefer TLS get it; the sslmode=verify-full
        # tests trust the CA), and room for the connections of the many stores the tests open at once.
        options="-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c max_connections=300"
        if command -v openssl >/dev/null; then
            key=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
            (cd "$pgdata" &&
                "${as_pg[@]}" openssl req -x509 "${key[@]}" -days 2 -subj "/CN=Slipstream test CA" -keyout ca-key.pem -out ca.pem &&
                "${as_pg[@]}" openssl req -new "${key[@]}" -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
                    -keyout server-key.pem -out server.csr &&
                "${as_pg[@]}" openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -set_serial 2 -copy_extensions copy \
                    -days 2 -out server.pem)
            options+=" -c ssl=on -c ssl_cert_file=server.pem -c ssl_key_file=server-key.pem"
            export SLIPSTREAM_POSTGRES_CA_CERT="$pgdata/ca.pem"
        fi
        "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -o "$options" start >/dev/null
        trap '"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null; rm -rf "$pgdata"' EXIT
        "${as_pg[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U postgres slipstream
        export SLIPSTREAM_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/slipstream"
    else
        echo "PostgreSQL is not installed: the PostgreSQL store tests will be skipped" >&2
    fi
fi

export SLIPSTREAM_PYTHON="$venv/bin/python"
export SLIPSTREAM_LLAMA_SERVER="$venv/bin/python"
export SLIPSTREAM_CACHE_DIR=${SLIPSTREAM_CACHE_DIR:-$PWD/.cache/slipstream}

swift build --build-tests -Xswiftc -warnings-as-errors
if .build/debug/slipstream assets --help >/dev/null 2>&1; then
    .build/debug/slipstream assets fetch
fi
swift test --skip-build
