#!/usr/bin/env python3
"""Records real toolkit runs twice over: the steps its `file` exporter writes and the spans its `otelcollector` exporter
sends, for the attribute-parity tests (toolkit_attributes: true).

Nothing here imitates the toolkit. A workflow of registered functions runs through the toolkit's own loader, session
manager and runner (which emit WORKFLOW_START/END with the run's ids and wrap every function call in
FUNCTION_START/END); LLM and tool steps are pushed through the step manager as the framework callback handlers do.
Both exporters are configured in the workflow's `general.telemetry.tracing`, so they see the same runs. The OTLP
exporter posts protobuf to a capture server on 127.0.0.1, and the requests it received are decoded with
opentelemetry-proto.

Runs: `simple` (a conversation id and a user id, one LLM call and one tool), `nested` (functions in functions, custom
SPAN and CUSTOM steps, a display name), `concurrent` (two sessions at once, one with parallel branches), `error` (the
workflow raises after an LLM call).

Usage: "$(Scripts/nat-otel-venv.sh)" Scripts/toolkit-parity-fixture.py OUTPUT_DIR
       writes OUTPUT_DIR/steps.jsonl and OUTPUT_DIR/spans.json
       (the committed fixtures are in Tests/ExporterOTLPTests/Fixtures/toolkit-parity)
"""

import asyncio
import contextvars
import json
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from pathlib import Path

import yaml
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceResponse
from pydantic import Field

from nat.builder.builder import Builder
from nat.builder.context import Context
from nat.builder.framework_enum import LLMFrameworkEnum
from nat.builder.function_info import FunctionInfo
from nat.cli.register_workflow import register_function
from nat.data_models.function import FunctionBaseConfig
from nat.data_models.intermediate_step import IntermediateStepPayload
from nat.data_models.intermediate_step import IntermediateStepType as Type
from nat.data_models.intermediate_step import StreamEventData
from nat.data_models.intermediate_step import ToolDetails
from nat.data_models.intermediate_step import ToolParameters
from nat.data_models.intermediate_step import ToolSchema
from nat.data_models.intermediate_step import TraceMetadata
from nat.data_models.intermediate_step import UsageInfo
from nat.data_models.token_usage import TokenUsageBaseModel
from nat.runtime.loader import load_workflow


class LookupConfig(FunctionBaseConfig, name="parity_lookup"):
    """A tool the agent calls: looks a title up in a small table."""


class AgentConfig(FunctionBaseConfig, name="parity_agent"):
    """The workflow: an agent whose behaviour the input's first word chooses."""
    lookup: str = Field(default="lookup")


BOOKS = {"The Left Hand of Darkness": "Ursula K. Le Guin, 1969", "Kindred": "Octavia E. Butler, 1979"}


@register_function(config_type=LookupConfig)
async def parity_lookup(config: LookupConfig, builder: Builder):

    async def lookup(title: str) -> str:
        """Looks up who wrote a book, and when."""
        await asyncio.sleep(0.002)
        return BOOKS.get(title, "unknown")

    yield FunctionInfo.from_fn(lookup, description="Looks up who wrote a book, and when.")


# One step manager per run, as a framework's callback handler holds one: the manager pairs each END with its START
# (`Context.intermediate_step_manager` makes a new manager on every access).
_steps = contextvars.ContextVar("steps")


def push(**fields) -> IntermediateStepPayload:
    payload = IntermediateStepPayload(**fields)
    _steps.get().push_intermediate_step(payload)
    return payload


def end(start: IntermediateStepPayload, event_type: Type, **fields) -> None:
    push(UUID=start.UUID, event_type=event_type, span_event_timestamp=start.event_timestamp, name=start.name, **fields)


async def llm_call(model: str, prompt: str, answer: str, prompt_tokens: int, completion_tokens: int,
                   framework: LLMFrameworkEnum) -> None:
    """An LLM call as the LangChain callback handler reports one: START, streamed tokens, END with usage."""
    tools = [
        ToolSchema(type="function",
                   function=ToolDetails(name="lookup",
                                        description="Looks up who wrote a book, and when.",
                                        parameters=ToolParameters(properties={"title": {
                                            "type": "string"
                                        }},
                                                                  required=["title"])))
    ]
    start = push(event_type=Type.LLM_START,
                 framework=framework,
                 name=model,
                 data=StreamEventData(input=prompt),
                 metadata=TraceMetadata(chat_inputs=[{
                     "role": "system", "content": "You answer questions about books."
                 }, {
                     "role": "user", "content": prompt
                 }],
                                        tools_schema=tools),
                 usage_info=UsageInfo(token_usage=TokenUsageBaseModel(), num_llm_calls=1))
    for token in answer.split(" "):
        push(UUID=start.UUID,
             event_type=Type.LLM_NEW_TOKEN,
             framework=framework,
             name=model,
             data=StreamEventData(chunk=token + " "))
        await asyncio.sleep(0.001)
    end(start,
        Type.LLM_END,
        framework=framework,
        data=StreamEventData(input=prompt, output=answer),
        metadata=TraceMetadata(chat_responses=[{
            "text": answer, "generation_info": {
                "finish_reason": "stop"
            }
        }]),
        usage_info=UsageInfo(token_usage=TokenUsageBaseModel(prompt_tokens=prompt_tokens,
                                                             completion_tokens=completion_tokens,
                                                             total_tokens=prompt_tokens + completion_tokens),
                             num_llm_calls=1,
                             seconds_between_calls=1))


async def tool_call(builder: Builder, function_name: str, title: str, framework: LLMFrameworkEnum) -> str:
    """A tool call as a framework reports it (TOOL_START/END) around the toolkit function it invokes."""
    arguments = {"title": title}
    start = push(event_type=Type.TOOL_START,
                 framework=framework,
                 name=function_name,
                 data=StreamEventData(input=arguments),
                 metadata=TraceMetadata(tool_inputs=arguments, tool_info={"source": "registry"}))
    function = await builder.get_function(function_name)
    result = await function.ainvoke(title, to_type=str)
    end(start,
        Type.TOOL_END,
        framework=framework,
        data=StreamEventData(input=arguments, output=result),
        metadata=TraceMetadata(tool_outputs={"result": result}),
        usage_info=UsageInfo())
    return result


@register_function(config_type=AgentConfig)
async def parity_agent(config: AgentConfig, builder: Builder):

    async def answer(question: str) -> str:
        """Answers a question about a book."""
        scenario, _, text = question.partition(": ")
        context = Context.get()
        _steps.set(context.intermediate_step_manager)
        if scenario == "simple":
            await llm_call("meta/llama-3.1-8b-instruct", text, "Thought: look it up.", 120, 9, LLMFrameworkEnum.LANGCHAIN)
            found = await tool_call(builder, config.lookup, "The Left Hand of Darkness", LLMFrameworkEnum.LANGCHAIN)
            return f"It is {found}."
        if scenario == "nested":
            with context.push_active_function("planner", input_data={"question": text}) as planner:
                span = push(event_type=Type.SPAN_START,
                            name="retrieval",
                            framework=LLMFrameworkEnum.LLAMA_INDEX,
                            data=StreamEventData(input={"query": text, "k": 2}),
                            metadata=TraceMetadata(provided_metadata={"display_name": "Retrieve passages"}))
                await asyncio.sleep(0.001)
                end(span, Type.SPAN_END, data=StreamEventData(output=["passage 1", "passage 2"]))
                with context.push_active_function("critic", input_data="draft") as critic:
                    await llm_call("nvidia/nemotron-mini", "Critique the draft.", "Looks right.", 40, 3,
                                   LLMFrameworkEnum.LLAMA_INDEX)
                    critic.set_output({"verdict": "ok"})
                custom = push(event_type=Type.CUSTOM_START,
                              name="guardrail",
                              data=StreamEventData(input="Kindred ✓ émoji 🦜"),
                              metadata={"rule": "no-pii"})
                end(custom, Type.CUSTOM_END, data=StreamEventData(output={"allowed": True}))
                planner.set_output("plan done")
            found = await tool_call(builder, config.lookup, "Kindred", LLMFrameworkEnum.LLAMA_INDEX)
            return found
        if scenario == "concurrent":

            async def branch(title: str) -> str:
                with context.push_active_function("branch", input_data={"title": title}) as step:
                    result = await tool_call(builder, config.lookup, title, LLMFrameworkEnum.CREWAI)
                    step.set_output(result)
                    return result

            results = await asyncio.gather(branch("Kindred"), branch("The Left Hand of Darkness"))
            return "; ".join(results)
        if scenario == "error":
            await llm_call("meta/llama-3.1-8b-instruct", text, "I cannot.", 30, 3, LLMFrameworkEnum.LANGCHAIN)
            raise RuntimeError("the model refused")
        return "?"

    yield FunctionInfo.from_fn(answer, description="Answers a question about a book.")


class Capture(BaseHTTPRequestHandler):
    requests: list[bytes] = []

    def do_POST(self):  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Capture.requests.append(body)
        reply = ExportTraceServiceResponse().SerializeToString()
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


def any_value(value):
    kind = value.WhichOneof("value")
    if kind == "array_value":
        return [any_value(item) for item in value.array_value.values]
    if kind == "kvlist_value":
        return {item.key: any_value(item.value) for item in value.kvlist_value.values}
    if kind == "bytes_value":
        return value.bytes_value.hex()
    return {kind: getattr(value, kind)} if kind in ("int_value", "double_value") else getattr(value, kind)


def decoded_spans() -> list[dict]:
    spans = []
    for body in Capture.requests:
        request = ExportTraceServiceRequest()
        request.ParseFromString(body)
        for resource_spans in request.resource_spans:
            for scope_spans in resource_spans.scope_spans:
                for span in scope_spans.spans:
                    spans.append({
                        "name": span.name,
                        "trace_id": span.trace_id.hex(),
                        "span_id": span.span_id.hex(),
                        "parent_span_id": span.parent_span_id.hex(),
                        "kind": span.kind,
                        "start_time_unix_nano": span.start_time_unix_nano,
                        "end_time_unix_nano": span.end_time_unix_nano,
                        "status": {
                            "code": span.status.code, "message": span.status.message
                        },
                        "scope": scope_spans.scope.name,
                        "attributes": {item.key: any_value(item.value)
                                       for item in span.attributes},
                    })
    return sorted(spans, key=lambda span: (span["start_time_unix_nano"], span["name"]))


async def record(directory: Path, port: int) -> None:
    steps = directory / "steps.jsonl"
    config = {
        "general": {
            "telemetry": {
                "tracing": {
                    "steps": {
                        "_type": "file", "output_path": str(steps), "project": "parity", "mode": "append"
                    },
                    "otel": {
                        "_type": "otelcollector",
                        "endpoint": f"http://127.0.0.1:{port}/v1/traces",
                        "project": "parity",
                        "batch_size": 1000,
                        "flush_interval": 0.5,
                    },
                }
            }
        },
        "functions": {
            "lookup": {
                "_type": "parity_lookup"
            }
        },
        "workflow": {
            "_type": "parity_agent"
        },
    }
    config_file = directory / "workflow.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")

    async def run(manager, question: str, **session) -> None:
        async with manager.session(**session) as started:
            async with started.run(question) as runner:
                try:
                    await runner.result(to_type=str)
                except RuntimeError:
                    pass

    async with load_workflow(config_file) as manager:
        await run(manager, "simple: Who wrote The Left Hand of Darkness?", user_id="user-7", conversation_id="conv-1")
        await run(manager, "nested: Who wrote Kindred?", conversation_id="conv-2")
        await asyncio.gather(run(manager, "concurrent: Two books at once.", user_id="user-8", conversation_id="conv-3"),
                             run(manager, "simple: And again?", conversation_id="conv-4"))
        await run(manager, "error: Refuse this.", user_id="user-9")
    await asyncio.sleep(1.0)


def main(output: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Capture)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with tempfile.TemporaryDirectory() as scratch:
            asyncio.run(record(Path(scratch), server.server_address[1]))
            lines = (Path(scratch) / "steps.jsonl").read_text(encoding="utf-8")
    finally:
        server.shutdown()
        server.server_close()
    spans = decoded_spans()
    output.mkdir(parents=True, exist_ok=True)
    (output / "steps.jsonl").write_text(lines, encoding="utf-8")
    (output / "spans.json").write_text(json.dumps(spans, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(lines.splitlines())} steps and {len(spans)} spans to {output}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
