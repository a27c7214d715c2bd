"""Joins exporter-bench's and toolkit_bench.py's JSON lines: a table on stdout, then one JSON line per figure."""

import json
import sys


def read(path):
    with open(path) as lines:
        return [json.loads(line) for line in lines if line.strip().startswith("{")]


ours = read(sys.argv[1])
toolkit = {(row["figure"], row["name"]): row["value"] for row in read(sys.argv[2])}

rows = []
for row in ours:
    theirs = toolkit.get((row["figure"], row["name"]))
    ratio = None
    if theirs and row["value"] and not row["unit"].startswith("bytes"):
        # How many times better ours is: rates higher, costs (ns, ms, MiB) lower.
        ratio = row["value"] / theirs if row["unit"].endswith("/s") else theirs / row["value"]
    rows.append({
        "figure": row["figure"], "name": row["name"], "unit": row["unit"],
        "ours": row["value"], "toolkit": theirs, "ratio": None if ratio is None else round(ratio, 1),
    })


def cell(value):
    if value is None:
        return "—"
    if isinstance(value, float) and value >= 1000:
        return f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


headers = ("figure", "name", "unit", "exporter-scaffold", "toolkit 1.9.0", "ratio")
table = [headers] + [(r["figure"], r["name"], r["unit"], cell(r["ours"]), cell(r["toolkit"]),
                      "—" if r["ratio"] is None else f"{r['ratio']:g}×") for r in rows]
widths = [max(len(str(line[i])) for line in table) for i in range(len(headers))]
for index, line in enumerate(table):
    print("  ".join(str(value).rjust(width) if column >= 3 else str(value).ljust(width)
                    for column, (value, width) in enumerate(zip(line, widths))))
    if index == 0:
        print("  ".join("-" * width for width in widths))
print()
for row in rows:
    print(json.dumps(row))
