#!/usr/bin/env python3
"""Validates ATIF v1.6 trajectory files strictly against the reference model (PyPI nvidia-nat-atif==1.6.0).

Usage: validate-atif.py FILE...   (run with the python of Scripts/atif-venv.sh)

Each file holds one trajectory object (or a JSON array of them). Prints one line per file, `OK <file>` or
`INVALID <file>: <reason>`, and exits 0 only when every file is valid.

Strict means: pydantic strict mode (no type coercion), the model's own `extra="forbid"` on every object, plus the
rules of the ATIF v1.6 specification that the NAT package relaxes for its own converter: `schema_version` must be
"ATIF-v1.6", `session_id` must be present, `steps` must hold at least one step and every step must carry
`message`. A step's `extra`, when it has `ancestry`, must also satisfy NAT's `AtifStepExtra` model.
"""

import json
import sys

try:
    from nat.atif import AtifStepExtra, Trajectory
except ImportError:
    sys.exit("validate-atif.py: nat.atif is missing; run it with the python that Scripts/atif-venv.sh prints")

from pydantic import ValidationError


def problems(document):
    """The reasons `document` is not a strict ATIF v1.6 trajectory (empty when valid)."""
    if not isinstance(document, dict):
        return ["a trajectory must be a JSON object"]
    found = []
    try:
        Trajectory.model_validate(document, strict=True)
    except ValidationError as error:
        found += [f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}" for e in error.errors()]
    if document.get("schema_version") != "ATIF-v1.6":
        found.append(f"schema_version: expected 'ATIF-v1.6', got {document.get('schema_version')!r}")
    if "session_id" not in document:
        found.append("session_id: required in ATIF v1.6")
    steps = document.get("steps")
    if not isinstance(steps, list) or not steps:
        found.append("steps: at least one step is required")
    else:
        for index, step in enumerate(steps):
            if not isinstance(step, dict):
                continue
            if "message" not in step:
                found.append(f"steps.{index}.message: required")
            extra = step.get("extra")
            if isinstance(extra, dict) and "ancestry" in extra:
                try:
                    AtifStepExtra.model_validate(extra, strict=True)
                except ValidationError as error:
                    found += [f"steps.{index}.extra.{'.'.join(map(str, e['loc']))}: {e['msg']}"
                              for e in error.errors()]
    return found


def main(paths):
    if not paths:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    all_valid = True
    for path in paths:
        try:
            with open(path, encoding="utf-8") as handle:
                document = json.load(handle)
        except (OSError, ValueError) as error:
            print(f"INVALID {path}: {error}")
            all_valid = False
            continue
        documents = document if isinstance(document, list) else [document]
        found = []
        for position, trajectory in enumerate(documents):
            prefix = f"[{position}] " if isinstance(document, list) else ""
            found += [prefix + problem for problem in problems(trajectory)]
        if isinstance(document, list) and not document:
            found.append("an empty array holds no trajectory")
        if found:
            print(f"INVALID {path}: " + "; ".join(found))
            all_valid = False
        else:
            print(f"OK {path}")
    return 0 if all_valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
