#!/usr/bin/env python3
"""A small translating proxy: Ollama's native `POST /api/chat` in front of llama.cpp's server.

Ollama itself cannot be installed on the test machine, so the Ollama backend's test talks to this
process, which turns each `/api/chat` request into an OpenAI-style `/v1/chat/completions` request
to the real llama.cpp server and turns the answer back into Ollama's shape: one JSON object, or
newline-delimited JSON objects when `stream` is true (Ollama's default), ending with `"done": true`.

Only what the Slipstream engine uses is translated: `model`, `messages`, `stream`, `format`
(a JSON schema or "json") and `options.temperature` / `options.num_predict`.

Usage (normally through serve.py --ollama):
    ollama_proxy.py UPSTREAM_URL [--port 0]
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def translate_request(body: dict) -> dict:
    """The OpenAI-compatible request for an Ollama /api/chat body."""
    options = body.get("options") or {}
    out = {
        "model": body.get("model", ""),
        "messages": body.get("messages", []),
        "stream": body.get("stream", True),
    }
    if "temperature" in options:
        out["temperature"] = options["temperature"]
    if "num_predict" in options:
        out["max_tokens"] = options["num_predict"]
    fmt = body.get("format")
    if isinstance(fmt, dict):
        out["response_format"] = {"type": "json_schema", "json_schema": {"name": "format", "schema": fmt}}
    elif fmt == "json":
        out["response_format"] = {"type": "json_object"}
    return out


def make_handler(upstream: str):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # quiet
            pass

        def send_json(self, status: int, obj: dict) -> None:
            data = json.dumps(obj).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            if self.path in ("/", "/api/version"):
                self.send_json(200, {"version": "0.0.0-proxy"})
            else:
                self.send_json(404, {"error": f"no route {self.path}"})

        def do_POST(self):
            if self.path != "/api/chat":
                self.send_json(404, {"error": f"no route {self.path}"})
                return
            try:
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length) or b"{}")
            except ValueError as e:
                self.send_json(400, {"error": f"invalid JSON body: {e}"})
                return
            request = translate_request(body)
            model = body.get("model", "")
            req = urllib.request.Request(
                upstream + "/v1/chat/completions",
                data=json.dumps(request).encode(),
                headers={"Content-Type": "application/json"},
            )
            try:
                upstream_response = urllib.request.urlopen(req, timeout=600)
            except urllib.error.HTTPError as e:
                detail = e.read().decode(errors="replace")
                self.send_json(e.code, {"error": detail})
                return
            except OSError as e:
                self.send_json(502, {"error": f"upstream unreachable: {e}"})
                return
            with upstream_response:
                if not request["stream"]:
                    answer = json.load(upstream_response)
                    choice = answer["choices"][0]
                    usage = answer.get("usage") or {}
                    self.send_json(200, {
                        "model": model,
                        "message": {"role": "assistant", "content": choice["message"].get("content") or ""},
                        "done": True,
                        "done_reason": choice.get("finish_reason") or "stop",
                        "prompt_eval_count": usage.get("prompt_tokens", 0),
                        "eval_count": usage.get("completion_tokens", 0),
                    })
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/x-ndjson")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                reason = "stop"
                try:
                    for raw in upstream_response:
                        line = raw.decode().strip()
                        if not line.startswith("data:"):
                            continue
                        data = line[5:].strip()
                        if data == "[DONE]":
                            break
                        chunk = json.loads(data)
                        for choice in chunk.get("choices", []):
                            piece = (choice.get("delta") or {}).get("content")
                            if piece:
                                self.write_chunk({"model": model, "message": {"role": "assistant", "content": piece}, "done": False})
                            if choice.get("finish_reason"):
                                reason = choice["finish_reason"]
                    self.write_chunk({"model": model, "message": {"role": "assistant", "content": ""}, "done": True, "done_reason": reason})
                    self.wfile.write(b"0\r\n\r\n")
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client went away (for example after its timeout)

        def write_chunk(self, obj: dict) -> None:
            data = (json.dumps(obj) + "\n").encode()
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

    return Handler


def start(upstream: str, host: str = "127.0.0.1", port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Start the proxy in a daemon thread; return the server and its URL."""
    server = ThreadingHTTPServer((host, port), make_handler(upstream.rstrip("/")))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("upstream", help="base URL of the llama.cpp server")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    server, url = start(args.upstream, args.host, args.port)
    print(f"SERVING {url}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
        sys.exit(0)


if __name__ == "__main__":
    main()
