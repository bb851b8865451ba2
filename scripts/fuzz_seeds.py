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


def xml_records(text: bytes, open_tag: bytes, close_tag: bytes, root_close: bytes):
    """The head before the first record, the records, for slicing an XML publication."""
    head, _, rest = text.partition(open_tag)
    body = rest.split(root_close)[0]
    records = [open_tag + r for r in body.split(open_tag)]
    return head, records


def fcdo_eu(data: pathlib.Path, out: pathlib.Path) -> None:
    # No full FCDO or EU publication is available: the hand-written fixtures (tests/data/lists/fixtures),
    # whole and sliced, one record and pairs of records each.
    fixtures = pathlib.Path(__file__).resolve().parent.parent / "tests/data/lists/fixtures"
    for target, name, tag, root in (
        ("parse_uk_fcdo", "UK-Sanctions-List_fixture.xml", b"<Designation>", b"</Designations>"),
        ("parse_eu_fsf", "eu-fsf-xml-1.1_fixture.xml", b"<sanctionEntity ", b"</export>"),
    ):
        text = (fixtures / name).read_bytes()
        write(out, target, "whole.xml", text)
        head, records = xml_records(text, tag, b"", root)
        for i in range(len(records)):
            for n in (1, 2):
                write(out, target, f"slice-{i}-{n}.xml", head + b"".join(records[i:i + n]) + root + b"\n")


def japan(data: pathlib.Path, out: pathlib.Path) -> None:
    # Small workbooks in the MOF's layout (the real one is 1 MB, too large for a fuzzer to mutate
    # usefully): a Belarus sheet of individuals, one of entities with alias cells, an index sheet.
    import io
    import zipfile
    from xml.sax.saxutils import escape

    def sheet(rows):
        out_rows = []
        for r, row in enumerate(rows, 1):
            cells = []
            for c, v in enumerate(row):
                ref = f"{chr(65 + c)}{r}"
                if isinstance(v, (int, float)):
                    cells.append(f'<c r="{ref}"><v>{v}</v></c>')
                elif v:
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
            out_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
        return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                f'spreadsheetml/2006/main"><sheetData>{"".join(out_rows)}</sheetData></worksheet>')

    people = [["資産凍結等の措置の対象となるベラルーシ共和国の個人及び団体（個人）"],
              ["告示日付", "告示番号", "日本語表記", "英語表記", "肩書等", "生年月日", "出生地"],
              ["2022.3.3", 1, "アレクサンドル・ルカシェンコ", "Aleksandr LUKASHENKO",
               "ベラルーシ共和国大統領\nPresident of the Republic of Belarus", 19966, "ヴィテプスク州（ベラルーシ）"],
              ["2022.3.3", 4, "アナトリー・ラッポ", "Anatoly LAPPO", "", "1963年", ""]]
    entities = [["団体"], ["告示日付", "告示番号", "日本語表記", "英語表記", "別称", "所在地"],
                ["2022.3.11", 4, "ベルインヴェストバンク（ベラルーシ開発復興銀行）",
                 "Belinvestbank (Belarusian Bank for Development and Reconstruction)",
                 "（別称、株式会社ベルインヴェスト及びBIB）\n(a.k.a. BIB; a.k.a. Belinvest)",
                 "Masherova ave. 29, Minsk, 220002, Belarus"]]
    variants = {
        "both": [("一覧", [["index"]]), ("31.ベラルーシ(個人)", people), ("33.ベラルーシ(特定銀行)", entities)],
        "people": [("31.ベラルーシ(個人)", people)],
        "entities": [("32.ベラルーシ(団体(特定銀行を除く))", entities)],
        "other": [("31.ベラルーシ(個人)", people[:3]), ("35.ロシア及びベラルーシ以外（個人）", people)],
        "lifted": [("8.【解除】リベリア", [["【2015年12月18日告示廃止】"]]), ("31.ベラルーシ(個人)", people[:3])],
    }
    for name, sheets in variants.items():
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
                       'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
                       'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/'
                       'xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                       'officedocument.spreadsheetml.sheet.main+xml"/></Types>')
            z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                       'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                       'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                       '</Relationships>')
            entries = "".join(f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>' for i, (n, _) in enumerate(sheets, 1))
            z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.'
                       'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
                       f'officeDocument/2006/relationships"><sheets>{entries}</sheets></workbook>')
            rels = "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                           f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
            z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
                       f'"http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
            for i, (_, rows) in enumerate(sheets, 1):
                z.writestr(f"xl/worksheets/sheet{i}.xml", sheet(rows))
        data_ = buf.getvalue()
        write(out, "parse_jp_mof", f"{name}.xlsx", data_)
        # Stored (uncompressed) too, so that mutations reach the sheets' XML.
        stored = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data_)) as src, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as dst:
            for item in src.infolist():
                dst.writestr(item.filename, src.read(item.filename))
        write(out, "parse_jp_mof", f"{name}-stored.xlsx", stored.getvalue())


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
               "ОАО «Беларуськалий»", "Lukaschenko\u200b Alexander", "Lkshnk", "LUKASHENKO,Alexander (Mr)",
               "アレクサンドル・ルカシェンコ", "ｱﾚｸｻﾝﾄﾞﾙ･ﾙｶｼｪﾝｺ", "ヴォリフォヴィチ", "ッーァ"]
    for target in ("normalize_name", "screen_name"):
        for i, name in enumerate(picked):
            write(out, target, f"name-{i:03}.txt", name.encode("utf-8"))


def main() -> None:
    data, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    canada(data, out)
    ofac(data, out)
    uk(data, out)
    fcdo_eu(data, out)
    japan(data, out)
    names(data, out)


if __name__ == "__main__":
    main()
