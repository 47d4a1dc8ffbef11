#!/usr/bin/env python3
"""Serve a GGUF model with llama.cpp's own HTTP server (from the `xllamacpp` wheel).

Starts llama.cpp's server on 127.0.0.1 with one thread, prints one line
`SERVING http://127.0.0.1:PORT` on stdout once /health answers, then runs until it is
terminated (SIGTERM, SIGINT) or, with `--exit-on-eof`, its standard input closes (so a
test process that dies takes its server with it). One thread matters: on a 2-core machine two busy-waiting workers make
llama.cpp hundreds of times slower.

Usage:
    serve.py MODEL.gguf [--port 0] [--ctx 8192] [--parallel 2]

`--port 0` (the default) picks a free port. With `--ollama`, the printed URL is that of
ollama_proxy.py, which speaks Ollama's `/api/chat` in front of the llama.cpp server.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
import urllib.request

try:
    import xllamacpp as xlc
except ImportError:  # pragma: no cover - message for a missing venv
    sys.exit("serve.py: the `xllamacpp` package is missing (pip install -r scripts/llm/requirements.txt)")


def wait_healthy(url: str, deadline: float) -> None:
    """Poll URL/health until it answers ok or DEADLINE passes."""
    while True:
        try:
            with urllib.request.urlopen(url + "/health", timeout=2) as r:
                if json.load(r).get("status") == "ok":
                    return
        except Exception:
            pass
        if time.monotonic() > deadline:
            sys.exit(f"serve.py: {url}/health did not answer in time")
        time.sleep(0.02)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", help="path of the .gguf model")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0, help="0 picks a free port")
    ap.add_argument("--ctx", type=int, default=8192, help="context size in tokens")
    ap.add_argument("--parallel", type=int, default=2, help="number of slots")
    ap.add_argument("--alias", default="slipstream-tiny", help="model name the server reports")
    ap.add_argument("--ollama", action="store_true",
                    help="also start ollama_proxy.py in front of the server and print its URL instead")
    ap.add_argument("--exit-on-eof", action="store_true", help="stop when standard input closes")
    ap.add_argument("--verbose", action="store_true", help="keep llama.cpp's log")
    args = ap.parse_args()
    if not os.path.isfile(args.model):
        sys.exit(f"serve.py: no model file at {args.model}")

    p = xlc.CommonParams()
    p.model.path = args.model
    p.model_alias = {args.alias}
    p.hostnames = [args.host]
    p.port = args.port  # 0: llama.cpp binds a free port
    p.n_ctx = args.ctx
    p.n_parallel = args.parallel
    p.n_gpu_layers = 0
    p.use_jinja = True
    p.ctx_shift = True  # a model that never stops keeps generating until the client leaves
    p.warmup = False
    p.cpuparams.n_threads = 1
    p.cpuparams_batch.n_threads = 1
    if not args.verbose:
        p.verbosity = -1

    server = xlc.Server(p)
    url = server.listening_address.rstrip("/")
    wait_healthy(url, time.monotonic() + 60)
    if args.ollama:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import ollama_proxy

        _proxy, proxy_url = ollama_proxy.start(url, args.host)
        print(f"SERVING {proxy_url} (Ollama /api/chat proxy for {url})", flush=True)
    else:
        print(f"SERVING {url}", flush=True)

    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())

    def watch_stdin() -> None:
        try:
            while sys.stdin.read(4096):
                pass
        except Exception:
            pass
        done.set()

    if args.exit_on_eof:
        threading.Thread(target=watch_stdin, daemon=True).start()
    done.wait()
    del server
    os._exit(0)


if __name__ == "__main__":
    main()
