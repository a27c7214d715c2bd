"""The NeMo Agent Toolkit (nvidia-nat-core / nvidia-nat-opentelemetry 1.9.0) on exporter-bench's event mix.

Each figure drives one toolkit exporter the way a workflow run does: IntermediateSteps are pushed into the run's
event stream (`ContextState.event_stream`, what `IntermediateStepManager.push_intermediate_step` does), inside
`async with exporter.start()`, and the clock stops when the exporter has stopped (its tasks awaited and its
batches flushed). Prints one JSON object per line, in exporter-bench's shape.

    python toolkit_bench.py [--quick]
"""

import asyncio
import copy
import json
import os
import sys
import tempfile
import time

from nat.builder.context import ContextState
from nat.data_models.intermediate_step import (IntermediateStep, IntermediateStepPayload, IntermediateStepType,
                                               StreamEventData, TraceMetadata, UsageInfo)
from nat.data_models.invocation_node import InvocationNode
from nat.data_models.span import Span
from nat.data_models.token_usage import TokenUsageBaseModel
from nat.observability.exporter.file_exporter import FileExporter
from nat.observability.exporter.raw_exporter import RawExporter
from nat.observability.exporter.span_exporter import SpanExporter
from nat.plugins.opentelemetry.otel_span_exporter import OtelSpanExporter
from opentelemetry.exporter.otlp.proto.common.trace_encoder import encode_spans

EVENTS_PER_TURN = 10
BASE_SECONDS = 1_764_460_800.0

SYSTEM_PROMPT = ("You are a courteous support agent for an online store. Answer from tool results only; "
                 "never invent order data. ") * 8
QUESTION = ("Where is my order A-17? It was supposed to arrive on Friday and the tracking page has not changed "
            "since Tuesday.")
ANSWER = ("Your order A-17 shipped on Tuesday with UPS (tracking 1Z999AA10123456784) and is due tomorrow, Saturday, "
          "before 8 pm. I have asked the carrier to notify you by SMS.")
TOOL_ARGUMENTS = {"order_id": "A-17", "include_history": True, "fields": ["status", "carrier", "eta", "events"]}
TOOL_RESULT = {
    "order_id": "A-17", "status": "shipped", "carrier": "UPS", "tracking": "1Z999AA10123456784",
    "eta": "2026-12-05T20:00:00Z",
    "events": [
        {"at": "2026-12-01T09:12:00Z", "what": "label created"},
        {"at": "2026-12-01T17:40:00Z", "what": "picked up"},
        {"at": "2026-12-02T06:05:00Z", "what": "arrived at facility, Louisville KY"},
    ],
}
CHAT_INPUT = [
    {"role": "system", "content": SYSTEM_PROMPT},
    {"role": "user", "content": "Hi, I ordered a pair of hiking boots last week."},
    {"role": "assistant", "content": "Thanks! How can I help with that order?"},
    {"role": "user", "content": "Where is my order A-17? It was supposed to arrive on Friday."},
]
CHAT_OUTPUT = {
    "role": "assistant", "content": "Let me look up order A-17 for you.",
    "tool_calls": [{"id": "call_8f3a2c", "type": "function",
                    "function": {"name": "lookup_order", "arguments": TOOL_ARGUMENTS}}],
}
CHUNKS = ["Let me look up", " order A-17 for you."]
MODEL = "meta/llama-3.1-70b-instruct"


def uuid(turn: int, scope: int) -> str:
    return f"0b7c1e2d-3f40-4a5b-8c6d-{scope}{turn:011x}"


def turn_steps(turn: int) -> list[IntermediateStep]:
    """The same ten events as exporter-bench's EventMix, as the toolkit's IntermediateSteps."""
    workflow, function, llm, tool = (uuid(turn, scope) for scope in (1, 2, 3, 4))
    base = BASE_SECONDS + turn * 0.001
    root = InvocationNode(function_id="root", function_name="root")
    agent = InvocationNode(function_id=function, function_name="react_agent", parent_id="root", parent_name="root")

    def step(parent, ancestry, event_type, name, uuid_, at, start=None, data=None, metadata=None, usage=None):
        return IntermediateStep(parent_id=parent,
                                function_ancestry=ancestry,
                                payload=IntermediateStepPayload(event_type=event_type,
                                                                event_timestamp=base + at / 1e6,
                                                                span_event_timestamp=(None if start is None else
                                                                                      base + start / 1e6),
                                                                framework="langchain",
                                                                name=name,
                                                                metadata=metadata,
                                                                data=data,
                                                                usage_info=usage,
                                                                UUID=uuid_))

    provided = TraceMetadata(provided_metadata={
        "session.id": "s-42", "user.id": "u-7", "workflow_run_id": "run-5e1b9c7d",
        "conversation_id": "conv-2024-0042"
    })
    T = IntermediateStepType
    usage = UsageInfo(token_usage=TokenUsageBaseModel(prompt_tokens=412, completion_tokens=38, cached_tokens=256,
                                                      total_tokens=450),
                      num_llm_calls=1)
    return [
        step("root", root, T.WORKFLOW_START, "support-bot", workflow, 0, data=StreamEventData(input=QUESTION),
             metadata=provided),
        step(workflow, agent, T.FUNCTION_START, "react_agent", function, 15, data=StreamEventData(input=QUESTION)),
        step(function, agent, T.LLM_START, MODEL, llm, 40, data=StreamEventData(input=CHAT_INPUT),
             metadata=TraceMetadata(chat_inputs=CHAT_INPUT)),
        step(function, agent, T.LLM_NEW_TOKEN, MODEL, llm, 180, data=StreamEventData(chunk=CHUNKS[0])),
        step(function, agent, T.LLM_NEW_TOKEN, MODEL, llm, 260, data=StreamEventData(chunk=CHUNKS[1])),
        step(function, agent, T.LLM_END, MODEL, llm, 420, start=40, data=StreamEventData(output=CHAT_OUTPUT),
             metadata=TraceMetadata(chat_responses=[CHAT_OUTPUT]), usage=usage),
        step(function, agent, T.TOOL_START, "lookup_order", tool, 430, data=StreamEventData(input=TOOL_ARGUMENTS),
             metadata=TraceMetadata(tool_inputs=TOOL_ARGUMENTS)),
        step(function, agent, T.TOOL_END, "lookup_order", tool, 610, start=430,
             data=StreamEventData(input=TOOL_ARGUMENTS, output=TOOL_RESULT)),
        step(workflow, agent, T.FUNCTION_END, "react_agent", function, 640, start=15, data=StreamEventData(output=ANSWER)),
        step("root", root, T.WORKFLOW_END, "support-bot", workflow, 650, start=0, data=StreamEventData(output=ANSWER)),
    ]


class NoopRawExporter(RawExporter[IntermediateStep, IntermediateStep]):
    """The toolkit's raw exporter with an export that does nothing."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.exported = 0

    async def export_processed(self, item: IntermediateStep):
        self.exported += 1


class NoopSpanExporter(SpanExporter[Span, Span]):
    """Steps → spans (the toolkit's SpanExporter), spans dropped on the floor."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.exported = 0

    async def export_processed(self, item: Span):
        self.exported += 1


class OTLPBytesExporter(OtelSpanExporter):
    """Steps → spans → OTel spans → batches of 100 → the OTLP protobuf body the toolkit's OTLP/HTTP exporter POSTs
    (`encode_spans(...).SerializePartialToString()`, what `OTLPSpanExporterHTTP.export` does before the POST)."""

    def __init__(self, **kwargs):
        super().__init__(batch_size=100, **kwargs)
        self.exported = 0
        self.bytes = 0

    async def export_otel_spans(self, spans):
        self.bytes += len(encode_spans(spans).SerializePartialToString())
        self.exported += len(spans)


async def drive(exporter, steps: list[IntermediateStep], rounds: int) -> tuple[float, float]:
    """Wall and CPU seconds from the first push until the exporter has stopped (every export task done, batches
    flushed)."""
    stream = ContextState.get().event_stream.get()
    start = time.perf_counter()
    cpu_start = time.process_time()
    async with exporter.start():
        for _ in range(rounds):
            for step in steps:
                stream.on_next(step)
            # Let export tasks run between rounds, as an agent's awaits would.
            await asyncio.sleep(0)
        await exporter.wait_for_tasks(timeout=3600)
    return time.perf_counter() - start, time.process_time() - cpu_start


async def emit_cost(exporter, steps: list[IntermediateStep], turns: int) -> tuple[float, float]:
    """ns per event of `on_next` on the run's event stream, timed per turn (10 pushes); median and p99. With an
    exporter, the caller lets its export tasks finish every 100 turns, outside the timed samples."""
    stream = ContextState.get().event_stream.get()
    pool_turns = len(steps) // EVENTS_PER_TURN
    samples = []

    async def measure():
        for turn in range(turns):
            if exporter is not None and turn % 100 == 0:
                await exporter.wait_for_tasks(timeout=3600)
            first = (turn % pool_turns) * EVENTS_PER_TURN
            batch = steps[first:first + EVENTS_PER_TURN]
            start = time.perf_counter_ns()
            for step in batch:
                stream.on_next(step)
            samples.append((time.perf_counter_ns() - start) / EVENTS_PER_TURN)

    if exporter is None:
        await measure()
    else:
        async with exporter.start():
            await measure()
            await exporter.wait_for_tasks(timeout=3600)
    samples.sort()
    return samples[len(samples) // 2], samples[min(len(samples) - 1, int(len(samples) * 0.99))]


def line(figure: str, name: str, value: float, unit: str) -> None:
    print(json.dumps({"figure": figure, "name": name, "value": round(value, 3), "unit": unit}), flush=True)


def rate(figure: str, name: str, count: int, elapsed: tuple[float, float]) -> None:
    """`name` per wall-clock second and `name_cpu` per second of process CPU time, as exporter-bench prints them."""
    line(figure, name, count / elapsed[0], "events/s")
    line(figure, name + "_cpu", count / elapsed[1], "events/s")


async def main(quick: bool) -> None:
    pool_turns = 50 if quick else 500
    rounds = 1 if quick else 2
    steps = [step for turn in range(pool_turns) for step in turn_steps(turn)]
    total = len(steps) * rounds

    raw = NoopRawExporter()
    seconds = await drive(raw, steps, rounds)
    assert raw.exported == total, (raw.exported, total)
    rate("P2", "raw_noop_exporter", total, seconds)

    spans = NoopSpanExporter()
    seconds = await drive(spans, steps, rounds)
    assert spans.exported == total * 4 // EVENTS_PER_TURN, (spans.exported, total)
    rate("P1", "events_to_spans", total, seconds)

    otlp = OTLPBytesExporter()
    seconds = await drive(otlp, steps, rounds)
    assert otlp.exported == total * 4 // EVENTS_PER_TURN, (otlp.exported, total)
    rate("P1", "events_to_otlp_protobuf", total, seconds)
    line("P1", "otlp_protobuf_bytes_per_event", otlp.bytes / total, "bytes")

    emit_turns = 2_000 if quick else 20_000
    median, p99 = await emit_cost(None, steps, emit_turns)
    line("P3", "emit_0_exporters_median", median, "ns/event")
    line("P3", "emit_0_exporters_p99", p99, "ns/event")
    median, p99 = await emit_cost(NoopRawExporter(), steps, emit_turns)
    line("P3", "emit_1_exporter_median", median, "ns/event")
    line("P3", "emit_1_exporter_p99", p99, "ns/event")

    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "steps.jsonl")
        file_exporter = FileExporter(output_path=path, project="bench")
        seconds = await drive(file_exporter, steps, rounds)
        with open(path, "rb") as written:
            lines = sum(1 for _ in written)
        assert lines == total, (lines, total)
        rate("P4", "file_jsonl_export", total, seconds)
        line("P4", "file_jsonl_bytes_per_event", os.path.getsize(path) / total, "bytes")


if __name__ == "__main__":
    asyncio.run(main("--quick" in sys.argv[1:]))
