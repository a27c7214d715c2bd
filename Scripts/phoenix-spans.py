#!/usr/bin/env python3
"""Fetches the spans of one Phoenix project through its REST API and writes them as a JSON array.

Phoenix stores spans slowly (about 100-150 a second into SQLite), so a fetch right after an export sees only some of
them. This polls GET {endpoint}/v1/projects/{project}/spans (following `next_cursor`) until at least --expect spans
are there, or, without --expect, until the count is non-zero and has not changed for three polls in a row; it gives
up after --timeout seconds with exit status 1, saying how many arrived.

Usage: phoenix-spans.py --project NAME [--endpoint URL] [--expect N] [--timeout S] [--output FILE]
       (Scripts/phoenix-run.sh calls it inside Phoenix's namespace; the default endpoint is $PHOENIX_ENDPOINT.)
Standard library only: any python3 runs it.
"""

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def fetch_all(endpoint: str, project: str) -> list:
    """Every stored span of the project, all pages; [] while the project does not exist yet."""
    spans: list = []
    cursor = None
    while True:
        query = {"limit": "1000"}
        if cursor:
            query["cursor"] = cursor
        url = f"{endpoint}/v1/projects/{urllib.parse.quote(project, safe='')}/spans?{urllib.parse.urlencode(query)}"
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                page = json.load(response)
        except urllib.error.HTTPError as error:
            if error.code == 404:  # the project appears with its first stored span
                return []
            raise
        spans.extend(page.get("data") or [])
        cursor = page.get("next_cursor")
        if not cursor:
            return spans


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", default=os.environ.get("PHOENIX_ENDPOINT", "http://127.0.0.1:6006"))
    parser.add_argument("--project", required=True)
    parser.add_argument("--expect", type=int, help="wait until at least this many spans are stored")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait at most")
    parser.add_argument("--output", help="file to write (default: standard output)")
    arguments = parser.parse_args()

    deadline = time.monotonic() + arguments.timeout
    counts: list = []
    while True:
        spans = fetch_all(arguments.endpoint.rstrip("/"), arguments.project)
        counts.append(len(spans))
        if arguments.expect is not None:
            done = len(spans) >= arguments.expect
        else:
            done = len(spans) > 0 and len(counts) >= 3 and len(set(counts[-3:])) == 1
        if done:
            break
        if time.monotonic() >= deadline:
            wanted = f"{arguments.expect}" if arguments.expect is not None else "a settled count of"
            print(
                f"phoenix-spans: project {arguments.project!r} has {len(spans)} spans after {arguments.timeout:g} s, "
                f"wanted {wanted}",
                file=sys.stderr,
            )
            return 1
        time.sleep(0.5)

    text = json.dumps(spans, indent=1, sort_keys=True)
    if arguments.output:
        temporary = f"{arguments.output}.tmp-{os.getpid()}"
        with open(temporary, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, arguments.output)  # readers never see half a file
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
