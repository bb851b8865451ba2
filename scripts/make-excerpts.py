#!/usr/bin/env python3
"""Regenerates the committed test data (tests/data/) from the full official publications.

    python3 scripts/make-excerpts.py [--source ../shared/data] [--out tests/data] [--check]

Writes, from SOURCE (the full publications, laid out as ../shared/data is):

  tests/data/lists/canada/sema-lmes_2025-09-22.xml     every Belarus record + every 16th other one
  tests/data/lists/ofac/{sdn,alt,add,sdn_comments}_2023-12-28.csv, sdn_2022-11-18.csv, sdn_2024-05-03.csv
                                                        one set of entities, cut from each publication
  tests/data/lists/uk/ConList_2025-04-10.csv           every group with a Belarus row + every 16th other group
  tests/data/lists/japan/mof-asset-freeze_2026-03-05.xlsx   copied whole
  tests/data/eval/dev.jsonl                            copied whole (SOURCE/../eval/dev.jsonl)
  tests/data/MANIFEST.md                               provenance, sha256 of source and excerpt, how cut

Excerpts are cut at whole records and keep every byte of the records they keep: the same
encoding (Latin-1 for OFAC, UTF-8 elsewhere), the same line endings (CRLF for OFAC and OFSI, with
OFSI's LF inside quoted fields), OFAC's trailing 0x1A end-of-file byte, Canada's XML prolog and
<data-set> root (closed as in the source), OFSI's `Last Updated` line and header. Records stay in
source order. The selection is a fixed rule over the source files, so the output is the same on
every run; --check regenerates in memory and exits 1 if a committed file differs.

Only the Python standard library is used.
"""
import argparse
import csv
import hashlib
import io
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Of the records outside the Belarus scope, one in every N is kept (about 200 records of Canada and
# OFAC, 100 groups of OFSI, whose rows are long): enough to exercise scope and `--regime all`.
CANADA_EVERY = 24
OFAC_EVERY = 64
UK_EVERY = 48
OFAC_DATES = ("2022-11-18", "2023-12-28", "2024-05-03")
OFAC_MAIN = "2023-12-28"  # the publication with companion files (alt, add, sdn_comments)
BELARUS_PROGRAMS = {"BELARUS", "BELARUS-EO14038"}

CANADA = "canada/sema-lmes_2025-09-22.xml"
UK = "uk/ConList_2025-04-10.csv"
JAPAN = "japan/mof-asset-freeze_2026-03-05.xlsx"


def sha256(b):
    return hashlib.sha256(b).hexdigest()


# ---------------------------------------------------------------------------------------------
# Splitting files into records, byte for byte


def csv_records(b):
    """Splits CSV bytes into (head, records, tail): each record is its exact bytes up to and
    including its line end (LF or CRLF) outside quotes; tail is what follows the last line end
    (OFAC's 0x1A). head is empty. Joined back they are the input."""
    records, start, quoted = [], 0, False
    for i, c in enumerate(b):
        if c == 0x22:  # '"': a doubled quote toggles twice, which is right
            quoted = not quoted
        elif c == 0x0A and not quoted:
            records.append(b[start : i + 1])
            start = i + 1
    tail = b[start:]
    if quoted:
        sys.exit("unbalanced quotes: not a CSV file this script understands")
    assert b"".join(records) + tail == b
    return records, tail


def csv_fields(record, encoding):
    rows = list(csv.reader(io.StringIO(record.decode(encoding), newline="")))
    assert len(rows) == 1, record[:200]
    return rows[0]


def xml_records(b):
    """Splits Canada's XML into (head, records, tail): a record is its line from the indentation
    before `<record>` to the line end after `</record>`."""
    records, pos = [], 0
    starts = [m.start() for m in re.finditer(rb"<record>", b)]
    if not starts:
        sys.exit("no <record> in the Canadian file")
    first = b.rfind(b"\n", 0, starts[0]) + 1
    head, pos = b[:first], first
    for s in starts:
        line_start = b.rfind(b"\n", 0, s) + 1
        assert line_start == pos, "text between records"
        end = b.index(b"</record>", s) + len(b"</record>")
        if b[end : end + 2] == b"\r\n":
            end += 2
        elif b[end : end + 1] == b"\n":
            end += 1
        records.append(b[line_start:end])
        pos = end
    tail = b[pos:]
    assert head + b"".join(records) + tail == b
    return head, records, tail


def xml_field(record, tag):
    m = re.search(rb"<" + tag.encode() + rb">(.*?)</" + tag.encode() + rb">", record, re.S)
    return m.group(1).decode("utf-8").strip() if m else ""


# ---------------------------------------------------------------------------------------------
# The cuts


def cut_canada(src):
    b = (src / CANADA).read_bytes()
    head, records, tail = xml_records(b)
    kept, belarus, others, seen_others = [], 0, 0, 0
    for r in records:
        if xml_field(r, "Country").lower().startswith("belarus"):
            kept.append(r)
            belarus += 1
        else:
            if seen_others % CANADA_EVERY == 0:
                kept.append(r)
                others += 1
            seen_others += 1
    out = head + b"".join(kept) + tail
    ET.fromstring(out)  # well-formed XML
    assert out.count(b"<record>") == belarus + others
    how = (
        f"the XML prolog and `<data-set>` root as in the source, then, in source order, every record whose "
        f"`Country` begins with `Belarus` ({belarus}) and every {CANADA_EVERY}th of the other records (the 1st, "
        f"{CANADA_EVERY + 1}th, …: {others}), then the closing `</data-set>`. {belarus + others} of {len(records)} records."
    )
    facts = {"records": (belarus + others, len(records)), "belarus": belarus}
    return {CANADA: (b, out, how, facts)}


def ofac_rows(b):
    records, tail = csv_records(b)
    rows = [(r, csv_fields(r, "latin-1")) for r in records]
    return rows, tail


def ofac_belarus(fields):
    programs = {p.strip("[] \t") for p in fields[3].split("] [")}
    return bool(programs & BELARUS_PROGRAMS)


def cut_ofac(src):
    pubs = {}
    for d in OFAC_DATES:
        b = (src / f"ofac/sdn_{d}.csv").read_bytes()
        rows, tail = ofac_rows(b)
        assert all(len(f) == 12 for _, f in rows), d
        pubs[d] = (b, rows, tail)
    belarus_any = set()
    present = []
    for d, (_, rows, _) in pubs.items():
        belarus_any |= {f[0].strip() for _, f in rows if ofac_belarus(f)}
        present.append({f[0].strip() for _, f in rows})
    in_all = set.intersection(*present)
    chosen, seen = [], 0
    for _, f in pubs[OFAC_MAIN][1]:
        num = f[0].strip()
        if num in belarus_any or num not in in_all:
            continue
        if seen % OFAC_EVERY == 0:
            chosen.append(num)
        seen += 1
    # The few entries with remarks in SDN_COMMENTS.CSV, so that the cut companion is not empty.
    comments, _ = csv_records((src / f"ofac/sdn_comments_{OFAC_MAIN}.csv").read_bytes())
    commented = {csv_fields(r, "latin-1")[0].strip() for r in comments} & in_all
    commented -= belarus_any | set(chosen)
    keep = belarus_any | set(chosen) | commented
    rule = (
        f"the entries (`ent_num`) that are in program BELARUS or BELARUS-EO14038 in any of the three publications "
        f"({len(belarus_any)}), every {OFAC_EVERY}th (the 1st, {OFAC_EVERY + 1}th, …, in the order of "
        f"sdn_{OFAC_MAIN}.csv) of the entries present in all three publications and Belarus in none "
        f"({len(chosen)}), and the other entries with remarks in sdn_comments_{OFAC_MAIN}.csv that are in all three "
        f"({len(commented)}): {len(keep)} ent_nums"
    )
    out = {}
    for d, (b, rows, tail) in pubs.items():
        kept = [r for r, f in rows if f[0].strip() in keep]
        bel = sum(1 for r, f in rows if f[0].strip() in keep and ofac_belarus(f))
        data = b"".join(kept) + tail
        how = (
            f"the rows of {rule}, as far as this publication has them ({len(kept)} of {len(rows)} rows; "
            f"{bel} Belarus entries), in source order, then the trailing 0x1A byte."
        )
        out[f"ofac/sdn_{d}.csv"] = (b, data, how, {"records": (len(kept), len(rows)), "belarus": bel})
    for companion in ("alt", "add", "sdn_comments"):
        name = f"ofac/{companion}_{OFAC_MAIN}.csv"
        b = (src / name).read_bytes()
        records, tail = csv_records(b)
        kept = [r for r in records if csv_fields(r, "latin-1")[0].strip() in keep]
        how = (
            f"the rows whose first column (`ent_num`) is one of the {len(keep)} ent_nums kept in the SDN files "
            f"({len(kept)} of {len(records)} rows), in source order, then the trailing 0x1A byte."
        )
        out[name] = (b, b"".join(kept) + tail, how, {"records": (len(kept), len(records))})
    return out


def cut_uk(src):
    b = (src / UK).read_bytes()
    records, tail = csv_records(b)
    first, header, rows = records[0], records[1], records[2:]
    assert first.startswith(b"Last Updated,")
    h = csv_fields(header, "utf-8")
    gi, ri = h.index("Group ID"), h.index("Regime")
    fields = [csv_fields(r, "utf-8") for r in rows]
    assert all(len(f) == len(h) for f in fields)
    groups, known = [], set()  # in order of first row
    belarus = set()
    for f in fields:
        g = f[gi]
        if g not in known:
            groups.append(g)
            known.add(g)
        if f[ri].strip().lower() == "belarus":
            belarus.add(g)
    chosen, seen = set(), 0
    for g in groups:
        if g in belarus:
            continue
        if seen % UK_EVERY == 0:
            chosen.add(g)
        seen += 1
    keep = belarus | chosen
    kept = [r for r, f in zip(rows, fields) if f[gi] in keep]
    out = first + header + b"".join(kept) + tail
    how = (
        f"the `Last Updated` line and the header, then, in source order, every row of the groups (`Group ID`) "
        f"that have a row with Regime `Belarus` ({len(belarus)} groups, all their rows, of any regime) and of every "
        f"{UK_EVERY}th other group (the 1st, {UK_EVERY + 1}th, … in order of first appearance: {len(chosen)} groups). "
        f"{len(kept)} of {len(rows)} rows, {len(keep)} of {len(groups)} groups."
    )
    facts = {"records": (len(kept), len(rows)), "groups": (len(keep), len(groups)), "belarus": len(belarus)}
    return {UK: (b, out, how, facts)}


def copy_whole(src, name, how):
    b = (src / name).read_bytes()
    return {name: (b, b, how, {})}


# ---------------------------------------------------------------------------------------------
# The dev set refers only to Belarus entities, all of which the excerpts keep


def check_dev_set(dev, files):
    ca = files[CANADA][1]
    _, records, _ = xml_records(ca)
    ca_keys = {
        f"{xml_field(r, 'Schedule')}/{xml_field(r, 'Item')}"
        for r in records
        if xml_field(r, "Country").lower().startswith("belarus")
    }
    rows, _ = ofac_rows(files[f"ofac/sdn_{OFAC_MAIN}.csv"][1])
    ofac_keys = {f[0].strip() for _, f in rows if ofac_belarus(f)}
    uk_records, _ = csv_records(files[UK][1])
    h = csv_fields(uk_records[1], "utf-8")
    gi, ri = h.index("Group ID"), h.index("Regime")
    uk_keys = set()
    for r in uk_records[2:]:
        f = csv_fields(r, "utf-8")
        if f[ri].strip().lower() == "belarus":
            uk_keys.add(f[gi])
    keys = {"ca": ca_keys, "ofac": ofac_keys, "uk": uk_keys}
    positives, missing = 0, []
    for line in dev.decode("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("label") != "match":
            continue
        positives += 1
        exp = row["expect"]
        if exp["key"] not in keys[exp["source"]]:
            missing.append(f"{row['id']}: {exp['source']} {exp['key']}")
    if missing:
        sys.exit(f"dev set positives that refer to no Belarus entity of the excerpts: {missing[:10]} …")
    return positives


# ---------------------------------------------------------------------------------------------


PROVENANCE = {
    CANADA: "Global Affairs Canada, Consolidated Canadian Autonomous Sanctions List (SEMA), XML; list date 2025-09-22 "
    "(file name; latest DateOfListing inside 2025-08-26). Upstream copy: github matthewthomas060606-oss/rulesengineaml, "
    "data/CA.22.09.25.xml, commit a4b52c89fb1a6127b737d295c0c984437a9293ca.",
    "ofac/sdn_2022-11-18.csv": "US Treasury OFAC SDN list, legacy CSV (no header, `-0-` empty, CRLF, Latin-1, ends with "
    "0x1A), publication of 2022-11-18 (scrape date). Upstream copy: github jackdwyer/specially-designated-nationals-list, "
    "sdn.csv, commit d69dbd6397cac54784eb9dfb804757b7ff4a2f98.",
    "ofac/sdn_2023-12-28.csv": "US Treasury OFAC SDN list, legacy CSV, publication of 2023-12-28 (scrape date). Upstream "
    "copy: github jackdwyer/specially-designated-nationals-list, sdn.csv, commit 62d975080dbeee5378f2b2514d238364c8a59a0c.",
    "ofac/sdn_2024-05-03.csv": "US Treasury OFAC SDN list, legacy CSV, publication of 2024-05-03 (scrape date). Upstream "
    "copy: github jackdwyer/specially-designated-nationals-list, sdn.csv, commit a5ec3c5ee4aae1b36ba24897a051787ea5429d30.",
    "ofac/alt_2023-12-28.csv": "OFAC ALT.CSV (aliases) of the same publication as sdn_2023-12-28.csv. Upstream copy: "
    "github moov-io/watchman, test/testdata/static/alt.csv, commit fa395409af8279d5cb0ded28484e07d52cd90077.",
    "ofac/add_2023-12-28.csv": "OFAC ADD.CSV (addresses) of the same publication. Upstream copy: github moov-io/watchman, "
    "test/testdata/static/add.csv, commit fa395409af8279d5cb0ded28484e07d52cd90077.",
    "ofac/sdn_comments_2023-12-28.csv": "OFAC SDN_COMMENTS.CSV (remarks overflow), about the same date. Upstream copy: "
    "github moov-io/watchman, test/testdata/static/sdn_comments.csv, commit fa395409af8279d5cb0ded28484e07d52cd90077.",
    UK: "HM Treasury OFSI Consolidated List (ConList), list date 2025-04-10 (`Last Updated` line), the workbook's single "
    "sheet as CSV. Upstream copy: github nadya-soto/uk-sanctions-cleaning-project, data/UK_Sanctions_List.xlsx, commit "
    "aaebb3d4b7bcd0eaed4adb1a5363382f3590838a. OFSI retired this list on 2026-01-28 (the FCDO UK Sanctions List replaces it).",
    JAPAN: "Japan Ministry of Finance, list of persons subject to asset freezes under the Foreign Exchange Act, XLSX, "
    "file date 2026-03-05. Upstream copy: github ammitto/data-jp, reference-docs/shisantouketsu20260305.xlsx, commit "
    "cbdd026b212e3dd27f393fcae59299cb9ee99ee5.",
}


# Hand-written fixtures, not generated: no real publication of these formats could be brought
# here. Listed in the manifest with their digests, so --check notices when one changes.
FIXTURES = {
    "fixtures/UK-Sanctions-List_fixture.xml": (
        "FCDO UK Sanctions List, XML, written by hand from the format guide (\"Format guide for the UK Sanctions List\") "
        "and fragments of real publications: `<Designations>`, `<DateGenerated>` 24/11/2026, seven `<Designation>`s "
        "(five in the Belarus regime, one the same person under the Global Human Rights regime, one ship under the DPRK "
        "regime) with every name type (Primary Name, Primary Name Variation, Alias with Good and Low quality "
        "`AliasStrength`, the `ALias` misspelling of real files), Belarusian and Russian Cyrillic names, two dates of "
        "birth, passports, a business registration number, addresses, positions, an IMO number and flags. The people, "
        "companies, names, dates of birth, places, positions, UniqueIDs and OFSI group ids are taken from the OFSI "
        "Consolidated List of 2025-04-10 (`../shared/data/uk`, whose `Other Information` gives each group's UK Sanctions "
        "List Ref); the second date of birth of BEL0045 is OFAC's (`alt. DOB`), Belaruskali's registration number "
        "OFAC's remarks; the Low quality alias of BEL0047 and the LastUpdated and DateDesignated dates are written for the test."
    ),
    "fixtures/eu-fsf-xml-1.1_fixture.xml": (
        "EU Financial Sanctions Files, consolidated list, XML 1.1, written by hand from the published schema and "
        "fragments of real files: `<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\" generationDate=…>`, five "
        "`<sanctionEntity>`s (four with `<regulation programme=\"BLR\">`, one tanker under PRK) with `nameAlias` in "
        "English, Belarusian and Russian (one `strong=\"false\"`), two `birthdate`s, `citizenship`, `address` and "
        "`identification` (regnumber, IMO). The people, companies, names and dates of birth are those of the UK and OFAC "
        "lists in `../shared/data`; the logicalIds (the OFSI group ids reused), euReferenceNumbers, regulation numbers "
        "and publication URLs are illustrative, not taken from a real EU file."
    ),
}


def manifest(files, dev, positives):
    lines = [
        "# tests/data: excerpts of the official sanctions lists (generated)",
        "",
        "Written by `python3 scripts/make-excerpts.py` from the full publications in `../shared/data`; do not edit by",
        "hand (`python3 scripts/make-excerpts.py --check` tells whether these files are what the script makes).",
        "",
        "- **What they are.** Excerpts of public government publications (the sanctions lists of Canada, the United",
        "  States, the United Kingdom and Japan), cut at whole records, every kept record byte for byte as published,",
        "  in the publication's own format, so the parsers read them exactly as they read the full files. They hold",
        "  every Belarus entry of each list, so Belarus-scope counts equal the full lists', plus a fixed sample of the",
        "  others so that scope and `--regime all` are exercised.",
        "- **What they are for.** The tests (`tests/common/mod.rs` `data_dir()`; `SCREENER_DATA` points them elsewhere)",
        "  and the README's quick start. They are a **dated sample for trying screener, never for production",
        "  screening**: the lists change every week; serve the official publications (README, \"Getting the official",
        "  lists\").",
        "- **Full-list figures** (totals, `--regime all` counts, memory and scale) need the full publications: the tests",
        "  that check them use `full_data_dir()` (`../shared/data`) and say in one line that they skipped when it is",
        "  absent.",
        "",
        "| file | records kept / in the source | Belarus | bytes | sha256 of the excerpt |",
        "|---|---|---|---|---|",
    ]
    for name, (_, out, _, facts) in sorted(files.items()):
        rec = facts.get("records")
        kept = f"{rec[0]:,} / {rec[1]:,} rows" if rec else "whole file"
        if "groups" in facts:
            kept += f" ({facts['groups'][0]:,} / {facts['groups'][1]:,} groups)"
        if name == CANADA and rec:
            kept = f"{rec[0]:,} / {rec[1]:,} records"
        bel = str(facts["belarus"]) if "belarus" in facts else ""
        lines.append(f"| `lists/{name}` | {kept} | {bel} | {len(out):,} | `{sha256(out)}` |")
    lines.append(f"| `eval/dev.jsonl` | whole file | | {len(dev):,} | `{sha256(dev)}` |")
    total = sum(len(v[1]) for k, v in files.items() if v[0] != v[1])
    copies = sum(len(v[1]) for v in files.values() if v[0] == v[1]) + len(dev)
    lines += [
        "",
        f"Excerpts {total:,} bytes in all; whole copies (the Japanese workbook, the dev set) {copies:,} bytes.",
        "",
        "## Each file",
        "",
    ]
    for name, (src, out, how, _) in sorted(files.items()):
        lines += [
            f"### `lists/{name}`",
            "",
            f"- Source: `../shared/data/{name}`, {len(src):,} bytes, sha256 `{sha256(src)}`.",
            f"- Publication: {PROVENANCE[name]}",
            f"- Cut: {how}" if src != out else f"- {how}",
            f"- Excerpt: {len(out):,} bytes, sha256 `{sha256(out)}`.",
            "",
        ]
    lines += [
        "## Hand-written fixtures (not excerpts)",
        "",
        "In the official formats of lists of which no real publication is available here (see the README, \"How far the",
        "new parsers are proven\"); not written by this script, which only records their digests.",
        "",
    ]
    for name, how in FIXTURES.items():
        data = (REPO / "tests/data/lists" / name).read_bytes()
        lines += [f"### `lists/{name}`", "", f"- {how}", f"- {len(data):,} bytes, sha256 `{sha256(data)}`.", ""]
    lines += [
        "### `eval/dev.jsonl`",
        "",
        f"- Source: `../shared/eval/dev.jsonl`, copied whole, {len(dev):,} bytes, sha256 `{sha256(dev)}`.",
        "- Labelled screening queries built from the Belarus entries of the lists above (see `../shared/README.md`).",
        f"- Checked by the script: each of its {positives:,} positives (`label: match`) expects an entity (`expect.source`,",
        "  `expect.key`) that is a Belarus entry of the excerpts (Canada `Schedule/Item`, OFAC `ent_num` in",
        f"  sdn_{OFAC_MAIN}.csv, OFSI `Group ID`), so the dev set means the same on the excerpts as on the full lists.",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def build(src):
    files = {}
    files.update(cut_canada(src))
    files.update(cut_ofac(src))
    files.update(cut_uk(src))
    files.update(copy_whole(src, JAPAN, "Copied whole (the Belarus sheets 31–33 and every other sheet)."))
    dev = (src / "../eval/dev.jsonl").read_bytes()
    positives = check_dev_set(dev, files)
    outputs = {f"lists/{k}": v[1] for k, v in files.items()}
    outputs["eval/dev.jsonl"] = dev
    outputs["MANIFEST.md"] = manifest(files, dev, positives)
    return outputs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", default=str(REPO / "../shared/data"), help="the full publications (../shared/data)")
    ap.add_argument("--out", default=str(REPO / "tests/data"), help="where to write (tests/data)")
    ap.add_argument("--check", action="store_true", help="compare with the files in --out instead of writing")
    a = ap.parse_args()
    src, out = Path(a.source), Path(a.out)
    if not (src / CANADA).exists():
        sys.exit(f"make-excerpts: {src} does not hold the full publications ({CANADA} is missing)")
    outputs = build(src)
    if a.check:
        stale = [n for n, b in outputs.items() if not (out / n).exists() or (out / n).read_bytes() != b]
        if stale:
            sys.exit(f"make-excerpts: differ from what the script makes: {', '.join(stale)}")
        print(f"make-excerpts: {len(outputs)} files in {out} are what the script makes")
        return
    for n, b in outputs.items():
        p = out / n
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b)
    total = sum(len(b) for b in outputs.values())
    print(f"make-excerpts: wrote {len(outputs)} files, {total:,} bytes, to {out}")


if __name__ == "__main__":
    main()
