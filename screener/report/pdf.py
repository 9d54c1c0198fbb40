"""The PDF renderer: a Report in, PDF bytes out (reportlab platypus). No file I/O here.

Every string is passed through ``PdfText.markup`` (escaping, font fallback, visible replacement), so
patient text can never inject formatting or print as silent blanks. ``invariant=1`` makes the same
Report give the same bytes. The footer on every page says "Page X of Y", the form version and the date.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from screener import __version__
from screener.content.wording import format_date
from screener.report.model import CostView, Crisis, Item, Report
from screener.report.model import Table as ReportTable
from screener.report.pdf_text import FAMILY, PdfText, register_fonts
from screener.report.tones import TONES

PAGE_SIZES = {"a4": A4, "letter": LETTER}
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#4a4a4a")  # 8.9:1 on white
HEADING = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#b8c2cc")


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    warnings: list[str]


def render_pdf(report: Report) -> RenderedPdf:
    register_fonts()
    text = PdfText()
    buffer = io.BytesIO()
    page_size = PAGE_SIZES[report.paper]
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=f"{report.title}: ketamine treatment for OCD",
        subject="Treatment history and questions, prepared by the patient for a specialist consultation",
        author="",
        creator=f"screener {__version__}",
        producer=f"screener {__version__}",
        lang=report.language,
        invariant=1,
        initialFontName=FAMILY,
    )
    story = _Story(text, doc.width).build(report)
    footer = f"Form version {report.form_version}  ·  Made on {format_date(report.made_on)}"
    doc.build(story, canvasmaker=lambda *args, **kwargs: _NumberedCanvas(*args, footer=footer, **kwargs))
    return RenderedPdf(buffer.getvalue(), text.warnings())


class _NumberedCanvas(Canvas):
    """Draws the footer once the page count is known, so it can say "Page X of Y"."""

    def __init__(self, *args, footer: str, **kwargs):
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            width, _ = self._pagesize
            self.setFont(FAMILY, 8)
            self.setFillColor(MUTED)
            self.drawString(18 * mm, 10 * mm, self._footer)
            self.drawRightString(width - 18 * mm, 10 * mm, f"Page {number} of {total}")
            super().showPage()
        super().save()


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body", fontName=FAMILY, fontSize=10, leading=13.5, textColor=INK, alignment=TA_LEFT, spaceAfter=3
    )
    return {
        "body": base,
        "title": ParagraphStyle(
            "title", parent=base, fontName=f"{FAMILY}-Bold", fontSize=18, leading=22, textColor=HEADING, spaceAfter=2
        ),
        "subtitle": ParagraphStyle("subtitle", parent=base, textColor=MUTED, spaceAfter=6),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=f"{FAMILY}-Bold",
            fontSize=13,
            leading=16,
            textColor=HEADING,
            spaceBefore=12,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=f"{FAMILY}-Bold",
            fontSize=10.5,
            leading=14,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        ),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "cell_head": ParagraphStyle(
            "cell_head", parent=base, fontName=f"{FAMILY}-Bold", fontSize=8.5, leading=10.5, spaceAfter=0
        ),
        "label": ParagraphStyle(
            "label", parent=base, fontName=f"{FAMILY}-Bold", fontSize=9.5, spaceAfter=0, keepWithNext=1
        ),
        "value": ParagraphStyle("value", parent=base, leftIndent=8, spaceAfter=5),
    }


class _Story:
    """Builds the list of flowables for one Report, in the order a clinician reads it."""

    def __init__(self, text: PdfText, width: float):
        self.text = text
        self.width = width
        self.styles = _styles()

    def para(self, value: str, style: str = "body", bold_prefix: str = "") -> Paragraph:
        prefix = f"<b>{self.text.markup(bold_prefix)}</b> " if bold_prefix else ""
        return Paragraph(prefix + self.text.markup(value), self.styles[style])

    def heading(self, value: str) -> list[Flowable]:
        return [CondPageBreak(40 * mm), self.para(value, "h2")]

    def build(self, report: Report) -> list[Flowable]:
        story: list[Flowable] = [self.para(report.title, "title"), self.para(report.subtitle, "subtitle")]
        header = [Item("Made on", format_date(report.made_on)), *report.header]
        story.append(self.para("   ·   ".join(f"{item.label}: {item.value}" for item in header), "small"))
        notice_at = len(story)
        if report.crisis:
            story += [Spacer(1, 6), self.crisis_box(report.crisis)]
        story += [Spacer(1, 6), self.banner(report)]
        story += self.items_section(report.headings.diagnosis, report.diagnosis)
        story += self.findings(report)
        story += self.table_section(report.headings.medicines, report.medicines, report.medicines_more)
        story += self.table_section(report.headings.therapy, report.therapy, report.therapy_more)
        story += self.items_section(report.headings.other_treatments, report.other_treatments)
        story += self.medical(report)
        story += self.items_section(report.headings.goals, report.goals)
        story += self.cost(report.headings.cost, report.cost)
        story += self.checklist(report)
        story += self.research(report)
        story += self.questions(report)
        story += self.sources(report)
        story += self.heading(report.headings.about)
        story += [self.para(report.closing, "h3"), self.para(report.about)]
        if self.text.unprintable:  # said near the top, so no one wonders about a strange mark
            names = ", ".join(self.text.unprintable.values())
            story.insert(
                notice_at,
                self.para(
                    f"Some characters typed in the answers could not be printed with this program's fonts. "
                    f"They appear as \ufffd: {names}.",
                    "small",
                ),
            )
        return story

    def boxed(self, content: list[Flowable], background: str, border: str, border_width: float) -> Table:
        box = Table([[content]], colWidths=[self.width])
        box.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(background)),
                    ("BOX", (0, 0), (-1, -1), border_width, colors.HexColor(border)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                    ("TOPPADDING", (0, 0), (-1, -1), 8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        return box

    def crisis_box(self, crisis: Crisis) -> Table:
        background, border, ink = TONES["urgent"]
        title = ParagraphStyle(
            "crisis_title", parent=self.styles["title"], fontSize=15, leading=19, textColor=colors.HexColor(ink)
        )
        line = ParagraphStyle("crisis_line", parent=self.styles["body"], fontSize=11.5, leading=15)
        content: list[Flowable] = [Paragraph(self.text.markup(crisis.title), title), self.para(crisis.message)]
        content += [
            Paragraph(f"<b>{self.text.markup(item.label)}:</b> {self.text.markup(item.value)}", line)
            for item in crisis.lines
        ]
        content.append(Paragraph(f"<b>Emergency:</b> {self.text.markup(crisis.emergency)}", line))
        return self.boxed(content, background, border, 2.5)

    def banner(self, report: Report) -> Table:
        background, border, ink = TONES[report.outcome_tone]
        title = ParagraphStyle(
            "banner_title", parent=self.styles["title"], fontSize=15, leading=19, textColor=colors.HexColor(ink)
        )
        content = [
            self.para("Screening outcome", "small"),
            Paragraph(self.text.markup(report.outcome_title), title),
            self.para(report.outcome_summary),
            self.para(report.closing, "label"),
        ]
        return self.boxed(content, background, border, 1.5)

    def items_section(self, heading: str, items: tuple[Item, ...]) -> list[Flowable]:
        return [*self.heading(heading), *(self.items(items) or [self.para("None listed.", "small")])]

    def items(self, items: tuple[Item, ...]) -> list[Flowable]:
        flowables: list[Flowable] = []
        for item in items:
            flowables += [self.para(item.label, "label"), self.para(item.value, "value")]
        return flowables

    def findings(self, report: Report) -> list[Flowable]:
        flowables: list[Flowable] = [] if report.findings else self.heading(report.headings.findings)
        for number, finding in enumerate(report.findings, start=1):
            block = self.heading(report.headings.findings) if number == 1 else []
            block += [
                self.para(finding.text, "h3", bold_prefix=f"{number}."),
                self.para(finding.reason, bold_prefix="Why:"),
                self.para(finding.ask, bold_prefix="Ask:"),
                self.para("; ".join(finding.sources), "small", bold_prefix="Source:"),
            ]
            flowables.append(KeepTogether(block))
        return flowables

    def data_table(self, table: ReportTable, widths: list[float] | None = None) -> Flowable:
        head = [Paragraph(self.text.markup(column), self.styles["cell_head"]) for column in table.columns]
        rows = [[Paragraph(self.text.markup(cell), self.styles["cell"]) for cell in row] for row in table.rows]
        grid = Table(
            [head, *rows], colWidths=widths or [self.width / len(table.columns)] * len(table.columns), repeatRows=1
        )
        grid.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf2")),
                    ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f7f9fb")]),
                ]
            )
        )
        return grid

    def table_section(self, heading: str, table: ReportTable, more: tuple[Item, ...]) -> list[Flowable]:
        flowables = self.heading(heading)
        if table.rows:
            flowables += [self.data_table(table), Spacer(1, 3), self.para(table.note, "small")]
        else:
            flowables.append(self.para("None listed.", "small"))
        return flowables + self.items(more)

    def medical(self, report: Report) -> list[Flowable]:
        flowables = self.items_section(report.headings.medical, report.medical)
        if report.precautions:
            flowables.append(self.para("Points to raise with the specialist", "h3"))
            flowables += [self.para(item.value, bold_prefix=item.label) for item in report.precautions]
        return flowables

    def cost(self, heading: str, cost: CostView) -> list[Flowable]:
        flowables = self.heading(heading)
        widths = [0.36 * self.width, 0.28 * self.width, 0.36 * self.width]
        flowables.append(
            KeepTogether([self.data_table(cost.table, widths), Spacer(1, 6), _CostChart(cost, self.width)])
        )
        flowables += [
            Spacer(1, 3),
            self.para(cost.table.note, "small"),
            self.para("; ".join(cost.sources), "small", bold_prefix="Source:"),
        ]
        return flowables + self.items(cost.answers)

    def checklist(self, report: Report) -> list[Flowable]:
        flowables: list[Flowable] = []
        for number, group in enumerate(report.checklist):
            block = self.heading(report.headings.checklist) if number == 0 else []
            block.append(self.para(group.title, "h3"))
            block += [self.para(item, bold_prefix="☐") for item in group.items]
            block.append(self.para("; ".join(group.sources), "small", bold_prefix="Source:"))
            flowables.append(KeepTogether(block))
        return flowables

    def research(self, report: Report) -> list[Flowable]:
        flowables = [*self.heading(report.headings.research), self.para(report.research_intro)]
        for point in report.research:
            flowables.append(
                KeepTogether(
                    [
                        self.para(point.claim, "h3", bold_prefix="The articles say:"),
                        self.para("; ".join(point.claim_sources), "small", bold_prefix="Source:"),
                        self.para(point.finding, bold_prefix="The research:"),
                        self.para("; ".join(point.sources), "small", bold_prefix="Source:"),
                    ]
                )
            )
        return flowables

    def questions(self, report: Report) -> list[Flowable]:
        flowables = self.heading(report.headings.questions)
        flowables += [
            self.para(ask, bold_prefix=f"{number}.") for number, ask in enumerate(report.specialist_questions, start=1)
        ]
        if report.own_questions:
            flowables += [self.para("My own questions", "h3"), self.para(report.own_questions)]
        return flowables

    def sources(self, report: Report) -> list[Flowable]:
        flowables = self.heading(report.headings.sources)
        flowables += [
            self.para(
                f"{source.reference}. Checked {format_date(source.checked)}.", "small", bold_prefix=f"{source.short}:"
            )
            for source in report.sources
        ]
        return flowables


class _CostChart(Flowable):
    """Low and high cost for each horizon as bars, with the 3-month budget as a dashed line."""

    HEIGHT = 160

    def __init__(self, cost: CostView, width: float):
        super().__init__()
        self.cost = cost
        self.width = width
        self.height = self.HEIGHT

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self._drawing().drawOn(self.canv, 0, 0)

    def _drawing(self) -> Drawing:
        drawing = Drawing(self.width, self.height)
        top = max([bar.high for bar in self.cost.bars] + [self.cost.budget or 0]) * 1.15 or 1
        left, bottom, plot_height = 10, 28, self.height - 62
        slot = (self.width - left) / max(len(self.cost.bars), 1)
        bar_width = min(46, slot / 3)
        for index, bar in enumerate(self.cost.bars):
            x = left + index * slot + slot / 2 - bar_width - 3
            for offset, (case, amount, fill) in enumerate((("low", bar.low, "#7fa7cc"), ("high", bar.high, "#1f3a5f"))):
                height = plot_height * amount / top
                bx = x + offset * (bar_width + 6)
                drawing.add(Rect(bx, bottom, bar_width, height, fillColor=colors.HexColor(fill), strokeColor=None))
                drawing.add(
                    String(
                        bx + bar_width / 2,
                        bottom + height + 3,
                        f"{self.cost.money_prefix}{amount:,.0f}",
                        fontName=FAMILY,
                        fontSize=7.5,
                        fillColor=INK,
                        textAnchor="middle",
                    )
                )
                drawing.add(
                    String(
                        bx + bar_width / 2,
                        bottom - 10,
                        case,
                        fontName=FAMILY,
                        fontSize=7.5,
                        fillColor=MUTED,
                        textAnchor="middle",
                    )
                )
            drawing.add(
                String(
                    left + index * slot + slot / 2,
                    bottom - 22,
                    bar.label,
                    fontName=f"{FAMILY}-Bold",
                    fontSize=8.5,
                    fillColor=INK,
                    textAnchor="middle",
                )
            )
        drawing.add(Line(left, bottom, self.width, bottom, strokeColor=RULE))
        for index, bar in enumerate(self.cost.bars):
            if self.cost.budget is None or not bar.compared_with_budget:
                continue
            y = bottom + plot_height * self.cost.budget / top
            x0, x1 = left + index * slot + 4, left + (index + 1) * slot - 4
            budget_line = dict(strokeColor=colors.HexColor("#b3261e"), strokeWidth=1.2, strokeDashArray=[4, 3])
            drawing.add(Line(x0, y, x1, y, **budget_line))
            legend_y = self.height - 8  # a legend above the plot, so the label never covers a bar's figure
            drawing.add(Line(left, legend_y + 3, left + 24, legend_y + 3, **budget_line))
            drawing.add(
                String(
                    left + 30,
                    legend_y,
                    f"{self.cost.budget_label}: {self.cost.money_prefix}{self.cost.budget:,.0f}",
                    fontName=FAMILY,
                    fontSize=8,
                    fillColor=colors.HexColor("#7a1410"),
                )
            )
        return drawing
