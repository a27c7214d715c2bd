#!/usr/bin/env python3
"""Writes an IntermediateStep JSON Lines trace with the toolkit's own machinery, for the codec round-trip tests.

The steps go through the toolkit's real path: `Context.push_active_function` and the `IntermediateStepManager`
(which fill in `parent_id` and `function_ancestry`), its event stream, and its `file` exporter (`FileExporter`,
which serialises with `IntermediateStepSerializer`). Nothing here formats JSON by hand. The trace covers every
event type, nulls, empty lists and objects, usage defaults, extra keys, full-precision float timestamps, integers
beyond 64 bits, non-ASCII text and escapes, and steps from concurrent tasks.

Ids and times come from the toolkit's provider hooks (`nat.utils.providers`) so that a second run writes the very
same bytes; the times advance by irregular amounts so that they need all 17 significant digits.

Usage: "$(Scripts/nat-venv.sh)" Scripts/toolkit-trace-fixture.py OUTPUT.jsonl
       (the committed fixture is Tests/ExporterRuntimeTests/Fixtures/toolkit-file-exporter.jsonl)
"""

import asyncio
import itertools
import json
import sys
import tempfile
import uuid
from pathlib import Path

from nat.builder.context import Context
from nat.builder.context import ContextState
from nat.builder.framework_enum import LLMFrameworkEnum
from nat.data_models.intermediate_step import IntermediateStep
from nat.data_models.intermediate_step import IntermediateStepPayload
from nat.data_models.intermediate_step import IntermediateStepType as Type
from nat.data_models.intermediate_step import ServerToolUseSchema
from nat.data_models.intermediate_step import StreamEventData
from nat.data_models.intermediate_step import ToolDetails
from nat.data_models.intermediate_step import ToolParameters
from nat.data_models.intermediate_step import ToolSchema
from nat.data_models.intermediate_step import TraceMetadata
from nat.data_models.intermediate_step import TTCEventData
from nat.data_models.intermediate_step import UsageInfo
from nat.data_models.token_usage import TokenUsageBaseModel
from nat.observability.exporter.file_exporter import FileExporter
from nat.utils import providers

NAMESPACE = uuid.UUID("6f1c7a52-3d0e-4b8e-9a51-2f4c8d7e6b10")
_ids = itertools.count()
_ticks = itertools.count()


def next_id() -> str:
    return str(uuid.uuid5(NAMESPACE, f"step-{next(_ids)}"))


def next_time() -> float:
    # 2025-10-09T08:53:20Z plus irregular steps: every value needs the full double precision to read back.
    tick = next(_ticks)
    return 1760000000.0 + tick * 0.0137 + (tick * tick % 7) * 1.3e-6 + 1 / 3e3


class Stream:
    """Pushes steps through the toolkit's step manager, keeping START times for the END steps."""

    def __init__(self) -> None:
        self.context = Context.get()
        self.starts: dict[str, float] = {}

    def push(self, **fields) -> IntermediateStepPayload:
        payload = IntermediateStepPayload(**fields)
        if payload.event_state.value == "START":
            self.starts[payload.UUID] = payload.event_timestamp
        self.context.intermediate_step_manager.push_intermediate_step(payload)
        return payload

    def end(self, start: IntermediateStepPayload, event_type: Type, **fields) -> IntermediateStepPayload:
        return self.push(UUID=start.UUID,
                         event_type=event_type,
                         span_event_timestamp=self.starts[start.UUID],
                         name=start.name,
                         **fields)


def tools_schema() -> list[ToolSchema]:
    parameters = ToolParameters(properties={"query": {"type": "string", "description": "what to look up"}},
                                required=["query"])
    return [
        ToolSchema(type="function",
                   function=ToolDetails(name="wiki_search", description="Search the wiki", parameters=parameters))
    ]


async def llm_call(stream: Stream, model: str, prompt: str, tokens: list[str], usage: UsageInfo | None,
                   framework: LLMFrameworkEnum | None) -> None:
    start = stream.push(event_type=Type.LLM_START,
                        framework=framework,
                        name=model,
                        data=StreamEventData(input=prompt),
                        metadata=TraceMetadata(chat_inputs=[{"role": "user", "content": prompt}],
                                               tools_schema=tools_schema()),
                        usage_info=UsageInfo(token_usage=TokenUsageBaseModel(), num_llm_calls=1))
    for token in tokens:
        stream.push(UUID=start.UUID,
                    event_type=Type.LLM_NEW_TOKEN,
                    framework=framework,
                    name=model,
                    data=StreamEventData(chunk=token))
    stream.end(start,
               Type.LLM_END,
               framework=framework,
               data=StreamEventData(input=prompt, output="".join(tokens), payload={"finish_reason": "stop"}),
               metadata=TraceMetadata(chat_responses=[{"text": "".join(tokens), "generation_info": None}]),
               usage_info=usage)


async def tool_call(stream: Stream, name: str, arguments: dict, result, framework: LLMFrameworkEnum | None) -> None:
    start = stream.push(event_type=Type.TOOL_START,
                        framework=framework,
                        name=name,
                        tags=["tool", name],
                        data=StreamEventData(input=arguments),
                        metadata=TraceMetadata(tool_inputs=arguments, tool_info={"source": "registry"}))
    stream.end(start,
               Type.TOOL_END,
               framework=framework,
               tags=[],
               data=StreamEventData(input=arguments, output=result, payload={"http_status": 200, "cached": False}),
               metadata=TraceMetadata(tool_outputs=[ServerToolUseSchema(name=name, arguments=arguments,
                                                                         output=result)]),
               usage_info=UsageInfo())


async def worker(stream: Stream, index: int) -> None:
    """A function run in its own task, as the toolkit runs parallel tool branches."""
    with stream.context.push_active_function(f"branch_{index}", input_data={"branch": index}) as branch:
        await asyncio.sleep(0)
        await tool_call(stream, "calculator", {"expression": f"{index} * 7"}, index * 7, LLMFrameworkEnum.CREWAI)
        branch.set_output({"value": index * 7})


async def run(stream: Stream) -> None:
    context = stream.context
    workflow = stream.push(event_type=Type.WORKFLOW_START,
                           name="react_agent_workflow",
                           data=StreamEventData(input="Who wrote The Left Hand of Darkness, and when?"),
                           metadata=TraceMetadata(provided_metadata={
                               "workflow_run_id": "run-4b1e9d2c", "display_name": "Library Q&A"
                           }))
    with context.push_active_function("react_agent", input_data={"input_message": "Who wrote it?"}) as agent:
        await llm_call(stream,
                       "meta/llama-3.1-8b-instruct",
                       "Thought: I should search.",
                       ["I ", "should ", "search ", "the wiki."],
                       UsageInfo(token_usage=TokenUsageBaseModel(prompt_tokens=412,
                                                                 completion_tokens=38,
                                                                 cached_tokens=256,
                                                                 reasoning_tokens=12,
                                                                 total_tokens=450),
                                 num_llm_calls=1,
                                 seconds_between_calls=2),
                       LLMFrameworkEnum.LANGCHAIN)
        with context.push_active_function("wiki_search", input_data="The Left Hand of Darkness") as search:
            await tool_call(stream,
                            "wiki_search", {"query": "The Left Hand of Darkness"},
                            "The Left Hand of Darkness — Ursula K. Le Guin, 1969 ✓", LLMFrameworkEnum.LANGCHAIN)
            search.set_output("Ursula K. Le Guin (1969)")
        # An LLM call whose usage is all defaults, and one without any usage or framework.
        await llm_call(stream, "nvidia/nemotron-mini", "Summarise.", ["Le Guin, ", "1969."], UsageInfo(),
                       LLMFrameworkEnum.LLAMA_INDEX)
        await llm_call(stream, "local-model", "", [], None, None)

        task = stream.push(event_type=Type.TASK_START,
                           name="rank_sources",
                           tags=[],
                           metadata={},
                           data=StreamEventData(input={}, output=[], chunk=None))
        stream.end(task, Type.TASK_END, data=StreamEventData(input={}, output=[[], {}, [None]]), metadata={})

        ttc = stream.push(event_type=Type.TTC_START,
                          name="best_of_n",
                          data=TTCEventData(input="candidates", turn_id="turn-1", turn_index=0))
        stream.end(ttc,
                   Type.TTC_END,
                   data=TTCEventData(output="best", turn_id="turn-1", turn_index=0, candidate_index=2, score=0.875))

        span = stream.push(event_type=Type.SPAN_START,
                           name="retrieval",
                           framework=LLMFrameworkEnum.SEMANTIC_KERNEL,
                           metadata={"index": "books", "k": 5})
        stream.push(UUID=span.UUID,
                    event_type=Type.SPAN_CHUNK,
                    name="retrieval",
                    data=StreamEventData(chunk={"doc": 1, "score": 0.30000000000000004}))
        stream.push(UUID=span.UUID,
                    event_type=Type.SPAN_CHUNK,
                    name="retrieval",
                    data=StreamEventData(chunk={
                        "doc": 2, "score": 1e-07, "big": 99999999999999999999, "negative_big": -18446744073709551617
                    }))
        stream.end(span, Type.SPAN_END, data=StreamEventData(output=["doc 1", "doc 2"]))

        custom = stream.push(event_type=Type.CUSTOM_START,
                             name="guardrail: \"quotes\", \\ backslash, tab\t, newline\n, émoji 🦜, \u0001",
                             tags=["safety", ""],
                             framework=LLMFrameworkEnum.AGNO,
                             data=StreamEventData(input={"nested": {"list": [1, 2.5, True, None, "x"]}},
                                                  extra_key="kept"),
                             metadata={"rule": "no-pii", "threshold": 1e300, "ratio": 2.0, "tiny": 5e-324})
        stream.end(custom,
                   Type.CUSTOM_END,
                   framework=LLMFrameworkEnum.AGNO,
                   data=StreamEventData(output={"allowed": True}),
                   usage_info=UsageInfo(token_usage=TokenUsageBaseModel(prompt_tokens=1)))

        # A step with no data, metadata, name or tags at all.
        bare = stream.push(event_type=Type.CUSTOM_START)
        stream.push(UUID=bare.UUID, event_type=Type.CUSTOM_END, span_event_timestamp=stream.starts[bare.UUID])

        # Parallel branches: each task has its own function ancestry and step stack.
        await asyncio.gather(*(worker(stream, index) for index in range(3)))

        for framework in (LLMFrameworkEnum.ADK, LLMFrameworkEnum.STRANDS, LLMFrameworkEnum.AUTOGEN):
            await tool_call(stream, f"{framework.value}_tool", {}, None, framework)
        agent.set_output("Ursula K. Le Guin wrote it in 1969.")
    stream.end(workflow,
               Type.WORKFLOW_END,
               data=StreamEventData(output="Ursula K. Le Guin wrote it in 1969."),
               metadata=TraceMetadata(provided_metadata={"workflow_run_id": "run-4b1e9d2c"}))


async def main(output: Path) -> None:
    providers.set_id_provider(next_id)
    providers.set_time_provider(next_time)
    state = ContextState.get()
    pushed: list[IntermediateStep] = []
    state.event_stream.get().subscribe(pushed.append)
    with tempfile.TemporaryDirectory() as directory:
        written = Path(directory) / "trace.jsonl"
        exporter = FileExporter(context_state=state, output_path=str(written), project="fixture", mode="overwrite")
        async with exporter.start():
            await run(Stream())
            await exporter.wait_for_tasks()
        lines = written.read_text(encoding="utf-8").splitlines()

    # The exporter writes asynchronously: check that it wrote every step, in order, and that each line reads back.
    written_ids = [(json.loads(line)["payload"]["UUID"], json.loads(line)["payload"]["event_type"]) for line in lines]
    pushed_ids = [(step.payload.UUID, step.payload.event_type.value) for step in pushed]
    if written_ids != pushed_ids:
        sys.exit(f"the file exporter wrote {len(lines)} lines that differ from the {len(pushed)} steps pushed")
    for line in lines:
        IntermediateStep.model_validate_json(line)
    output.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"wrote {len(lines)} steps to {output}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    asyncio.run(main(Path(sys.argv[1])))
