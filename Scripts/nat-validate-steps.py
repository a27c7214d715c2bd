#!/usr/bin/env python3
"""Reads an IntermediateStep JSON Lines file with the toolkit's own code and reports what the toolkit understood.

Every line is parsed by the toolkit's pydantic model (`IntermediateStep.model_validate_json`, which rejects what
the toolkit would reject: an unknown `framework`, a missing field, a `span_event_timestamp` on a START), and the
steps are then fed, in order, to the toolkit's own `SpanExporter` (the base of its OTLP, Phoenix, ... exporters),
so that the spans it builds show how it reads each field (`llm.model_name` comes from an LLM step's `name`).

Prints one JSON object per line on stdout:
  {"line": N, "event_type": ..., "name": ..., "framework": ..., "function_id": ..., "function_name": ...,
   "parent_id": ...}
then one per span the exporter finished:
  {"span": NAME, "uuid": ..., "llm.model_name": ..., "nat.framework": ..., "nat.function.name": ...,
   "span.kind": ...}
Exits 1, naming the line and the toolkit's error, when a line does not parse.

Usage: "$(Scripts/nat-venv.sh)" Scripts/nat-validate-steps.py STEPS.jsonl
"""

import asyncio
import json
import sys

from nat.builder.context import ContextState
from nat.data_models.intermediate_step import IntermediateStep
from nat.data_models.span import Span
from nat.observability.exporter.span_exporter import SpanExporter


class CollectingSpanExporter(SpanExporter[Span, Span]):
    """The toolkit's span exporter with a sink that keeps the finished spans."""

    def __init__(self) -> None:
        super().__init__(context_state=ContextState.get())
        self.spans: list[Span] = []

    async def export_processed(self, item: Span) -> None:
        self.spans.append(item)


async def main(path: str) -> int:
    steps: list[IntermediateStep] = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                step = IntermediateStep.model_validate_json(line)
            except Exception as error:  # pydantic's ValidationError, or a JSON error
                print(f"line {number}: the toolkit rejects it: {error}", file=sys.stderr)
                return 1
            steps.append(step)
            print(
                json.dumps({
                    "line": number,
                    "event_type": step.event_type.value,
                    "name": step.name,
                    "framework": step.framework.value if step.framework else None,
                    "function_id": step.function_ancestry.function_id,
                    "function_name": step.function_ancestry.function_name,
                    "parent_id": step.parent_id,
                }))

    exporter = CollectingSpanExporter()
    async with exporter.start():
        for step in steps:
            exporter.export(step)
        await exporter.wait_for_tasks()
    for span in exporter.spans:
        attributes = span.attributes
        print(
            json.dumps({
                "span": span.name,
                "llm.model_name": attributes.get("llm.model_name"),
                "nat.framework": attributes.get("nat.framework"),
                "nat.function.name": attributes.get("nat.function.name"),
                "span.kind": attributes.get("nat.span.kind"),
            }))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(asyncio.run(main(sys.argv[1])))
