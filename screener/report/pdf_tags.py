"""The summary PDF's tags (PDF/UA-1): marked content while reportlab draws, the structure tree when it saves.

reportlab does not tag on its own, so this module does. While the story is drawn, each flowable that shows
something adds a structure element under the element that holds it (Document; Sect for a coloured box;
H1 to H3, P, L/LI/LBody, Table/TR/TH/TD, Figure with its text alternative) and wraps what it paints in
marked content with an MCID (``/P <</MCID 3>> BDC ... EMC``, through ``Canvas.addLiteral``). Page furniture
(the footer, cell backgrounds and rules, a table's header row repeated on the next page) is ``/Artifact``.
Tables report their rows and cells through reportlab's ``TableRenderCB``; one callback object follows a table
through every page it splits onto, so a split table stays one Table element.

When the canvas saves, ``write_tree`` adds the structure tree, the parent tree and the catalog entries
(MarkInfo, StructTreeRoot, DisplayDocTitle, XMP metadata naming PDF/UA-1) as reportlab PDF objects, in the
order they were drawn, so the same answers still give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFPage, PDFStream, PDFString
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.tables import TableRenderCB

# Paragraph style name -> structure type; any other style is a paragraph (P).
HEADING_STYLES = {
    "title": "H1",
    "h2": "H2",
    "banner_title": "H2",
    "tone_title": "H2",
    "h3": "H3",
    "option_name": "H3",  # an option's name over its pictures
}
LIST_STYLE = "li"  # a list item: consecutive items in one parent make one list (L)


@dataclass(eq=False)
class Element:
    """One structure element; ``kids`` are elements and (page index, MCID) pairs, in reading order."""

    role: str
    parent: Element | None = None
    kids: list = field(default_factory=list)
    alt: str | None = None
    scope: str | None = None  # a table header's Scope: Column or Row


class Tags:
    """The structure tree of one PDF, grown as its pages are drawn (the canvas carries it as ``tags``)."""

    def __init__(self) -> None:
        self.root = Element("Document")
        self.stack = [self.root]
        self.by_page: dict[int, list[Element]] = {}  # page index -> the element of each MCID, in MCID order
        self.artifact_depth = 0
        self.open_list: Element | None = None

    def add(self, role: str, **attributes) -> Element:
        parent = self.stack[-1]
        element = Element(role, parent, **attributes)
        parent.kids.append(element)
        self.open_list = None
        return element

    @contextmanager
    def inside(self, element: Element) -> Iterator[None]:
        self.stack.append(element)
        try:
            yield
        finally:
            self.stack.pop()

    @contextmanager
    def marked(self, canvas, role: str, alt: str | None = None) -> Iterator[None]:
        """What is drawn inside is the content of a new element (nothing, inside an artifact)."""
        if self.artifact_depth:
            yield
            return
        if role == "LI":
            items = self._list()
            with self.inside(items):
                item = self.add("LI")
            with self.inside(item):
                body = self.add("LBody")
            self.open_list = items
            with self._content(canvas, body):
                yield
            return
        with self._content(canvas, self.add(role, alt=alt)):
            yield

    def _list(self) -> Element:
        """The list the next item belongs to: the one just drawn in this parent, or a new one."""
        if self.open_list is not None and self.open_list.parent is self.stack[-1]:
            return self.open_list
        return self.add("L")

    @contextmanager
    def _content(self, canvas, element: Element) -> Iterator[None]:
        page = canvas.getPageNumber() - 1
        owners = self.by_page.setdefault(page, [])
        canvas.addLiteral(f"/{element.role} <</MCID {len(owners)}>> BDC")
        element.kids.append((page, len(owners)))
        owners.append(element)
        try:
            with self.inside(element):
                yield
        finally:
            canvas.addLiteral("EMC")

    @contextmanager
    def artifact(self, canvas) -> Iterator[None]:
        canvas.addLiteral("/Artifact BMC")
        self.artifact_depth += 1
        try:
            yield
        finally:
            self.artifact_depth -= 1
            canvas.addLiteral("EMC")


def _tags(canvas) -> Tags | None:
    return getattr(canvas, "tags", None)


class TaggedParagraph(Paragraph):
    """A paragraph whose structure type follows its style: H1 to H3, a list item, or P (an empty one is not
    content). Each line but the last ends in a space, so text read through the tags keeps the words apart
    where a line breaks ("ketamine treatment", not "ketaminetreatment")."""

    _broken: tuple[tuple, Any] | None = None  # the widths last broken for, and the lines

    def breakLines(self, width):
        """The lines for these widths; platypus asks again for the same widths (a table's cells are wrapped
        to size the table, again to split it, and again to draw), so the last answer is kept."""
        widths = tuple(width) if isinstance(width, (list, tuple)) else (width,)
        if self._broken is None or self._broken[0] != widths:
            self._broken = (widths, super().breakLines(width))
        return self._broken[1]

    @contextmanager
    def _spaced_line_ends(self):
        """Each line but the last ends in a space while it is drawn. Only while drawn: a split builds the
        next page's paragraph from these lines, and a space there would break a long word differently."""
        broken = getattr(self, "blPara", None)  # set by wrap or split; drawOn always comes after one of them
        undo = []
        for line in broken.lines[:-1] if broken else []:
            if broken.kind == 0:  # plain text: (extra space, words)
                line[1].append("")
                undo.append(line[1].pop)
            elif line.words and line.words[-1].text:  # styled fragments: the last fragment of the line
                last, text = line.words[-1], line.words[-1].text
                last.text = f"{text} "
                undo.append(lambda last=last, text=text: setattr(last, "text", text))
        try:
            yield
        finally:
            for step in reversed(undo):
                step()

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N803 (platypus passes _sW by name)
        tags = _tags(canvas)
        with self._spaced_line_ends():
            if tags is None:
                return super().drawOn(canvas, x, y, _sW)
            if not self.getPlainText().strip():
                with tags.artifact(canvas):
                    return super().drawOn(canvas, x, y, _sW)
            name = self.style.name
            role = "LI" if name == LIST_STYLE else HEADING_STYLES.get(name, "P")
            with tags.marked(canvas, role):
                return super().drawOn(canvas, x, y, _sW)


class Figure(Flowable):
    """A drawing tagged as a Figure with a text alternative (the same words printed beside it)."""

    def __init__(self, drawing: Flowable, alt: str):
        super().__init__()
        self.drawing = drawing
        self.alt = alt

    def wrap(self, available_width, available_height):
        self.width, self.height = self.drawing.wrap(available_width, available_height)
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N803 (platypus passes _sW by name)
        tags = _tags(canvas)
        if tags is None:
            return self.drawing.drawOn(canvas, x, y, _sW)
        with tags.marked(canvas, "Figure", alt=self.alt):
            return self.drawing.drawOn(canvas, x, y, _sW)


class TableTags(TableRenderCB):
    """One table's tags through all the pages it is drawn on.

    ``layout``: the table only places things (a coloured box, a chart beside its figures); its cells are not
    table cells, and ``section`` (Sect) wraps it when it is a box. Otherwise it is a data table: the first
    ``header_rows`` rows are column headers (TH, Scope Column) and, with ``row_headers``, the first column
    is row headers; on a page after the first, the repeated header rows are artifacts.
    """

    def __init__(self, layout: bool = False, section: str | None = None, header_rows: int = 0, row_headers=False):
        self.layout = layout
        self.section = section
        self.header_rows = header_rows
        self.row_headers = row_headers
        self.element: Element | None = None
        self.parts = 0
        self.opened: list[tuple[str, object]] = []  # what each start opened, closed by the matching end

    def _open(self, kind: str, manager) -> None:
        manager.__enter__()
        self.opened.append((kind, manager))

    def _close(self, kind: str) -> None:
        opened_kind, manager = self.opened.pop()
        assert opened_kind == kind, (opened_kind, kind)
        manager.__exit__(None, None, None)

    def startTable(self, table):
        tags = _tags(table.canv)
        self.parts += 1
        if tags is None or tags.artifact_depth:
            self._open("table", _nothing())
        elif self.layout:
            self._open("table", tags.inside(tags.add(self.section)) if self.section else _nothing())
        else:
            if self.element is None:
                self.element = tags.add("Table")
            self._open("table", tags.inside(self.element))

    def startBG(self, table):
        self._open("bg", _artifact(table.canv))

    def endBG(self, table):
        self._close("bg")

    def startLines(self, table):
        self._open("lines", _artifact(table.canv))

    def endLines(self, table):
        self._close("lines")

    def startRow(self, table, row):
        tags = _tags(table.canv)
        if tags is None or self.layout or tags.artifact_depth:
            self._open("row", _nothing())
        elif self.parts > 1 and row < self.header_rows:  # the header row again, on the next page
            self._open("row", _artifact(table.canv))
        else:
            self._open("row", tags.inside(tags.add("TR")))

    def startCell(self, table, row, column, value, style, position, size):
        tags = _tags(table.canv)
        if tags is None or self.layout or tags.artifact_depth:
            self._open("cell", _nothing())
            return
        if row < self.header_rows:
            cell = tags.add("TH", scope="Column")
        elif self.row_headers and column == 0:
            cell = tags.add("TH", scope="Row")
        else:
            cell = tags.add("TD")
        self._open("cell", tags.inside(cell))

    def endCell(self, table):
        self._close("cell")

    def endRow(self, table):
        self._close("row")

    def endTable(self, table):
        self._close("table")


@contextmanager
def _nothing() -> Iterator[None]:
    yield


@contextmanager
def _artifact(canvas) -> Iterator[None]:
    tags = _tags(canvas)
    if tags is None:
        yield
        return
    with tags.artifact(canvas):
        yield


def write_tree(document, tags: Tags, title: str, language: str) -> None:
    """Add the structure tree and the catalog entries to a reportlab document about to be saved."""
    pages = document.Pages.pages
    page_refs = [document.Reference(page) for page in pages]
    for index, page in enumerate(pages):
        page.StructParents = index
        page.Tabs = PDFName("S")
        page.__NoDefault__ = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]
    elements = list(_walk(tags.root))
    objects = {
        id(element): PDFDictionary({"Type": PDFName("StructElem"), "S": PDFName(element.role)}) for element in elements
    }
    refs = {key: document.Reference(value) for key, value in objects.items()}
    root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    root_ref = document.Reference(root)
    for element in elements:
        entry = objects[id(element)]
        entry.dict["P"] = refs[id(element.parent)] if element.parent else root_ref
        kids = [
            refs[id(kid)]
            if isinstance(kid, Element)
            else PDFDictionary({"Type": PDFName("MCR"), "Pg": page_refs[kid[0]], "MCID": kid[1]})
            for kid in element.kids
        ]
        entry.dict["K"] = kids[0] if len(kids) == 1 else PDFArray(kids)
        if element.alt:
            entry.dict["Alt"] = PDFString(element.alt)
        if element.scope:
            entry.dict["A"] = PDFDictionary({"O": PDFName("Table"), "Scope": PDFName(element.scope)})
    numbers: list = []
    for index in range(len(pages)):
        numbers += [index, PDFArray([refs[id(owner)] for owner in tags.by_page.get(index, [])])]
    root.dict["K"] = refs[id(tags.root)]
    root.dict["ParentTree"] = PDFDictionary({"Nums": PDFArray(numbers)})
    root.dict["ParentTreeNextKey"] = len(pages)
    catalog = document.Catalog
    catalog.StructTreeRoot = root_ref
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    catalog.ViewerPreferences = PDFDictionary({"DisplayDocTitle": "true"})
    metadata = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        _xmp(title, language).encode("utf-8"),
        filters=[],
    )
    catalog.Metadata = document.Reference(metadata)


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for kid in element.kids:
        if isinstance(kid, Element):
            yield from _walk(kid)


def _xmp(title: str, language: str) -> str:
    """The XMP packet: the title, the language and the PDF/UA-1 identification (pdfuaid:part 1)."""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n'
        f'   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>\n'
        f"   <dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag></dc:language>\n"
        "   <pdfuaid:part>1</pdfuaid:part>\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
