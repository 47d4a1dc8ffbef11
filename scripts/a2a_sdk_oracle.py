"""Runs the official A2A Python SDK (a2a-sdk 1.x, A2A protocol 1.0) for the JSON-RPC differential tests in
Tests/SlipstreamA2ATests (SLIP-A2A's SendMessage envelopes).

    python a2a_sdk_oracle.py validate   JSON-RPC request lines (as the Swift side writes them)
                                        -> {"ok": true, "id": …, "params": <the SDK's SendMessageRequest, as ProtoJSON>}
                                           or {"ok": false, "error": "…"}
    python a2a_sdk_oracle.py card       Agent Card extension entries -> {"ok": true, "extension": <the SDK's AgentExtension>}
                                           or {"ok": false, "error": "…"}
    python a2a_sdk_oracle.py serve      lines {"body": "<request text>", "headers": {…}}
                                        -> the body of the SDK's JSON-RPC route's answer, one line each

`validate` checks a request as strictly as the SDK's types allow: the JSON-RPC 2.0 frame with the json-rpc
package the SDK's dispatcher uses, the method among the dispatcher's, and `params` parsed into the SDK's
`SendMessageRequest` with ProtoJSON rules and no unknown field (the dispatcher itself ignores unknown fields),
then the proto's REQUIRED fields with the SDK's own check.

`serve` posts each body to the SDK's real JSON-RPC route (`create_jsonrpc_routes` over a
`DefaultRequestHandler`), in process through Starlette's TestClient: no socket. Its agent answers a SLIP-A2A
message with the wire's src and dst swapped, copying the message's SLIP-A2A metadata; the request's
`params.metadata.reply` picks how: "message" (a Message with an extra data part), "task" (a completed Task
whose status message and one artifact carry the wire), "input-required" or "rejected" (a Task in that state
whose status message carries it).
"""

import json
import logging
import sys

from google.protobuf.json_format import MessageToDict, ParseDict
from google.protobuf.struct_pb2 import Struct, Value
from jsonrpc.jsonrpc2 import JSONRPC20Request

from a2a.server.agent_execution import AgentExecutor, RequestContext
from a2a.server.request_handlers import DefaultRequestHandler
from a2a.server.routes import create_jsonrpc_routes
from a2a.server.routes.jsonrpc_dispatcher import JsonRpcDispatcher
from a2a.server.tasks import InMemoryTaskStore, TaskUpdater
from a2a.types.a2a_pb2 import (
    AgentCapabilities,
    AgentCard,
    AgentExtension,
    AgentInterface,
    Message,
    Part,
    Role,
    SendMessageRequest,
    TaskState,
)
from a2a.helpers.proto_helpers import new_task
from a2a.utils.proto_utils import validate_proto_required_fields

URI = "https://github.com/anthony-maio/slipcore/extensions/a2a-slipstream/v1"


def dump(value) -> None:
    print(json.dumps(value, separators=(",", ":"), ensure_ascii=False), flush=True)


def validate(line: str) -> dict:
    try:
        body = json.loads(line)
        frame = JSONRPC20Request.from_data(body)
        if not isinstance(frame, JSONRPC20Request) or body.get("jsonrpc") != "2.0":
            return {"ok": False, "error": "not one JSON-RPC 2.0 request"}
        if body.get("method") not in JsonRpcDispatcher.METHOD_TO_MODEL or body["method"] != "SendMessage":
            return {"ok": False, "error": f"method {body.get('method')!r} is not SendMessage"}
        request = ParseDict(body.get("params", {}), SendMessageRequest())
        validate_proto_required_fields(request)
    except Exception as error:  # every refusal is reported, not raised
        return {"ok": False, "error": f"{type(error).__name__}: {error}"}
    return {"ok": True, "id": body["id"], "params": MessageToDict(request)}


def card(line: str) -> dict:
    try:
        extension = ParseDict(json.loads(line), AgentExtension())
    except Exception as error:  # every refusal is reported, not raised
        return {"ok": False, "error": f"{type(error).__name__}: {error}"}
    return {"ok": True, "extension": MessageToDict(extension)}


def reply_message(incoming: Message, context_id: str, task_id: str | None, extra_part: bool) -> Message:
    """The agent's SLIP-A2A answer: the wire with src and dst swapped, the incoming SLIP-A2A metadata."""
    tokens = incoming.parts[0].text.strip().split(" ")
    wire = " ".join(["SLIP", "v3", tokens[3], tokens[2], *tokens[4:]])
    message = Message(
        message_id=f"reply-{incoming.message_id}", role=Role.ROLE_AGENT, context_id=context_id,
        parts=[Part(text=wire)], extensions=[URI])
    if task_id:
        message.task_id = task_id
    if extra_part:
        data = Value()
        data.struct_value.update({"note": "not a wire"})
        message.parts.append(Part(data=data))
    if URI in incoming.metadata:
        message.metadata.update({URI: MessageToDict(incoming.metadata[URI])})
    return message


class SlipReplyAgent(AgentExecutor):
    async def execute(self, context: RequestContext, event_queue) -> None:
        incoming = context.message
        reply = context.metadata.get("reply", "message")
        if reply == "message":
            await event_queue.enqueue_event(reply_message(incoming, context.context_id, None, True))
            return
        if context.current_task is None:
            await event_queue.enqueue_event(
                new_task(context.task_id, context.context_id, TaskState.TASK_STATE_SUBMITTED, history=[incoming]))
        updater = TaskUpdater(event_queue, context.task_id, context.context_id)
        answer = reply_message(incoming, context.context_id, context.task_id, False)
        await updater.start_work()
        if reply == "task":
            await updater.add_artifact(
                [Part(text=answer.parts[0].text)], artifact_id=f"artifact-{incoming.message_id}", name="reply",
                extensions=[URI], metadata=MessageToDict(answer.metadata))
            await updater.complete(answer)
        elif reply == "input-required":
            await updater.requires_input(answer)
        else:
            await updater.reject(answer)

    async def cancel(self, context: RequestContext, event_queue) -> None:
        raise NotImplementedError


def make_client():
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    card = AgentCard(
        name="slip-reply", description="Answers SLIP-A2A messages", version="1.0.0",
        supported_interfaces=[AgentInterface(url="http://testserver/", protocol_binding="JSONRPC", protocol_version="1.0")],
        capabilities=AgentCapabilities(extensions=[AgentExtension(uri=URI)]),
        default_input_modes=["text/slip", "text/plain"], default_output_modes=["text/slip", "text/plain"])
    handler = DefaultRequestHandler(agent_executor=SlipReplyAgent(), task_store=InMemoryTaskStore(), agent_card=card)
    return TestClient(Starlette(routes=create_jsonrpc_routes(handler, "/")))


def main() -> None:
    command = sys.argv[1]
    if command not in ("validate", "card", "serve"):
        raise SystemExit(f"unknown command {command!r}")
    logging.disable(logging.CRITICAL)  # the SDK logs every error answer; the answers say it all
    client = make_client() if command == "serve" else None
    for line in sys.stdin:
        if not line.strip():
            continue
        if command == "validate":
            dump(validate(line))
        elif command == "card":
            dump(card(line))
        else:
            item = json.loads(line)
            headers = {"Content-Type": "application/json", **item.get("headers", {})}
            response = client.post("/", content=item["body"].encode("utf-8"), headers=headers)
            print(response.text.replace("\n", " "), flush=True)


if __name__ == "__main__":
    main()
