#!/usr/bin/env bash
# Wire parse/format throughput: Swift (Benchmarks/WireBenchmark, release) beside slipcore 3.1.1 (Python),
# same 10,000 valid v3 wires, same run, each on one core (taskset). Prints both and the ratios.
# Needs a Python with slipcore: SLIPSTREAM_PYTHON (default .venv/bin/python). SLIPSTREAM_BENCH_SCRATCH is the
# Benchmarks package's build folder (default Benchmarks/.build). With `--training DATASET` the input is the SLIP lines of a v3
# training file that slipcore accepts (e.g. ../shared/data/tqt-v3-train.jsonl) instead of generated wires.
set -euo pipefail
training=""
if [ "${1:-}" = --training ]; then training=$(realpath "$2"); fi
cd "$(dirname "$0")/.."
PY=${SLIPSTREAM_PYTHON:-.venv/bin/python}
SCRATCH=${SLIPSTREAM_BENCH_SCRATCH:-Benchmarks/.build}
file=$(mktemp)
trap 'rm -f "$file"' EXIT
if [ -n "$training" ]; then
    "$PY" scripts/bench_wire.py "$file" --write-training "$training"
else
    "$PY" scripts/bench_wire.py "$file" --write --count 10000
fi
swift build -c release --package-path Benchmarks --scratch-path "$SCRATCH" --product WireBenchmark >/dev/null
swift_json=$(taskset -c 0 "$SCRATCH/release/WireBenchmark" "$file" 3)
py_json=$(taskset -c 0 "$PY" scripts/bench_wire.py "$file" --seconds 3)
"$PY" - "$swift_json" "$py_json" <<'PY'
import json, sys
s, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
for k, theirs in (("parsePerSecond", "parsePerSecond"), ("formatPerSecond", "formatPerSecond"), ("formatValidatedPerSecond", "formatPerSecond"), ("readFieldsPerSecond", "formatPerSecond"), ("makeWirePerSecond", "formatPerSecond")):
    print(f"{k[:-9]:>15}: swift {s[k]:>12,} msg/s   slipcore {p[theirs]:>10,} msg/s   ratio {s[k] / p[theirs]:.1f}x")
PY
