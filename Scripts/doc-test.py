#!/usr/bin/env python3
"""The doc test: runs every shell command README.md and docs/*.md show, so none goes stale.

Usage: Scripts/doc-test.py [--scaffold PATH] [FILE.md ...]   (default: README.md docs/*.md; PATH: .build/debug/scaffold)

Every fenced block whose info string starts with `sh`, `bash`, `shell` or `console` is a test. Each document runs
in a fresh copy of the checkout (its tracked and untracked, not ignored, files) in a temporary directory, with the
given `scaffold` copied onto PATH (as installed), HOME and TMPDIR inside that directory; its blocks run in order,
each with `bash -euo pipefail` from the copy's root, so files one block writes are there for the next. In a
`console` block only the lines starting with `$ ` (and their `\\` continuations) are commands; the rest is output.
Attributes after the language, in the info string:
  skip="reason"   not run (a network server, a release build, the test command itself); the reason is printed
  cwd="DIR"       run from DIR of the copy instead of its root
Exits 1 when a block fails (its location, commands and output are printed) or an info string is malformed.
"""

import argparse
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

LANGUAGES = {"sh", "bash", "shell", "console"}
ATTRIBUTES = {"skip", "cwd"}
TIMEOUT_SECONDS = 600


class Block:
    def __init__(self, path, line, language, attributes, text):
        self.path, self.line, self.language, self.attributes, self.text = path, line, language, attributes, text

    @property
    def location(self):
        return f"{self.path}:{self.line}"

    def script(self):
        if self.language != "console":
            return self.text
        commands, continuing = [], False
        for line in self.text.split("\n"):
            if continuing or line.startswith("$ "):
                commands.append(line if continuing else line[2:])
                continuing = line.endswith("\\")
        return "\n".join(commands)


def blocks(path):
    """The shell blocks of a Markdown file, with their attributes; raises ValueError on a malformed info string."""
    lines = open(path, encoding="utf-8").read().split("\n")
    found, index = [], 0
    while index < len(lines):
        opening = re.match(r"^(\s*)(`{3,})(.*)$", lines[index])
        if not opening:
            index += 1
            continue
        indent, fence, info = opening.group(1), opening.group(2), opening.group(3).strip()
        end = index + 1
        while end < len(lines) and lines[end].strip() != fence:
            end += 1
        words = shlex.split(info) if info else []
        if words and words[0] in LANGUAGES:
            attributes = {}
            for word in words[1:]:
                key, equals, value = word.partition("=")
                if not equals or key not in ATTRIBUTES:
                    raise ValueError(f"{path}:{index + 1}: unknown attribute '{word}' (known: skip=, cwd=)")
                attributes[key] = value
            if "skip" in attributes and not attributes["skip"].strip():
                raise ValueError(f"{path}:{index + 1}: skip needs a reason")
            text = "\n".join(line[len(indent):] if line.startswith(indent) else line for line in lines[index + 1:end])
            found.append(Block(path, index + 1, words[0], attributes, text))
        index = end + 1
    return found


def copy_checkout(root, destination):
    """Copies the checkout's tracked and untracked (not ignored) files, as a user's clone would hold them."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root, check=True, capture_output=True,
    ).stdout.decode().split("\0")
    for relative in filter(None, listed):
        source = os.path.join(root, relative)
        if not os.path.lexists(source):
            continue  # deleted in the working tree
        target = os.path.join(destination, relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if os.path.islink(source):
            os.symlink(os.readlink(source), target)
        else:
            shutil.copy2(source, target)


def run_document(root, path, scaffold):
    """Runs the blocks of one document; returns (ran, skipped, failures)."""
    ran, skipped, failures = 0, [], []
    document_blocks = blocks(path)
    if not any("skip" not in block.attributes for block in document_blocks):
        return ran, [(block, block.attributes["skip"]) for block in document_blocks], failures
    with tempfile.TemporaryDirectory(prefix="doc-test-") as work:
        checkout = os.path.join(work, "checkout")
        for directory in ("bin", "home", "tmp", "checkout"):
            os.makedirs(os.path.join(work, directory))
        copy_checkout(root, checkout)
        shutil.copy2(scaffold, os.path.join(work, "bin", "scaffold"))
        environment = dict(os.environ)
        environment.update(
            PATH=os.path.join(work, "bin") + os.pathsep + environment.get("PATH", ""),
            HOME=os.path.join(work, "home"),
            TMPDIR=os.path.join(work, "tmp"),
        )
        for block in document_blocks:
            if "skip" in block.attributes:
                skipped.append((block, block.attributes["skip"]))
                continue
            directory = os.path.join(checkout, block.attributes.get("cwd", "."))
            ran += 1
            try:
                result = subprocess.run(
                    ["bash", "-euo", "pipefail", "-c", block.script()],
                    cwd=directory, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                    timeout=TIMEOUT_SECONDS,
                )
                status, output = result.returncode, result.stdout.decode(errors="replace")
            except subprocess.TimeoutExpired as timeout:
                status, output = "timeout", (timeout.stdout or b"").decode(errors="replace")
            except OSError as error:
                status, output = "error", str(error)
            print(f"{'ok  ' if status == 0 else 'FAIL'}  {block.location}", flush=True)
            if status != 0:
                failures.append((block, status, output))
    return ran, skipped, failures


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description="Runs the shell blocks of README.md and docs/*.md.")
    parser.add_argument("--scaffold", default=os.path.join(root, ".build", "debug", "scaffold"))
    parser.add_argument("files", nargs="*")
    arguments = parser.parse_args()
    files = arguments.files or ["README.md"] + sorted(os.path.relpath(p, root) for p in glob.glob(f"{root}/docs/*.md"))
    if not os.access(arguments.scaffold, os.X_OK):
        sys.exit(f"doc-test: no scaffold at {arguments.scaffold} (swift build --product scaffold, or --scaffold PATH)")
    os.chdir(root)
    total_ran, total_skipped, total_failures = 0, [], []
    for path in files:
        try:
            ran, skipped, failures = run_document(root, path, os.path.abspath(arguments.scaffold))
        except ValueError as error:
            print(f"doc-test: {error}", file=sys.stderr)
            return 1
        total_ran += ran
        total_skipped += skipped
        total_failures += failures
    for block, reason in total_skipped:
        print(f"skip  {block.location}: {reason}")
    for block, status, output in total_failures:
        print(f"\n== {block.location} failed ({status}):\n{block.script()}\n-- output:\n{output}", file=sys.stderr)
    print(f"doc-test: {total_ran} blocks ran, {len(total_failures)} failed, {len(total_skipped)} skipped")
    return 1 if total_failures else 0


if __name__ == "__main__":
    sys.exit(main())
