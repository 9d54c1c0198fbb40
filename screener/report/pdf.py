"""The PDF renderer: a Report in, PDF bytes out (reportlab platypus). No file I/O here.

Every string is passed through ``PdfText.markup`` (escaping, font fallback, visible replacement), so
patient text can never inject formatting or print as silent blanks. ``invariant=1`` makes the same
Report give the same bytes. The footer on every page says "Page X of Y", the form version and the date.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from screener import __version__
from screener.content.wording import format_date
from screener.i18n import _
from screener.report.model import (
    AboutView,
    AnswersView,
    ChecklistView,
    CostView,
    CrisisView,
    FindingsView,
    HeaderView,
    Item,
    OptionsView,
    OutcomeView,
    PictureView,
    QuestionsView,
    Report,
    ResearchView,
    SourcesView,
    TableView,
    TextView,
)
from screener.report.pdf_tags import Figure, TableTags, TaggedParagraph, Tags, write_tree
from screener.report.pdf_text import FAMILY, PdfText, register_fonts
from screener.report.pictograph import BODY, HEAD, OUTLINE, SHADES, cell, shades
from screener.report.tones import TONES

PAGE_SIZES = {"a4": A4, "letter": LETTER}
INK = colors.HexColor("#1a1a1a")
MUTED_HEX = "#4a4a4a"  # 8.9:1 on white
MUTED = colors.HexColor(MUTED_HEX)
HEADING = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#b8c2cc")
PICTURE_PT = 70  # a picture of 100 people: 7 pt a figure, about 2.5 mm on paper


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    warnings: list[str]


def render_pdf(report: Report) -> RenderedPdf:
    register_fonts()
    text = PdfText()
    buffer = io.BytesIO()
    page_size = PAGE_SIZES[report.paper]
    header = report.first(HeaderView)
    title = f"{report.title}: {header.subtitle}" if isinstance(header, HeaderView) else report.title
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=13 * mm,
        rightMargin=13 * mm,
        topMargin=10 * mm,
        bottomMargin=13 * mm,
        title=title,
        subject=report.outcome_title,
        author="",
        creator=f"screener {__version__}",
        producer=f"screener {__version__}",
        lang=report.language,
        invariant=1,
        initialFontName=FAMILY,
    )
    story = _Story(text, doc.width - 12, doc.height - 12).build(report)  # the frame pads 6 pt each side
    footer = "  ·  ".join(
        [
            f"{report.made_on_label} {format_date(report.made_on)}",
            _("Form version {version}").format(version=report.form_version),
        ]
    )
    tags = Tags()
    doc.build(
        story,
        canvasmaker=lambda *args, **kwargs: _NumberedCanvas(
            *args, footer=footer, tags=tags, title=title, language=report.language, **kwargs
        ),
    )
    return RenderedPdf(buffer.getvalue(), text.warnings())


class _NumberedCanvas(Canvas):
    """Draws the footer once the page count is known, so it can say "Page X of Y"; carries the tags that the
    flowables add while they draw, and writes their structure tree when it saves."""

    def __init__(self, *args, footer: str, tags: Tags, title: str, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict] = []
        self.tags = tags
        self._title = title
        self._language = language
        self._page_words = _("Page {number} of {total}")  # now, in the summary's language (save() runs later)

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            width, _ = self._pagesize
            with self.tags.artifact(self):  # page furniture: a screen reader skips it
                self.setFont(FAMILY, 9)
                self.setFillColor(MUTED)
                self.drawString(18 * mm, 10 * mm, self._footer)
                self.drawRightString(width - 18 * mm, 10 * mm, self._page_words.format(number=number, total=total))
            super().showPage()
        write_tree(self._doc, self.tags, self._title, self._language)
        super().save()


BODY_PT = 11  # the smallest size for running text
TABLE_PT = 10  # the smallest size for tables, labels and source lines: page 1 is read at a glance


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body",
        fontName=FAMILY,
        fontSize=BODY_PT,
        leading=13.4,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=3,
        allowWidows=0,
        allowOrphans=0,
    )
    bold = f"{FAMILY}-Bold"
    return {
        "body": base,
        "title": ParagraphStyle(
            "title", parent=base, fontName=bold, fontSize=17, leading=21, textColor=HEADING, spaceAfter=1
        ),
        "subtitle": ParagraphStyle("subtitle", parent=base, textColor=MUTED, spaceAfter=2),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=bold,
            fontSize=12,
            leading=14,
            textColor=HEADING,
            spaceBefore=3.5,
            spaceAfter=1.5,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle("h3", parent=base, fontName=bold, spaceBefore=4, spaceAfter=1, keepWithNext=1),
        "li": ParagraphStyle("li", parent=base),  # tagged as a list item (screener.report.pdf_tags)
        "option_name": ParagraphStyle(  # tagged as a heading over an option's pictures
            "option_name", parent=base, fontName=bold, fontSize=TABLE_PT, leading=11, spaceAfter=0
        ),
        "small": ParagraphStyle("small", parent=base, fontSize=TABLE_PT, leading=12, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=TABLE_PT, leading=11, spaceAfter=0),
        "cell_head": ParagraphStyle(
            "cell_head", parent=base, fontName=bold, fontSize=TABLE_PT, leading=11, spaceAfter=0
        ),
        "banner_title": ParagraphStyle(
            "banner_title", parent=base, fontName=bold, fontSize=15, leading=19, spaceAfter=2
        ),
        "crisis_line": ParagraphStyle("crisis_line", parent=base, fontSize=12, leading=16),
    }


class _Story:
    """Builds the list of flowables for one Report: one drawing method per block type, in the declared order."""

    def __init__(self, text: PdfText, width: float, page_height: float):
        self.text = text
        self.width = width
        self.page_height = page_height
        self.styles = _styles()
        self.draw = {
            HeaderView: self.header,
            CrisisView: self.crisis,
            OutcomeView: self.outcome,
            AnswersView: self.answers,
            TableView: self.table,
            FindingsView: self.findings,
            CostView: self.cost,
            QuestionsView: self.questions,
            ChecklistView: self.checklist,
            ResearchView: self.research,
            TextView: self.text_block,
            OptionsView: self.options,
            SourcesView: self.sources,
            AboutView: self.about,
        }

    def para(self, value: str, style: str = "body", bold_prefix: str = "") -> TaggedParagraph:
        prefix = f"<b>{self.text.markup(bold_prefix)}</b> " if bold_prefix else ""
        return TaggedParagraph(prefix + self.text.markup(value), self.styles[style])

    def heading(self, value: str | None) -> list[Flowable]:
        return [self.para(value, "h2")] if value else []

    def build(self, report: Report) -> list[Flowable]:
        drawn = [self.draw[type(block)](block) for block in report.blocks]
        order = list(range(len(drawn)))
        if report.page_one is not None:
            order = self.lay_out_page_one(report, drawn)
        story: list[Flowable] = []
        notice_at = 0
        for index in order:
            if isinstance(report.blocks[index], HeaderView):
                notice_at = len(story) + len(drawn[index])
            story += drawn[index]
        if self.text.unprintable:  # said near the top, so no one wonders about a strange mark
            names = ", ".join(self.text.unprintable.values())
            story.insert(
                notice_at,
                self.para(
                    _(
                        "Some characters typed in the answers could not be printed with this program's fonts. "
                        "They appear as \ufffd: {names}."
                    ).format(names=names),
                    "small",
                ),
            )
        return story

    def lay_out_page_one(self, report: Report, drawn: list[list[Flowable]]) -> list[int]:
        """The order to draw the blocks in: page 1's snapshot, then a new page.

        When page 1 does not fit, the declared blocks move to the top of page 2, in their declared order,
        until it does; then each moved block comes back, the last declared (the most wanted on page 1) first,
        where it fits in the room left. Page 1 then says what moved, just before its last block (the crisis
        line).
        """
        page_one = report.page_one
        assert page_one is not None
        first = list(range(page_one.count))
        moved: list[int] = []

        def fits(blocks: list[int], away: list[int]) -> bool:
            note = self.moved_note(report, page_one.moved, away) if away else []
            return self.height([flowable for i in blocks for flowable in drawn[i]] + note) <= self.page_height

        for index in page_one.movable:
            if fits(first, moved):
                break
            first.remove(index)
            moved.append(index)
        for index in reversed(list(moved)):
            back = sorted([*first, index])
            if fits(back, [i for i in moved if i != index]):
                first = back
                moved.remove(index)
        note = self.moved_note(report, page_one.moved, moved) if moved else []
        if first:
            last = first[-1]
            drawn[last] = [*note, *drawn[last], PageBreak()]
        return first + moved + list(range(page_one.count, len(drawn)))

    def moved_note(self, report: Report, sentence: str, moved: list[int]) -> list[Flowable]:
        headings = ", ".join(f"“{getattr(report.blocks[i], 'heading', None) or ''}”" for i in moved)
        return [self.para(sentence.replace("{headings}", headings), "small")]

    def height(self, flowables: list[Flowable]) -> float:
        """How tall these flowables stand at the top of a frame, as platypus places them: no space before the
        first, a space before reduced by the space after the one above it (reportlab's overlapAttachedSpace),
        and the last one's space after not needed to fit."""
        measuring = Canvas(io.BytesIO())  # some flowables measure text on a canvas; this one is never saved
        total, after = 0.0, None  # after: the space after the flowable above, None at the top
        for flowable in _unwrapped(flowables):
            _, height = flowable.wrapOn(measuring, self.width, self.page_height)
            before = 0.0 if after is None else max(flowable.getSpaceBefore() - after, 0.0)
            total += (after or 0.0) + before + height
            after = flowable.getSpaceAfter()
        return total

    def header(self, header: HeaderView) -> list[Flowable]:
        line = "  ·  ".join(f"{item.label}: {item.value}" for item in header.items)
        return [self.para(header.title, "title"), self.para(header.subtitle, "subtitle"), self.para(line, "small")]

    def boxed(self, content: list[Flowable], tone: str, border_width: float, padding: float = 6) -> Table:
        background, border, _ink = TONES[tone]
        return _table(
            [[content]],
            [self.width],
            TableTags(layout=True, section="Sect"),
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(background)),
                ("BOX", (0, 0), (-1, -1), border_width, colors.HexColor(border)),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                ("TOPPADDING", (0, 0), (-1, -1), padding),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
            ],
        )

    def _tone_title(self, value: str, tone: str) -> TaggedParagraph:
        style = ParagraphStyle(
            "tone_title", parent=self.styles["banner_title"], textColor=colors.HexColor(TONES[tone][2])
        )
        return TaggedParagraph(self.text.markup(value), style)

    def crisis(self, crisis: CrisisView) -> list[Flowable]:
        content: list[Flowable] = [self._tone_title(crisis.title, "urgent")]
        content += [self.para(message) for message in crisis.messages]
        content += [
            TaggedParagraph(
                f"<b>{self.text.markup(item.label)}:</b> {self.text.markup(item.value)}", self.styles["crisis_line"]
            )
            for item in crisis.lines
        ]
        content.append(
            TaggedParagraph(
                f"<b>{self.text.markup(crisis.emergency_label)}:</b> {self.text.markup(crisis.emergency)}",
                self.styles["crisis_line"],
            )
        )
        return [Spacer(1, 4), self.boxed(content, "urgent", 2.5)]

    def outcome(self, outcome: OutcomeView) -> list[Flowable]:
        content = [
            self._tone_title(f"{outcome.label}: {outcome.title}", outcome.tone),
            self.para(outcome.summary),
            TaggedParagraph(f"<b>{self.text.markup(outcome.closing)}</b>", self.styles["body"]),
        ]
        return [Spacer(1, 3), self.boxed(content, outcome.tone, 1.5, padding=4)]

    def _cell(self, item: Item) -> TaggedParagraph:
        return TaggedParagraph(
            f"<b>{self.text.markup(item.label)}:</b> {self.text.markup(item.value)}", self.styles["cell"]
        )

    def answers(self, answers: AnswersView) -> list[Flowable]:
        cells = [self._cell(item) for item in answers.items]
        columns = answers.columns
        rows = [cells[index : index + columns] for index in range(0, len(cells), columns)]
        rows[-1] += [TaggedParagraph("", self.styles["cell"])] * (columns - len(rows[-1]))
        grid = _table(  # label: value pairs in columns, read as paragraphs
            rows,
            [self.width / columns] * columns,
            TableTags(layout=True),
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ],
            splitInRow=1,  # a long answer may span pages
        )
        return [KeepTogether([*self.heading(answers.heading), grid])]

    def data_table(
        self,
        columns: tuple[str, ...],
        rows: tuple[tuple[str, ...], ...],
        widths=None,
        split_rows: bool = True,
        row_headers: bool = False,
    ) -> Table:
        """A table with a header row that repeats on each page; ``split_rows`` lets one tall row span pages;
        ``row_headers``: the first column names each row (tagged as row headers)."""
        head = [TaggedParagraph(self.text.markup(column), self.styles["cell_head"]) for column in columns]
        body = [[TaggedParagraph(self.text.markup(cell), self.styles["cell"]) for cell in row] for row in rows]
        return _table(
            [head, *body],
            widths or [self.width / len(columns)] * len(columns),
            TableTags(header_rows=1, row_headers=row_headers),
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf2")),
                *_ruled(top=1.5, bottom=2.5),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f7f9fb")]),
            ],
            repeatRows=1,
            splitInRow=int(split_rows),  # a long answer in one cell may span pages
        )

    def table(self, table: TableView) -> list[Flowable]:
        if not table.rows:
            return [KeepTogether([*self.heading(table.heading), self.para(table.empty, "small")])]
        widths = self.column_widths(table.columns, table.rows)
        flowables = [*self.heading(table.heading), self.data_table(table.columns, table.rows, widths)]
        if table.note or table.sources:
            note = self.text.markup(table.note or "")
            sources = f" <b>{self.text.markup(table.source_label)}</b> {self.text.markup('; '.join(table.sources))}"
            flowables += [
                Spacer(1, 2),
                TaggedParagraph(note + (sources if table.sources else ""), self.styles["small"]),
            ]
        return [KeepTogether(flowables[:2]), *flowables[2:]]

    def column_widths(self, columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> list[float]:
        """No word is ever broken. When every cell fits on one line (a header on two), each column gets that
        width and a share of the rest; otherwise each gets its longest word, then the rest by text length."""
        bold = f"{FAMILY}-Bold"
        floors, weights, natural = [], [], []
        for index, column in enumerate(columns):
            cells = [column, *(row[index] for row in rows)]
            words = [word for cell in cells for word in cell.split()] or [""]
            widest = max(stringWidth(word, bold, TABLE_PT) for word in words)
            header_in_two_lines = stringWidth(column, bold, TABLE_PT) / 2
            floors.append(max(widest, header_in_two_lines) + 9)  # 4 pt padding each side
            weights.append(max([len(row[index]) for row in rows] + [len(column) // 2]) or 1)  # headers may wrap
            one_line = max([stringWidth(row[index], bold, TABLE_PT) for row in rows] + [header_in_two_lines])
            natural.append(max(one_line + 9, floors[-1]))
        if sum(natural) <= self.width:  # every cell on one line: each column its line, and a share of the rest
            floors, weights = natural, natural
        spare = max(self.width - sum(floors), 0)
        total = sum(weights)
        widths = [floor + spare * weight / total for floor, weight in zip(floors, weights, strict=True)]
        scale = self.width / sum(widths)  # only when the longest words alone are wider than the page
        return [width * scale for width in widths]

    def findings(self, findings: FindingsView) -> list[Flowable]:
        if not findings.findings:
            return [KeepTogether([*self.heading(findings.heading), self.para(findings.empty or "", "small")])]
        flowables: list[Flowable] = []
        for index, finding in enumerate(findings.findings):
            block = self.heading(findings.heading) if index == 0 else []
            reason = f"<b>{finding.number}. {self.text.markup(finding.text)}</b> {self.text.markup(finding.reason)}"
            sources = self.text.markup("; ".join(finding.sources))
            label = self.text.markup(findings.source_label)
            small = f'<font size="{TABLE_PT}" color="{MUTED_HEX}"><b>{label}</b> {sources}</font>'
            block.append(TaggedParagraph(f"{reason} {small}", self.styles["body"]))
            flowables += block  # a finding may run on to the next page; its heading keeps with it
        return flowables

    def cost(self, cost: CostView) -> list[Flowable]:
        # The estimate and its chart side by side, so that cost against budget takes little room.
        rows = self.data_table(cost.rows[0], cost.rows[1:], [0.22 * self.width, 0.34 * self.width])
        chart = Figure(_CostChart(cost, 0.42 * self.width), _chart_words(cost))
        table = _table(
            [[rows, chart]],
            [0.57 * self.width, 0.43 * self.width],
            TableTags(layout=True),
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        )
        flowables = [KeepTogether([*self.heading(cost.heading), table])]
        flowables += [
            Spacer(1, 2),
            self.para(cost.note, "small"),
            self.para("; ".join(cost.sources), "small", bold_prefix=cost.source_label),
        ]
        return flowables

    def questions(self, questions: QuestionsView) -> list[Flowable]:
        flowables = self.heading(questions.heading)
        if questions.own:
            flowables += [self.para(questions.own_heading, "h3"), self.para(questions.own)]
        if questions.asked:
            flowables.append(self.para(questions.asked_heading, "h3"))
            flowables += [
                self.para(ask, "li", bold_prefix=f"{number}.") for number, ask in enumerate(questions.asked, start=1)
            ]
        return [KeepTogether(flowables[:3]), *flowables[3:]]

    def checklist(self, checklist: ChecklistView) -> list[Flowable]:
        flowables: list[Flowable] = []
        for number, group in enumerate(checklist.groups):
            block = self.heading(checklist.heading) if number == 0 else []
            block.append(self.para(group.title, "h3"))
            block += [self.para(item, "li", bold_prefix="☐") for item in group.items]
            block.append(self.para("; ".join(group.sources), "small", bold_prefix=_("Source:")))
            flowables.append(KeepTogether(block))
        return flowables

    def research(self, research: ResearchView) -> list[Flowable]:
        flowables: list[Flowable] = [KeepTogether([*self.heading(research.heading), self.para(research.intro)])]
        for point in research.points:
            flowables.append(
                KeepTogether(
                    [
                        self.para(point.claim, "h3", bold_prefix=research.claim_label),
                        self.para("; ".join(point.claim_sources), "small", bold_prefix=_("Source:")),
                        self.para(point.finding, bold_prefix=research.finding_label),
                        self.para("; ".join(point.sources), "small", bold_prefix=_("Source:")),
                    ]
                )
            )
        return flowables

    def text_block(self, block: TextView) -> list[Flowable]:
        flowables: list[Flowable] = [PageBreak()] if block.page_break else []
        style = "small" if block.small else "body"
        content = [*self.heading(block.heading), *(self.para(paragraph, style) for paragraph in block.paragraphs)]
        if block.sources:
            content.append(self.para("; ".join(block.sources), "small", bold_prefix=_("Source:")))
        return [*flowables, KeepTogether(content)]

    def options(self, options: OptionsView) -> list[Flowable]:
        """The options side by side, a few per table so each column stays readable; the row labels repeat.
        Then each option's main benefit and harm as a picture of 100 people, and how the aid was made."""
        flowables: list[Flowable] = [KeepTogether([*self.heading(options.heading), self.para(options.intro)])]
        step = options.per_table
        label_width = 0.22 * self.width
        for start in range(0, len(options.names), step):
            names = options.names[start : start + step]
            rows = tuple((label, *cells[start : start + step]) for label, cells in options.rows)
            widths = [label_width] + [(self.width - label_width) / len(names)] * len(names)
            # an option's row is read across its columns, so a row never breaks between pages
            table = self.data_table(("", *names), rows, widths, split_rows=False, row_headers=True)
            flowables += [Spacer(1, 4), table]
        flowables += [
            Spacer(1, 2),
            *(self.para(line, "small", bold_prefix=options.source_label) for line in options.sources),
        ]
        return [*flowables, *self.pictures(options), *self.about_aid(options)]

    def pictures(self, options: OptionsView) -> list[Flowable]:
        """One row per option: its name, then the benefit and the harm, each a picture with its words beside it."""
        name_width = 0.2 * self.width
        half = (self.width - name_width) / 2
        rows = [
            [
                TaggedParagraph(self.text.markup(option.name), self.styles["option_name"]),
                self.picture_cell(option.benefit, half),
                self.picture_cell(option.harm, half),
            ]
            for option in options.pictures
        ]
        grid = _table(rows, [name_width, half, half], TableTags(layout=True), _ruled(top=3, bottom=3), splitInRow=0)
        intro = [*self.heading(options.pictures_heading), self.para(options.pictures_intro, "small")]
        return [KeepTogether([*intro, Spacer(1, 2)]), grid]

    def picture_cell(self, picture: PictureView, width: float) -> Flowable:
        """A picture of 100 people and its words (the same numbers), or the words alone where there is no number."""
        words = self.para(picture.words, "cell", bold_prefix=f"{picture.label}:")
        if picture.people is None:
            return words
        drawing = Figure(_IconArray(picture.people, picture.up_to, PICTURE_PT), f"{picture.label}: {picture.words}")
        return _table(
            [[drawing, words]],
            [PICTURE_PT + 6, width - PICTURE_PT - 14],
            TableTags(layout=True),
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        )

    def about_aid(self, options: OptionsView) -> list[Flowable]:
        paragraphs = [self.para(paragraph) for paragraph in options.about]
        return [KeepTogether([*self.heading(options.about_heading), *paragraphs[:2]]), *paragraphs[2:]]

    def sources(self, sources: SourcesView) -> list[Flowable]:
        entries = [
            self.para(
                f"{source.reference}. {sources.checked_label} {format_date(source.checked)}.",
                "small",
                bold_prefix=f"{source.short}:",
            )
            for source in sources.sources
        ]
        return [KeepTogether([*self.heading(sources.heading), *entries[:2]]), *entries[2:]]

    def about(self, about: AboutView) -> list[Flowable]:
        return [KeepTogether([*self.heading(about.heading), self.para(about.text)])]


class _CostChart(Flowable):
    """Low and high cost for each horizon as bars, with the 3-month budget as a dashed line.

    Drawn straight on the canvas in the summary's own font (a reportlab Drawing would add Helvetica).
    """

    HEIGHT = 108
    LOW, HIGH, BUDGET = colors.HexColor("#7fa7cc"), colors.HexColor("#1f3a5f"), colors.HexColor("#b3261e")

    def __init__(self, cost: CostView, width: float):
        super().__init__()
        self.cost = cost
        self.width = width
        self.height = self.HEIGHT

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        cost = self.cost
        top = max([bar.high for bar in cost.bars] + [cost.budget or 0]) * 1.15 or 1
        left, bottom, plot_height = 6, 28, self.height - 56
        slot = (self.width - left) / max(len(cost.bars), 1)
        if cost.budget is not None:  # first, so that the bars' figures are drawn over it
            self._budget_line(left, slot, bottom + plot_height * cost.budget / top)
        bar_width = min(40, slot / 3)
        for index, bar in enumerate(cost.bars):
            x = left + index * slot + slot / 2 - bar_width - 3
            cases = ((_("low"), bar.low, self.LOW), (_("high"), bar.high, self.HIGH))
            for offset, (case, amount, fill) in enumerate(cases):
                height = plot_height * amount / top
                bx = x + offset * (bar_width + 6)
                canvas.setFillColor(fill)
                canvas.rect(bx, bottom, bar_width, height, stroke=0, fill=1)
                figure = cost.amount(amount)
                canvas.setFont(FAMILY, 9)
                figure_width = canvas.stringWidth(figure, FAMILY, 9)
                canvas.setFillColor(colors.white)  # the budget line passes behind the figure, never through it
                canvas.rect(
                    bx + (bar_width - figure_width) / 2 - 1, bottom + height + 1, figure_width + 2, 11, stroke=0, fill=1
                )
                canvas.setFillColor(INK)
                canvas.drawCentredString(bx + bar_width / 2, bottom + height + 3, figure)
                canvas.setFillColor(MUTED)
                canvas.drawCentredString(bx + bar_width / 2, bottom - 11, case)
            canvas.setFillColor(INK)
            canvas.setFont(f"{FAMILY}-Bold", 9.5)
            canvas.drawCentredString(left + index * slot + slot / 2, bottom - 24, bar.label)
        canvas.setStrokeColor(RULE)
        canvas.line(left, bottom, self.width, bottom)

    def _budget_line(self, left: float, slot: float, y: float) -> None:
        """A dashed line at the budget across the horizons it is compared with, and its legend above the plot."""
        canvas = self.canv
        compared = [index for index, bar in enumerate(self.cost.bars) if bar.compared_with_budget]
        if not compared:
            return
        canvas.saveState()
        canvas.setStrokeColor(self.BUDGET)
        canvas.setLineWidth(1.2)
        canvas.setDash(4, 3)
        for index in compared:
            canvas.line(left + index * slot + 4, y, left + (index + 1) * slot - 4, y)
        legend_y = self.height - 10  # above the plot, so the label never covers a bar's figure
        canvas.line(left, legend_y + 3, left + 24, legend_y + 3)
        canvas.setFillColor(colors.HexColor("#7a1410"))
        canvas.setFont(FAMILY, 9)
        canvas.drawString(left + 30, legend_y, f"{self.cost.budget_label}: {self.cost.amount(self.cost.budget or 0)}")
        canvas.restoreState()


def _unwrapped(flowables: list[Flowable]) -> list[Flowable]:
    """KeepTogether's contents in its place: its own wrap reports "too tall" rather than a height."""
    flat: list[Flowable] = []
    for flowable in flowables:
        flat += _unwrapped(flowable._content) if isinstance(flowable, KeepTogether) else [flowable]
    return flat


def _table(rows: list, widths: list[float], tags: TableTags, style: list[tuple], **options) -> Table:
    """A table in the summary's font (reportlab's default would add an unembedded Helvetica), its structure
    tagged by ``tags`` (a data table, or one that only lays things out)."""
    table = Table(rows, colWidths=widths, renderCB=tags, **options)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FAMILY), *style]))
    return table


def _ruled(top: float, bottom: float) -> list[tuple]:
    """Thin rules round every cell, cells aligned at the top, 4 pt either side and the given top and bottom."""
    return [
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
    ]


def _chart_words(cost: CostView) -> str:
    """The chart's text alternative: each horizon's low and high cost, and the budget it is compared with."""
    bars = "; ".join(
        _("{horizon}: low {low}, high {high}").format(
            horizon=bar.label, low=cost.amount(bar.low), high=cost.amount(bar.high)
        )
        for bar in cost.bars
    )
    budget = f"; {cost.budget_label}: {cost.amount(cost.budget)}" if cost.budget is not None else ""
    return f"{bars}{budget}."


class _IconArray(Flowable):
    """100 figures, ten to a row: a head and a body each, in the shade ``screener.report.pictograph`` gives.

    Drawn with the canvas's own paths, one path and one fill per shade: as reportlab.graphics shapes, the 1,400
    figures of a summary took 350 ms to build and draw, most of the time between Finish and the PDF.
    """

    def __init__(self, people: int, up_to: int | None, size: float):
        super().__init__()
        self.shades = shades(people, up_to)
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        step = self.width / 10
        head_x, head_y, radius = (value * step for value in HEAD)
        left, body_top, body_width, body_height, corner = (value * step for value in BODY)
        for shade in SHADES:
            path = canvas.beginPath()
            for index, drawn in enumerate(self.shades):
                if drawn != shade:
                    continue
                column, row = cell(index)
                x, top = column * step, self.height - row * step
                path.circle(x + head_x, top - head_y, radius)
                path.roundRect(x + left, top - body_top - body_height, body_width, body_height, corner)
            canvas.setFillColor(colors.HexColor(SHADES[shade]))
            outlined = shade == "range"  # a thin edge, so the top of a range stands apart on any printer
            if outlined:
                canvas.setStrokeColor(colors.HexColor(OUTLINE))
                canvas.setLineWidth(0.4)
            canvas.drawPath(path, fill=1, stroke=int(outlined))
