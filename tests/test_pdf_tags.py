"""The tagged summary (PDF/UA-1), read back the way a screen reader reaches it: through the structure tree.

Checked here, for every example: the catalog says the file is tagged and names PDF/UA-1; nothing is painted
outside marked content or an artifact; every MCID is unique on its page and its element is the one the
parent tree names; the tree holds the headings in order, tables with header cells and a scope, figures
with their text alternative and the checklist as a list; text read through the tags keeps words apart at
line ends; and the machine-checkable PDF/UA-1 rules of the ``pdfua`` package find nothing.
"""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict

import pytest
from pypdf.generic import ContentStream

from screener.report.pipeline import summarise
from tests.pdf_helpers import folded, pdf_reader
from tests.test_pdf import DAY, EXAMPLES, _document

PAINTING = {b"Tj", b"TJ", b"'", b'"', b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"S", b"s", b"Do", b"sh"}


def _pdf(bundle, name: str) -> bytes:
    return summarise(bundle, _document(name), made_on=DAY).pdf


def _tree(reader):
    """(role, attributes, page-and-MCID contents, children) for every element, depth first, in reading order."""

    def element(node):
        node = node.get_object()
        kids = node.get("/K")
        kids = list(kids) if isinstance(kids, list) else [kids] if kids is not None else []
        contents, children = [], []
        for kid in kids:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict) and kid.get("/Type") == "/MCR":
                contents.append((kid["/Pg"].get_object().indirect_reference.idnum, int(kid["/MCID"])))
            elif isinstance(kid, dict):
                children.append(element(kid))
        return {"role": str(node["/S"])[1:], "node": node, "contents": contents, "children": children}

    return element(reader.trailer["/Root"]["/StructTreeRoot"]["/K"])


def _walk(element):
    yield element
    for child in element["children"]:
        yield from _walk(child)


def _marked_text(reader) -> dict[tuple[int, int], str]:
    """The text shown inside each marked-content sequence, by (page object number, MCID)."""
    found: dict[tuple[int, int], str] = defaultdict(str)
    for page in reader.pages:
        number = page.indirect_reference.idnum
        open_mcids: list[int | None] = []

        def before(operator, operands, cm, tm, open_mcids=open_mcids):
            if operator == b"BDC":
                properties = operands[1]
                open_mcids.append(int(properties["/MCID"]) if "/MCID" in properties else None)
            elif operator == b"BMC":
                open_mcids.append(None)
            elif operator == b"EMC":
                open_mcids.pop()

        def text(value, cm, tm, font, size, open_mcids=open_mcids, number=number):
            mcid = next((m for m in reversed(open_mcids) if m is not None), None)
            if mcid is not None:
                found[(number, mcid)] += value

        page.extract_text(visitor_operand_before=before, visitor_text=text)
    return found


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_catalog_says_tagged_and_names_pdf_ua(bundle, name):
    root = pdf_reader(_pdf(bundle, name)).trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] is True or str(root["/MarkInfo"]["/Marked"]) == "True"
    assert str(root["/Lang"]) == "en"  # the summary's language (report.language)
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp and "Consultation summary" in xmp


@pytest.mark.parametrize("name", EXAMPLES)
def test_nothing_is_painted_outside_marked_content_or_an_artifact(bundle, name):
    reader = pdf_reader(_pdf(bundle, name))
    for number, page in enumerate(reader.pages, start=1):
        depth = 0
        for _operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator in (b"BDC", b"BMC"):
                depth += 1
            elif operator == b"EMC":
                depth -= 1
                assert depth >= 0, f"page {number}: EMC without a start"
            elif operator in PAINTING:
                assert depth > 0, f"page {number}: {operator!r} painted outside marked content or an artifact"
        assert depth == 0, f"page {number}: marked content left open"


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_mcid_is_unique_and_reached_from_the_parent_tree(bundle, name):
    reader = pdf_reader(_pdf(bundle, name))
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    parent_tree = list(root["/ParentTree"]["/Nums"])
    owners = {int(parent_tree[i]): parent_tree[i + 1] for i in range(0, len(parent_tree), 2)}
    in_tree = {}
    for element in _walk(_tree(reader)):
        for content in element["contents"]:
            assert content not in in_tree, f"MCID {content} is claimed twice"
            in_tree[content] = element["node"].indirect_reference.idnum
    for page in reader.pages:
        mcids = [
            int(operands[1]["/MCID"])
            for operands, operator in ContentStream(page.get_contents(), reader).operations
            if operator == b"BDC" and "/MCID" in operands[1]
        ]
        assert len(mcids) == len(set(mcids)) and mcids == list(range(len(mcids)))
        listed = owners[int(page["/StructParents"])]
        assert len(listed) == len(mcids)
        for mcid, owner in zip(mcids, listed, strict=True):
            assert in_tree[(page.indirect_reference.idnum, mcid)] == owner.idnum


def test_the_tree_reads_like_the_page(bundle):
    """Headings in order, tables with scoped headers, figures with their words, the checklist as a list."""
    from screener.report.pipeline import report_for

    document = _document("heavy_history")
    reader = pdf_reader(_pdf(bundle, "heavy_history"))
    elements = list(_walk(_tree(reader)))
    text = _marked_text(reader)

    def words(element):
        return folded(" ".join(text[c] for e in _walk(element) for c in e["contents"]))

    roles = [element["role"] for element in elements]
    assert roles[0] == "Document" and roles.count("H1") == 1
    report = report_for(bundle, document, made_on=DAY)[1]
    headings = [block.heading for block in report.blocks if getattr(block, "heading", None)]
    shown = [words(element) for element in elements if element["role"] == "H2"]  # in the order they are read
    assert set(headings) <= set(shown)
    assert shown.index("Your options, side by side") < shown.index("Each option in pictures of 100 people")
    tables = [element for element in elements if element["role"] == "Table"]
    assert tables
    for table in tables:
        header = table["children"][0]["children"]
        assert all(cell["role"] == "TH" and str(cell["node"]["/A"]["/Scope"]) == "/Column" for cell in header)
    row_headers = [
        cell
        for table in tables
        for row in table["children"][1:]
        for cell in row["children"][:1]
        if cell["role"] == "TH" and str(cell["node"]["/A"]["/Scope"]) == "/Row"
    ]
    assert len(row_headers) >= 7  # the options tables: each row is named by its first cell
    figures = [element for element in elements if element["role"] == "Figure"]
    options = next(block for block in bundle.content.blocks if block.type == "options")
    pictures = sum(len(option.pictures) for option in options.options)
    assert len(figures) == pictures + 1  # the pictures and the cost chart
    alternatives = [str(figure["node"]["/Alt"]) for figure in figures]
    for option in options.options:
        for picture in option.pictures:
            assert any(folded(picture.what) in folded(alt) for alt in alternatives), option.id
    assert "L" in roles and "LI" in roles and "LBody" in roles


def test_words_stay_whole_when_read_through_the_tags(bundle):
    """Sentences that wrap over several lines read with a space at each line end."""
    from screener.engine.evaluation import evaluate_answers

    document = _document("heavy_history")
    reader = pdf_reader(_pdf(bundle, "heavy_history"))
    text = _marked_text(reader)
    read = folded(" ".join(text[content] for e in _walk(_tree(reader)) for content in e["contents"]))
    result = evaluate_answers(bundle, document.answers)
    options = next(block for block in bundle.content.blocks if block.type == "options")
    long_sentences = [result.outcome.summary, *(finding.reason for finding in result.findings)]
    long_sentences += [option.benefit for option in options.options]
    for sentence in long_sentences:
        assert folded(sentence) in read, sentence[:60]


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_machine_checkable_pdf_ua_rules_pass(bundle, name, tmp_path):
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(_pdf(bundle, name))
    checked = subprocess.run(
        [sys.executable, "-m", "pdfua", "check", str(path)], capture_output=True, text=True, timeout=120
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "skip" not in checked.stdout, checked.stdout  # every implemented rule was evaluated


def test_a_table_split_over_pages_is_one_table_with_its_header_once(bundle):
    """45 medicine trials run over a page: one Table element, one header row; the repeat is an artifact."""
    from screener.engine.answers import new_document

    answers = dict(_document("heavy_history").answers)
    answers["med_trials"] = [dict(answers["med_trials"][0], dose_mg=100 + index) for index in range(45)]
    reader = pdf_reader(summarise(bundle, new_document(bundle.form, answers), made_on=DAY).pdf)
    text = _marked_text(reader)
    tables = [element for element in _walk(_tree(reader)) if element["role"] == "Table"]
    medicines = [
        table
        for table in tables
        if any("100 mg" in text[content] for row in table["children"] for e in _walk(row) for content in e["contents"])
    ]
    assert len(medicines) == 1
    rows = medicines[0]["children"]
    pages = {content[0] for row in rows for e in _walk(row) for content in e["contents"]}
    assert len(pages) > 1  # it did run over a page
    headers = [row for row in rows if all(cell["role"] == "TH" for cell in row["children"])]
    assert len(headers) == 1 and rows[0] is headers[0]
    assert len(rows) == 1 + 45
