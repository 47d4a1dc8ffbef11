#!/usr/bin/env python3
"""A real MCP peer for `slipstream mcp`: the official Python MCP client (`mcp` from PyPI) launches the
server as a stdio subprocess, initializes, lists the tools, resources and prompts, calls every tool with
valid and invalid arguments, and checks each result against what the `slipstream` CLI prints for the same
input. Then it writes malformed JSON-RPC to a fresh server's stdin and checks that the server answers with
errors, keeps serving and exits cleanly when stdin closes.

Usage: mcp_peer.py SLIPSTREAM_BINARY WORK_DIR [SHARED_DATA_DIR]

WORK_DIR holds the fallback store and the hub store (SQLite files shared by the server and the CLI); the
hub tools are also run against a `slipstream hub serve` process (--hub URL --hub-token). The rank files for
slip_tokens come from $SLIPSTREAM_CACHE_DIR (`slipstream assets fetch`); without them the tool must fail
with rankFileMissing. Prints one line per check and ends with 'N passed, N failed'; exits 1 on a failure.
"""

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

import anyio
import httpx2
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import MCPError

BINARY, WORK = sys.argv[1], sys.argv[2]
SHARED_DATA = sys.argv[3] if len(sys.argv) > 3 else None
STORE = os.path.join(WORK, "fallback.sqlite")
HUB = os.path.join(WORK, "hub.sqlite")
TOOLS = [
    "slip_encode", "slip_decode", "slip_validate", "slip_translate", "slip_render", "slip_anchors", "slip_tokens",
    "slip_send", "slip_receive", "slip_ack", "slip_join", "slip_leave", "slip_members",
]

passed, failed = 0, 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")


def cli(*args, stdin=""):
    """Runs the slipstream CLI; returns (status, stdout, stderr)."""
    run = subprocess.run([BINARY, *args], input=stdin, capture_output=True, text=True, timeout=120)
    return run.returncode, run.stdout, run.stderr


def texts(result):
    return [block.text for block in result.content if block.type == "text"]


async def call(session, name, arguments):
    return await session.call_tool(name, arguments)


async def expect_ok(session, label, name, arguments):
    result = await call(session, name, arguments)
    check(f"{label}: not an error", not result.is_error, texts(result))
    return result


async def expect_error(session, label, name, arguments, code, **fields):
    result = await call(session, name, arguments)
    error = (result.structured_content or {}).get("error") or {}
    check(f"{label}: is a tool error", result.is_error, texts(result))
    check(f"{label}: code {code}", error.get("code") == code, error)
    check(f"{label}: has a message", bool(error.get("message")), error)
    for key, value in fields.items():
        check(f"{label}: {key} {value!r}", error.get(key) == value, error)
    return error


async def session_checks():
    params = StdioServerParameters(
        command=BINARY, args=["mcp", "--fallback-store", STORE, "--hub-store", HUB, "--log-level", "info"], env=dict(os.environ)
    )
    async with stdio_client(params) as (read, write), ClientSession(read, write, read_timeout_seconds=120) as session:
        await tool_checks(session)


async def tool_checks(session):
    """Every tool, resource and prompt, each result checked against the CLI on the same stores."""
    init = await session.initialize()
    check("initialize: server is slipstream", init.server_info.name == "slipstream", init.server_info)
    check("initialize: tools capability", init.capabilities.tools is not None, init.capabilities)

    tools = (await session.list_tools()).tools
    check("tools/list: every tool", [t.name for t in tools] == TOOLS, [t.name for t in tools])
    check(
        "tools/list: object schemas",
        all(t.input_schema.get("type") == "object" and t.input_schema.get("properties") for t in tools),
        [t.input_schema for t in tools],
    )
    # With an output schema the client validates every successful result against it (call_tool).
    check(
        "tools/list: output schemas", all((t.output_schema or {}).get("type") == "object" for t in tools),
        [t.output_schema for t in tools],
    )

    # slip_encode against `slipstream encode` (json and tqt formats).
    text = "Tell bob to review my authentication code"
    for extra, arguments in [
        ([], {}),
        (["--to", "carol", "--wire", "v3"], {"to": "carol", "wire": "v3"}),
        (["--engine", "keyword"], {"engine": "keyword"}),
    ]:
        label = f"slip_encode {arguments}"
        result = await expect_ok(session, label, "slip_encode", {"text": text, "from": "alice", **arguments})
        _, json_line, _ = cli("encode", text, "--from", "alice", "--format", "json", *extra)
        _, record, _ = cli("encode", text, "--from", "alice", *extra)
        check(f"{label}: structured == CLI json", result.structured_content == json.loads(json_line), result.structured_content)
        check(f"{label}: texts == CLI json and TQT record", texts(result) == [json_line.strip(), record.strip()], texts(result))
    fallback_text = "zebra quantum banana sunrise"
    result = await expect_ok(
        session, "slip_encode v3 fallback", "slip_encode", {"text": fallback_text, "from": "alice", "wire": "v3"}
    )
    wire = result.structured_content["wire"]
    if result.structured_content["anchor"] == "Fallback":
        status, back, err = cli("translate", "--to", "v1", "--fallback-store", STORE, stdin=wire + "\n")
        check("slip_encode v3 fallback: the CLI resolves its ref from the same store", fallback_text in back, (back, err))
    await expect_error(session, "slip_encode without from", "slip_encode", {"text": text}, "missing_argument", argument="from")
    await expect_error(
        session, "slip_encode unknown engine", "slip_encode", {"text": text, "from": "a", "engine": "llm"},
        "invalid_argument", argument="engine",
    )
    await expect_error(
        session, "slip_encode text over 4 KiB", "slip_encode", {"text": "x" * 5000, "from": "a"},
        "argument_too_long", argument="text", offset=4096,
    )

    # slip_decode against `slipstream decode --json`.
    for wire in ["SLIP v1 alice bob RequestReview auth_module", "SLIP v3 planner exec Request Plan timeline", "slip v1 a b requestreview x:y"]:
        result = await expect_ok(session, f"slip_decode {wire!r}", "slip_decode", {"wire": wire})
        _, line, _ = cli("decode", "--json", wire)
        check(f"slip_decode {wire!r}: == CLI", result.structured_content == json.loads(line), result.structured_content)
        check(f"slip_decode {wire!r}: text == CLI line", texts(result) == [line.strip()], texts(result))
    bad = "SLIP v1 a b RequestTask x:y"
    _, line, _ = cli("decode", "--json", "--strict", bad)
    cli_error = json.loads(line)["error"]
    await expect_error(
        session, "slip_decode strict bad payload", "slip_decode", {"wire": bad, "profile": "strict"},
        cli_error["code"], offset=cli_error["offset"], message=cli_error["message"], argument="wire",
    )
    await expect_error(session, "slip_decode wire not a string", "slip_decode", {"wire": 42}, "invalid_argument")
    await expect_error(
        session, "slip_decode unknown argument", "slip_decode", {"wire": bad, "wires": bad}, "unknown_argument",
        argument="wires",
    )
    long_wire = "SLIP v1 a b RequestTask " + "x" * 5000
    _, line, _ = cli("decode", "--json", long_wire)
    await expect_error(session, "slip_decode over 4 KiB", "slip_decode", {"wire": long_wire}, "line_too_long")

    # slip_validate against `slipstream validate --json` (its object without the line number).
    for wire in ["SLIP v1 a b RequestTask ok", bad, "SLIP v3 a b Request Plan", "nonsense"]:
        for profile in ["strict", "lenient"]:
            result = await expect_ok(session, f"slip_validate {wire!r} {profile}", "slip_validate", {"wire": wire, "profile": profile})
            _, line, _ = cli("validate", "--json", f"--{profile}", stdin=wire + "\n")
            expected = json.loads(line)
            del expected["line"]
            check(f"slip_validate {wire!r} {profile}: == CLI", result.structured_content == expected, (result.structured_content, expected))
    await expect_error(
        session, "slip_validate bad profile", "slip_validate", {"wire": bad, "profile": "loose"}, "invalid_argument",
        argument="profile",
    )

    # slip_translate against `slipstream translate`, sharing the SQLite fallback store with the CLI.
    for wire, to in [
        ("SLIP v1 product_manager planner RequestPlan feature_x_release", "v3"),
        ("SLIP v3 planner exec Request Plan timeline", "v1"),
        ("SLIP v3 a b Fallback Generic ref0badc0de", "v1"),
    ]:
        result = await expect_ok(session, f"slip_translate {wire!r}", "slip_translate", {"wire": wire, "to": to})
        status, out, err = cli("translate", "--to", to, "--fallback-store", STORE, stdin=wire + "\n")
        check(f"slip_translate {wire!r}: wire == CLI", result.structured_content["wire"] == out.strip(), (result.structured_content, out))
        losses = [line.removeprefix("line 1: ") for line in err.splitlines() if line.startswith("line 1: ")]
        check(f"slip_translate {wire!r}: losses == CLI", result.structured_content["losses"] == losses, (result.structured_content, err))
    v1 = 'SLIP v1 alice bob Fallback "rotate the staging keys before friday"'
    result = await expect_ok(session, "slip_translate fallback to v3", "slip_translate", {"wire": v1, "to": "v3"})
    v3 = result.structured_content["wire"]
    _, out, err = cli("translate", "--to", "v1", "--fallback-store", STORE, stdin=v3 + "\n")
    check("slip_translate fallback: the CLI resolves the server's ref", out.strip() == v1, (v3, out, err))
    _, out, _ = cli("translate", "--to", "v3", "--fallback-store", STORE, stdin='SLIP v1 a b Fallback "written by the CLI"\n')
    result = await expect_ok(session, "slip_translate CLI ref", "slip_translate", {"wire": out.strip(), "to": "v1"})
    check(
        "slip_translate fallback: the server resolves the CLI's ref",
        result.structured_content["wire"] == 'SLIP v1 a b Fallback "written by the CLI"', result.structured_content,
    )
    await expect_error(session, "slip_translate without to", "slip_translate", {"wire": v1}, "missing_argument", argument="to")
    await expect_error(session, "slip_translate to v2", "slip_translate", {"wire": v1, "to": "v2"}, "invalid_argument")
    _, line, _ = cli("decode", "--json", "hello")
    cli_error = json.loads(line)["error"]
    await expect_error(
        session, "slip_translate not a wire", "slip_translate", {"wire": "hello", "to": "v3"}, cli_error["code"],
        offset=cli_error["offset"],
    )

    # slip_render: the human line is what `slipstream decode` prints.
    for wire in ["SLIP v1 alice bob RequestReview auth_module", "SLIP v3 planner exec Request Plan timeline"]:
        result = await expect_ok(session, f"slip_render {wire!r}", "slip_render", {"wire": wire})
        _, human, _ = cli("decode", wire)
        check(f"slip_render {wire!r}: human == CLI", result.structured_content["human"] == human.strip(), result.structured_content)
        check(f"slip_render {wire!r}: log line", " | " in result.structured_content["log"], result.structured_content)
    await expect_error(session, "slip_render empty", "slip_render", {"wire": ""}, "empty")

    # slip_anchors against `slipstream anchors --json` and `ucr hash`.
    for ucr in ["v1", "v3"]:
        result = await expect_ok(session, f"slip_anchors {ucr}", "slip_anchors", {"ucr": ucr})
        _, out, _ = cli("anchors", "--ucr", ucr, "--json")
        expected = [json.loads(line) for line in out.splitlines()]
        check(f"slip_anchors {ucr}: == CLI", result.structured_content["anchors"] == expected, len(expected))
        _, digest, _ = cli("ucr", "hash", "--ucr", ucr)
        check(f"slip_anchors {ucr}: hash == CLI", result.structured_content["hash"] == digest.strip(), result.structured_content["hash"])
    await expect_error(session, "slip_anchors v2", "slip_anchors", {"ucr": "v2"}, "invalid_argument")

    # slip_tokens against `slipstream tokens --json`, or the missing-asset error.
    for encoding in ["cl100k_base", "o200k_base"]:
        text = "SLIP v1 alice bob RequestReview auth_module — 数据 🚀"
        status, out, err = cli("tokens", "--tokenizer", encoding, "--json", text)
        if status == 0:
            result = await expect_ok(session, f"slip_tokens {encoding}", "slip_tokens", {"text": text, "encoding": encoding})
            check(f"slip_tokens {encoding}: == CLI", result.structured_content == json.loads(out), (result.structured_content, out))
        else:
            await expect_error(
                session, f"slip_tokens {encoding} without rank file", "slip_tokens", {"text": text, "encoding": encoding},
                "rankFileMissing",
            )
    await expect_error(session, "slip_tokens p50k_base", "slip_tokens", {"text": "x", "encoding": "p50k_base"}, "invalid_argument")

    # Concurrent calls: 40 Fallback texts through the SQLite store at once, then back.
    texts_sent = [f"concurrent fallback text number {i}" for i in range(40)]
    wires = {}

    async def to_v3(text):
        result = await session.call_tool("slip_translate", {"wire": f'SLIP v1 a b Fallback "{text}"', "to": "v3"})
        wires[text] = result.structured_content["wire"]

    async with anyio.create_task_group() as group:
        for text in texts_sent:
            group.start_soon(to_v3, text)
    check("concurrent translate: distinct refs", len(set(wires.values())) == len(texts_sent), wires)
    back = {}

    async def to_v1(text):
        result = await session.call_tool("slip_translate", {"wire": wires[text], "to": "v1"})
        back[text] = result.structured_content["wire"]

    async with anyio.create_task_group() as group:
        for text in texts_sent:
            group.start_soon(to_v1, text)
    check(
        "concurrent translate: every text resolves",
        all(back[t] == f'SLIP v1 a b Fallback "{t}"' for t in texts_sent), back,
    )

    await hub_checks(session)

    # An unknown tool is a protocol error, and the session goes on.
    try:
        await session.call_tool("slip_nothing", {})
        check("unknown tool: protocol error", False, "no error")
    except MCPError as error:
        check("unknown tool: protocol error", error.error.code == -32602, error.error)
    result = await expect_ok(session, "after the protocol error", "slip_anchors", {})

    # Resources: the codebooks in slipcore's layout (the CLI hashes the served file like the built-in one).
    resources = (await session.list_resources()).resources
    check("resources/list", [str(r.uri) for r in resources] == ["slipstream://ucr/v1", "slipstream://ucr/v3"], resources)
    for version in ["v1", "v3"]:
        contents = (await session.read_resource(f"slipstream://ucr/{version}")).contents
        check(f"resource ucr/{version}: json", contents[0].mime_type == "application/json", contents[0].mime_type)
        path = os.path.join(WORK, f"ucr-{version}.json")
        with open(path, "w") as handle:
            handle.write(contents[0].text)
        _, served, _ = cli("ucr", "hash", "--ucr", path)
        _, builtin, _ = cli("ucr", "hash", "--ucr", version)
        check(f"resource ucr/{version}: same codebook as the CLI's", served == builtin and served.strip(), (served, builtin))
        if version == "v3":
            # slipcore 3.1.1 (scripts/requirements-test.txt) loads the served v3 codebook with the same hash.
            from slipcore.ucr import UCR

            check("resource ucr/v3: slipcore loads it", UCR.load(path).content_hash() == served.strip(), served)
    try:
        await session.read_resource("slipstream://ucr/v2")
        check("unknown resource: protocol error", False, "no error")
    except MCPError as error:
        check("unknown resource: protocol error", error.error.code == -32602, error.error)

    # Prompts: the training data's system prompts.
    prompts = (await session.list_prompts()).prompts
    check("prompts/list", [p.name for p in prompts] == ["slip_v1", "slip_v3"], prompts)
    for version in ["v1", "v3"]:
        messages = (await session.get_prompt(f"slip_{version}")).messages
        prompt = messages[0].content.text
        check(f"prompt slip_{version}: a SLIP {version} prompt", f"Wire format: SLIP {version} <src>" in prompt, prompt)
        if SHARED_DATA:
            with open(os.path.join(SHARED_DATA, f"tqt-{version}-train.jsonl")) as handle:
                row = json.loads(handle.readline())
            system = next(turn["value"] for turn in row["conversations"] if turn["from"] == "system")
            check(f"prompt slip_{version}: == the training data's system prompt", prompt == system, prompt)


async def hub_checks(session):
    """The hub tools against `slipstream hub`, sharing one SQLite hub file both ways."""
    status, out, err = cli("hub", "join", "reviewers", "bob", "--store", HUB)
    check("hub: the CLI joins bob", status == 0, err)
    result = await expect_ok(session, "slip_join carol", "slip_join", {"group": "reviewers", "agent": "carol"})
    check("slip_join: sees the CLI's member", result.structured_content == {"group": "reviewers", "members": ["bob", "carol"]},
          result.structured_content)
    _, out, _ = cli("hub", "join", "reviewers", "dave", "--store", HUB)
    check("hub join: sees the server's member", out.strip() == "reviewers: bob carol dave", out)
    result = await expect_ok(session, "slip_leave dave", "slip_leave", {"group": "reviewers", "agent": "dave"})
    check("slip_leave: members after", result.structured_content["members"] == ["bob", "carol"], result.structured_content)
    result = await expect_ok(session, "slip_members", "slip_members", {"group": "reviewers"})
    check("slip_members: == the CLI's", result.structured_content == {"group": "reviewers", "members": ["bob", "carol"]},
          result.structured_content)

    # The server sends, the CLI receives.
    wire = "SLIP v1 alice reviewers RequestReview auth_module"
    result = await expect_ok(session, "slip_send to a group", "slip_send", {"wire": wire})
    line = result.structured_content["results"][0]
    check("slip_send: receipt", line["recipients"] == ["bob", "carol"] and line["wire"] == wire and line["line"] == 1, line)
    _, out, err = cli("hub", "recv", "bob", "--json", "--store", HUB)
    received = [json.loads(x) for x in out.splitlines()]
    check("hub recv: gets the server's wire", [(m["id"], m["wire"]) for m in received] == [(line["id"], wire)], (out, err))

    # The CLI sends, the server receives what `hub recv --json` prints, and acknowledges it.
    status, out, err = cli("hub", "send", "--json", "SLIP v3 planner carol Request Plan timeline", "--store", HUB)
    sent = json.loads(out)
    _, peek, _ = cli("hub", "recv", "carol", "--json", "--no-ack", "--store", HUB)
    expected = [json.loads(x) for x in peek.splitlines()]
    check("hub: carol has two messages", len(expected) == 2 and expected[-1]["id"] == sent["id"], peek)
    result = await expect_ok(session, "slip_receive carol", "slip_receive", {"agent": "carol"})
    check("slip_receive: == hub recv --json", result.structured_content["messages"] == expected, (result.structured_content, expected))
    check("slip_receive: acknowledged", result.structured_content["acknowledgedThrough"] == sent["id"], result.structured_content)
    _, out, _ = cli("hub", "recv", "carol", "--store", HUB)
    check("hub recv after slip_receive: nothing left", out == "", out)

    # Without ack the CLI still sees them; slip_ack then clears them.
    cli("hub", "send", "SLIP v1 alice erin MetaAck", "--store", HUB)
    result = await expect_ok(session, "slip_receive no ack", "slip_receive", {"agent": "erin", "ack": False, "limit": 5})
    ids = [m["id"] for m in result.structured_content["messages"]]
    _, out, _ = cli("hub", "recv", "erin", "--json", "--no-ack", "--store", HUB)
    check("slip_receive no ack: still in the mailbox", [json.loads(x)["id"] for x in out.splitlines()] == ids, out)
    result = await expect_ok(session, "slip_ack", "slip_ack", {"agent": "erin", "through": ids[-1]})
    check("slip_ack: cursor", result.structured_content == {"agent": "erin", "through": ids[-1]}, result.structured_content)
    _, out, _ = cli("hub", "recv", "erin", "--store", HUB)
    check("hub recv after slip_ack: nothing left", out == "", out)

    # A refused wire: the same error object as `hub send --json`.
    bad = "SLIP v1 a bob RequestTask x:y"
    _, out, _ = cli("hub", "send", "--json", bad, "--store", HUB)
    result = await expect_ok(session, "slip_send refused", "slip_send", {"wires": [bad, "SLIP v1 alice bob MetaAck"]})
    results = result.structured_content["results"]
    check("slip_send refused: == hub send --json", results[0] == json.loads(out), (results[0], out))
    check("slip_send refused: the next wire is sent", "id" in results[1] and result.structured_content["refused"] == 1, results)
    await expect_error(session, "slip_receive bad agent", "slip_receive", {"agent": "bob smith"}, "invalid_name")
    await expect_error(session, "slip_join bad group", "slip_join", {"group": "", "agent": "bob"}, "invalid_name")

    # A long wait does not hold up the session: a send through the same session wakes it.
    async def wait_for_frank(results):
        results.append(await session.call_tool("slip_receive", {"agent": "frank", "wait_seconds": 30}))

    waited = []
    async with anyio.create_task_group() as group:
        group.start_soon(wait_for_frank, waited)
        await anyio.sleep(0.2)
        await expect_ok(session, "slip_members while a receive waits", "slip_members", {"group": "reviewers"})
        await expect_ok(session, "slip_send to the waiting agent", "slip_send", {"wire": "SLIP v1 alice frank MetaAck"})
    check("slip_receive wait: woken by the send", [m["wire"] for m in waited[0].structured_content["messages"]] ==
          ["SLIP v1 alice frank MetaAck"], waited[0].structured_content)


async def remote_hub_checks():
    """The hub tools against a hub server (`slipstream hub serve`), with a token."""
    server = subprocess.Popen(
        [BINARY, "hub", "serve", "--store", os.path.join(WORK, "hub-server.sqlite"), "--port", "0", "--token", "s3cret"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = server.stdout.readline().strip().removeprefix("listening on ")
        check("hub serve: listening", url.startswith("http://"), url)
        params = StdioServerParameters(command=BINARY, args=["mcp", "--hub", url, "--hub-token", "s3cret"], env=dict(os.environ))
        async with stdio_client(params) as (read, write), ClientSession(read, write, read_timeout_seconds=120) as session:
            await session.initialize()
            await expect_ok(session, "remote slip_join", "slip_join", {"group": "team", "agent": "bob"})
            result = await expect_ok(session, "remote slip_send", "slip_send", {"wire": "SLIP v1 alice team RequestReview auth_module"})
            check("remote slip_send: to bob", result.structured_content["results"][0]["recipients"] == ["bob"], result.structured_content)
            _, out, err = cli("hub", "recv", "bob", "--hub", url, "--token", "s3cret", "--no-ack")
            check("remote: the CLI sees it through the server", out.strip() == "SLIP v1 alice team RequestReview auth_module", (out, err))
            result = await expect_ok(session, "remote slip_receive", "slip_receive", {"agent": "bob", "wait_seconds": 5})
            check("remote slip_receive", [m["wire"] for m in result.structured_content["messages"]] ==
                  ["SLIP v1 alice team RequestReview auth_module"], result.structured_content)
            await expect_error(session, "remote bad agent", "slip_receive", {"agent": "a/b"}, "invalid_name")
        params = StdioServerParameters(command=BINARY, args=["mcp", "--hub", url, "--hub-token", "wrong"], env=dict(os.environ))
        async with stdio_client(params) as (read, write), ClientSession(read, write, read_timeout_seconds=120) as session:
            await session.initialize()
            await expect_error(session, "remote wrong token", "slip_members", {"group": "team"}, "unauthorized")
    finally:
        server.terminate()
        server.wait(timeout=30)


async def http_checks():
    """The same checks over MCP's Streamable HTTP transport (`slipstream mcp --http`, with a token, on stores of
    its own), then what only HTTP has: two sessions at once over one hub, a wrong token, a closed session."""
    global STORE, HUB
    STORE, HUB = os.path.join(WORK, "http-fallback.sqlite"), os.path.join(WORK, "http-hub.sqlite")
    server = subprocess.Popen(
        [BINARY, "mcp", "--http", "--port", "0", "--token", "t0ken", "--fallback-store", STORE, "--hub-store", HUB],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = server.stdout.readline().strip().removeprefix("listening on ")
        check("mcp --http: listening", url.startswith("http://127.0.0.1:") and url.endswith("/mcp"), url)
        headers = {"Authorization": "Bearer t0ken"}
        async with contextlib.AsyncExitStack() as stack:
            sessions = []
            for _ in range(2):
                client = await stack.enter_async_context(httpx2.AsyncClient(headers=headers, timeout=600))
                streams = await stack.enter_async_context(streamable_http_client(url, http_client=client))
                sessions.append(await stack.enter_async_context(ClientSession(streams[0], streams[1], read_timeout_seconds=600)))
            await tool_checks(sessions[0])
            # One session waits; a send through the other (same process, same hub) wakes it.
            await sessions[1].initialize()
            waited = []

            async def wait_for_grace():
                waited.append(await sessions[0].call_tool("slip_receive", {"agent": "grace", "wait_seconds": 300}))

            async with anyio.create_task_group() as group:
                group.start_soon(wait_for_grace)
                await anyio.sleep(0.2)
                await expect_ok(sessions[1], "http: slip_send from the other session", "slip_send", {"wire": "SLIP v1 alice grace MetaAck"})
            check("http: a send through one session wakes another's slip_receive",
                  [m["wire"] for m in waited[0].structured_content["messages"]] == ["SLIP v1 alice grace MetaAck"],
                  waited[0].structured_content)

        initialize = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}}}).encode()
        mcp_headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}

        def post(body, **extra):
            request = urllib.request.Request(url, data=body, headers={**mcp_headers, **extra}, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=600) as response:
                    return response.status, dict(response.headers), response.read().decode()
            except urllib.error.HTTPError as error:
                return error.code, dict(error.headers), error.read().decode()

        status, _, body = post(initialize, Authorization="Bearer wrong")
        check("http: a wrong token is 401", status == 401 and "Bearer" in body, (status, body))
        status, answer, body = post(initialize, Authorization="Bearer t0ken")
        session_id = answer.get("MCP-Session-Id") or answer.get("Mcp-Session-Id")
        check("http: initialize opens a session", status == 200 and session_id and '"serverInfo"' in body, (status, answer, body))
        request = urllib.request.Request(url, headers={"Authorization": "Bearer t0ken", "MCP-Session-Id": session_id}, method="DELETE")
        with urllib.request.urlopen(request, timeout=600) as response:
            check("http: DELETE closes the session", response.status == 200, response.status)
        ping = json.dumps({"jsonrpc": "2.0", "id": 2, "method": "ping"}).encode()
        status, _, body = post(ping, Authorization="Bearer t0ken", **{"MCP-Session-Id": session_id, "MCP-Protocol-Version": "2025-06-18"})
        check("http: a closed session is 404", status == 404 and "no open session" in body, (status, body))
        # A session whose event stream is open when the server is stopped: the stream ends, the server exits.
        status, answer, body = post(initialize, Authorization="Bearer t0ken")
        session_id = answer.get("MCP-Session-Id") or answer.get("Mcp-Session-Id")
        stream = urllib.request.urlopen(urllib.request.Request(url, headers={
            "Authorization": "Bearer t0ken", "MCP-Session-Id": session_id, "Accept": "text/event-stream",
            "MCP-Protocol-Version": "2025-06-18"}), timeout=600)
        check("http: GET opens the session's event stream", stream.status == 200, stream.status)
    finally:
        server.terminate()
        server.wait(timeout=600)
    check("mcp --http: exits cleanly on SIGTERM, ending open streams", server.returncode == 0 and stream.read() is not None,
          (server.returncode, server.stderr.read()))


def malformed_input_checks():
    """Raw JSON-RPC lines on a fresh server's stdin: errors back, the server still serving, a clean exit."""
    process = subprocess.Popen(
        [BINARY, "mcp", "--fallback-store", ":memory:"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, bufsize=1,
    )
    replies = []

    def send(line):
        process.stdin.write(line + "\n")
        process.stdin.flush()
        replies.append(json.loads(process.stdout.readline()))

    for garbage in ["{not json", '{"jsonrpc":"2.0","id":7}', "[]", '"just a string"', "\x00\x01\x02", "{" * 5000]:
        send(garbage)
        check(f"malformed {garbage[:20]!r}: error reply", "error" in replies[-1], replies[-1])
    send('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",'
         '"capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}')
    check("after malformed input: initialize answers", replies[-1].get("id") == 1 and "result" in replies[-1], replies[-1])
    process.stdin.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n')
    send('{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"slip_decode","arguments":{"wire":"SLIP v1 a b MetaAck"}}}')
    check("after malformed input: tools/call answers", replies[-1].get("result", {}).get("isError") is False, replies[-1])
    send('{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"slip_decode","arguments":"not an object"}}')
    check("tools/call with non-object arguments: error reply", "error" in replies[-1] or replies[-1]["result"].get("isError"), replies[-1])
    process.stdin.close()
    status = process.wait(timeout=30)
    stderr = process.stderr.read()
    check("closing stdin: exit status 0", status == 0, (status, stderr))
    check("stdout carried only JSON-RPC", process.stdout.read() == "", "extra output after the last reply")


def oversized_message_checks():
    """A message over --max-message-bytes is dropped and answered (id null, -32600); the session goes on."""
    process = subprocess.Popen(
        [BINARY, "mcp", "--fallback-store", ":memory:", "--max-message-bytes", "100000"], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1,
    )
    process.stdin.write('{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":"' + "x" * 200_000 + '"}}\n')
    process.stdin.flush()
    reply = json.loads(process.stdout.readline())
    check("oversized message: error reply with id null", reply.get("id") is None and reply["error"]["code"] == -32600, reply)
    check("oversized message: says the limit", "100000" in reply["error"]["message"], reply)
    process.stdin.write('{"jsonrpc":"2.0","id":2,"method":"ping"}\n')
    process.stdin.flush()
    reply = json.loads(process.stdout.readline())
    check("after an oversized message: ping answers", reply.get("id") == 2 and "result" in reply, reply)
    process.stdin.close()
    check("oversized message: exit status 0", process.wait(timeout=30) == 0, process.stderr.read())


def piped_input_checks():
    """Requests piped in all at once, stdin closed right after: every request is still answered."""
    requests = [
        '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",'
        '"capabilities":{},"clientInfo":{"name":"sh","version":"1"}}}',
        '{"jsonrpc":"2.0","method":"notifications/initialized"}',
    ] + [
        '{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"slip_render","arguments":{"wire":"SLIP v1 a b MetaAck"}}}' % i
        for i in range(2, 12)
    ]
    run = subprocess.run(
        [BINARY, "mcp", "--fallback-store", ":memory:"], input="\n".join(requests) + "\n", capture_output=True, text=True,
        timeout=120,
    )
    replies = [json.loads(line) for line in run.stdout.splitlines()]
    check("piped requests: exit status 0", run.returncode == 0, run.stderr)
    check("piped requests: every request answered", sorted(r.get("id") for r in replies) == list(range(1, 12)), replies)


def main():
    signal.alarm(600)  # a server that stops answering fails the run instead of hanging it
    anyio.run(session_checks)
    anyio.run(remote_hub_checks)
    anyio.run(http_checks)
    malformed_input_checks()
    oversized_message_checks()
    piped_input_checks()
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
