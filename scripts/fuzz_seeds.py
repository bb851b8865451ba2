#!/usr/bin/env python3
"""Writes fuzz seeds cut from the real list files, so the fuzzers start from the formats'
real shapes (bilingual Canada tags, OFAC remarks, UK non-Latin columns) instead of from nothing.

Each seed is a small, still well-formed slice of a publication: libFuzzer mutates small inputs
much faster, and every slice still parses, so mutations explore the parser, not just its first
error. Usage: fuzz_seeds.py DATA_DIR OUT_DIR
"""
import json
import pathlib
import re
import sys

SEP = b"\n#--FILE--#\n"  # screener::fuzzing::OFAC_FILE_SEPARATOR


def write(out: pathlib.Path, target: str, name: str, data: bytes) -> None:
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def canada(data: pathlib.Path, out: pathlib.Path) -> None:
    text = (data / "canada/sema-lmes_2025-09-22.xml").read_bytes()
    head, _, rest = text.partition(b"<record>")
    records = [b"<record>" + r for r in rest.split(b"<record>")]
    records[-1] = records[-1].split(b"</data-set>")[0]
    belarus = [r for r in records if b"Belarus" in r]
    for i in range(0, min(len(belarus), 160), 8):
        write(out, "parse_ca_sema", f"belarus-{i:03}.xml", head + b"".join(belarus[i:i + 8]) + b"</data-set>\n")
    for i in range(0, len(records), max(1, len(records) // 20)):
        write(out, "parse_ca_sema", f"any-{i:05}.xml", head + b"".join(records[i:i + 6]) + b"</data-set>\n")


def ofac(data: pathlib.Path, out: pathlib.Path) -> None:
    d = data / "ofac"
    sdn = (d / "sdn_2023-12-28.csv").read_bytes().split(b"\r\n")
    alt = (d / "alt_2023-12-28.csv").read_bytes().split(b"\r\n")
    add = (d / "add_2023-12-28.csv").read_bytes().split(b"\r\n")
    com = (d / "sdn_comments_2023-12-28.csv").read_bytes().split(b"\r\n")
    def num(line: bytes) -> bytes:
        return line.split(b",", 1)[0]
    belarus = [l for l in sdn if b"BELARUS" in l]
    chunks = [belarus[i:i + 6] for i in range(0, min(len(belarus), 120), 6)]
    chunks += [sdn[i:i + 6] for i in range(0, len(sdn), max(1, len(sdn) // 12))]
    for n, chunk in enumerate(chunks):
        nums = {num(l) for l in chunk}
        parts = [b"\r\n".join(chunk)]
        for companion in (alt, add, com):
            parts.append(b"\r\n".join(l for l in companion if num(l) in nums))
        write(out, "parse_ofac_sdn", f"bundle-{n:03}.csv", SEP.join(parts) + b"\r\n")


def uk(data: pathlib.Path, out: pathlib.Path) -> None:
    lines = (data / "uk/ConList_2025-04-10.csv").read_bytes().split(b"\n")
    head = lines[:2]
    rows = lines[2:]
    belarus = [r for r in rows if b"Belarus" in r]
    non_latin = [r for r in rows if re.search(rb"[\xd0\xd1][\x80-\xbf]", r)]
    for label, pool in (("belarus", belarus), ("cyrillic", non_latin), ("any", rows[:: max(1, len(rows) // 200)])):
        for i in range(0, min(len(pool), 80), 8):
            write(out, "parse_uk_ofsi", f"{label}-{i:03}.csv", b"\n".join(head + pool[i:i + 8]) + b"\n")


def names(data: pathlib.Path, out: pathlib.Path) -> None:
    dev = data.parent / "eval/dev.jsonl"
    picked = []
    if dev.exists():
        for line in dev.read_text(encoding="utf-8").splitlines()[::25]:
            try:
                picked.append(json.loads(line)["party"]["name"])
            except (ValueError, KeyError):
                continue
    picked += ["Лукашенко Александр Григорьевич", "LUKASHENKA, Aliaksandr", "A. G. Lukashenko",
               "ОАО «Беларуськалий»", "Lukaschenko\u200b Alexander", "Lkshnk", "LUKASHENKO,Alexander (Mr)"]
    for target in ("normalize_name", "screen_name"):
        for i, name in enumerate(picked):
            write(out, target, f"name-{i:03}.txt", name.encode("utf-8"))


def main() -> None:
    data, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    canada(data, out)
    ofac(data, out)
    uk(data, out)
    names(data, out)


if __name__ == "__main__":
    main()
