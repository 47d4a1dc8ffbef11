"""Runs slipcore 3.1.1's SLIP-A2A reference helper (extensions/a2a-slipstream/v1/a2a_slipstream.py) for the
differential tests in Tests/SlipstreamA2ATests.

The helper ships only in slipcore's sdist (not in the wheel), so it is fetched as CI would: `pip download
--no-deps --no-binary :all: slipcore==3.1.1` into a temporary folder, and that one file is extracted into
$SLIPSTREAM_CACHE_DIR/slipcore-3.1.1/ (or a temporary folder). It is never committed.

    python a2a_slipstream_oracle.py hash FILE...   one stable_ucr_hash per codebook file
    python a2a_slipstream_oracle.py build           JSON lines of build_slip_a2a_message keyword arguments
                                                    -> one message per line
    python a2a_slipstream_oracle.py extract         message JSON lines -> {"wire": extract_slip_wire_...}
    python a2a_slipstream_oracle.py card            JSON lines of build_agentcard_extension keyword arguments
"""

import importlib.util
import json
import os
import subprocess
import sys
import tarfile
import tempfile

VERSION = "3.1.1"
MEMBER = f"slipcore-{VERSION}/extensions/a2a-slipstream/v1/a2a_slipstream.py"


def helper_path() -> str:
    cache = os.environ.get("SLIPSTREAM_CACHE_DIR") or tempfile.gettempdir()
    folder = os.path.join(cache, f"slipcore-{VERSION}")
    path = os.path.join(folder, "a2a_slipstream.py")
    if os.path.exists(path):
        return path
    with tempfile.TemporaryDirectory() as download:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
             f"slipcore=={VERSION}", "-d", download],
            check=True, stdout=sys.stderr)
        sdist = next(os.path.join(download, name) for name in os.listdir(download) if name.endswith(".tar.gz"))
        with tarfile.open(sdist) as archive:
            data = archive.extractfile(MEMBER).read()
    os.makedirs(folder, exist_ok=True)
    partial = path + ".partial"
    with open(partial, "wb") as out:
        out.write(data)
    os.replace(partial, path)
    return path


def load_helper():
    spec = importlib.util.spec_from_file_location("a2a_slipstream", helper_path())
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dump(value) -> None:
    print(json.dumps(value, separators=(",", ":"), ensure_ascii=False))


def main() -> None:
    helper = load_helper()
    command, args = sys.argv[1], sys.argv[2:]
    if command == "hash":
        for name in args:
            with open(name, encoding="utf-8") as f:
                print(helper.stable_ucr_hash(json.load(f)))
        return
    for line in sys.stdin:
        if not line.strip():
            continue
        item = json.loads(line)
        if command == "build":
            dump(helper.build_slip_a2a_message(**item))
        elif command == "extract":
            dump({"wire": helper.extract_slip_wire_from_a2a_message(item)})
        elif command == "card":
            dump(helper.build_agentcard_extension(**item))
        else:
            raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    main()
