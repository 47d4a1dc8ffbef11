#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: checks the formatting (.swift-format, lint mode), installs
# the Python peers (slipcore, tiktoken, llama.cpp's server) into .venv, fetches the tokenizer rank files,
# builds with warnings as errors and runs every test, including the differential and real-server suites.
set -euo pipefail
cd "$(dirname "$0")/.."

# `swift format -i -r` over the same paths fixes what this reports.
swift format lint --strict --parallel -r Sources Tests Benchmarks/Sources Benchmarks/Benchmarks Package.swift Benchmarks/Package.swift

venv=${SLIPSTREAM_VENV:-$PWD/.venv}
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/pip" install --quiet --disable-pip-version-check \
    -r scripts/requirements-test.txt -r scripts/llm/requirements.txt

export SLIPSTREAM_PYTHON="$venv/bin/python"
export SLIPSTREAM_LLAMA_SERVER="$venv/bin/python"
export SLIPSTREAM_CACHE_DIR=${SLIPSTREAM_CACHE_DIR:-$PWD/.cache/slipstream}

swift build --build-tests -Xswiftc -warnings-as-errors
if .build/debug/slipstream assets --help >/dev/null 2>&1; then
    .build/debug/slipstream assets fetch
fi
swift test --skip-build
