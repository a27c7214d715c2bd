#!/usr/bin/env python3
"""Reads the traces of one MLflow experiment back through MLflow's Python client and writes them as a JSON array.

MLflow stores OTLP spans as they arrive, so this polls `MlflowClient.search_traces` until the experiment holds at
least --expect-spans spans (or, without it, until the span count is non-zero and has not changed for three polls in
a row), then writes one object per trace: `info` (trace id, state, request/response previews, `trace_metadata` with
`mlflow.trace.session`, `mlflow.trace.user`, `mlflow.trace.tokenUsage`, ..., tags, and `token_usage` as MLflow
computes it) and `spans` (name, span and parent ids, `span_type`, status, inputs, outputs, every attribute as MLflow
decoded it). It gives up after --timeout seconds with exit status 1, saying how many spans arrived (and still writes
what it found); --expect-spans 0 reads once without waiting.

Usage: mlflow-traces.py --tracking-uri URL --experiment-id ID [--expect-spans N] [--timeout S] [--output FILE]
Runs with the python of Scripts/mlflow-venv.sh (MLFLOW_PYTHON).
"""

import argparse
import json
import sys
import time


def read_traces(client, experiment_id: str) -> list:
    traces = []
    token = None
    while True:
        page = client.search_traces(
            locations=[experiment_id], max_results=500, page_token=token, include_spans=True
        )
        traces.extend(page)
        token = getattr(page, "token", None)
        if not token:
            return traces


def span_json(span) -> dict:
    status = span.status
    return {
        "name": span.name,
        "trace_id": span.trace_id,
        "span_id": span.span_id,
        "parent_id": span.parent_id,
        "span_type": span.span_type,
        "status": getattr(status.status_code, "value", str(status.status_code)),
        "inputs": span.inputs,
        "outputs": span.outputs,
        "attributes": span.attributes,
    }


def trace_json(trace) -> dict:
    info = trace.info
    return {
        "info": {
            "trace_id": info.trace_id,
            "state": getattr(info.state, "value", str(info.state)),
            "request_preview": info.request_preview,
            "response_preview": info.response_preview,
            "trace_metadata": dict(info.trace_metadata or {}),
            "tags": dict(info.tags or {}),
            "token_usage": info.token_usage,
        },
        "spans": [span_json(span) for span in trace.data.spans],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracking-uri", required=True)
    parser.add_argument("--experiment-id", required=True)
    parser.add_argument("--expect-spans", type=int, help="wait until at least this many spans are stored")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait at most")
    parser.add_argument("--output", help="file to write (default: standard output)")
    arguments = parser.parse_args()

    from mlflow import MlflowClient

    client = MlflowClient(tracking_uri=arguments.tracking_uri)
    deadline = time.monotonic() + arguments.timeout
    counts: list = []
    while True:
        traces = read_traces(client, arguments.experiment_id)
        counts.append(sum(len(trace.data.spans) for trace in traces))
        if arguments.expect_spans is not None:
            if counts[-1] >= arguments.expect_spans:
                break
        elif counts[-1] > 0 and len(counts) >= 3 and counts[-3] == counts[-2] == counts[-1]:
            break
        if time.monotonic() >= deadline:
            text = json.dumps([trace_json(trace) for trace in traces], ensure_ascii=False)
            if arguments.output:
                with open(arguments.output, "w", encoding="utf-8") as file:
                    file.write(text)
            print(
                f"mlflow-traces: {counts[-1]} spans in experiment {arguments.experiment_id} after "
                f"{arguments.timeout:g}s (expected {arguments.expect_spans})",
                file=sys.stderr,
            )
            return 1
        time.sleep(0.5)

    text = json.dumps([trace_json(trace) for trace in traces], ensure_ascii=False)
    if arguments.output:
        with open(arguments.output, "w", encoding="utf-8") as file:
            file.write(text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
