"""Reading a PDF back the way a person or a clinic's software would: its text, metadata and attachments."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

FOOTER = re.compile(r"Made on \d+ \w+ \d{4} · Form version [\d.]+ Page \d+ of \d+")


def pdf_text(data: bytes, footers: bool = True) -> str:
    """All text of the PDF with white space folded, so wrapped lines compare as one sentence.

    With ``footers=False`` the page footers are left out, so text running across pages reads as one.
    """
    pages = [folded(page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages]
    if not footers:
        pages = [FOOTER.sub("", page).strip() for page in pages]
    return " ".join(pages)


def folded(text: str) -> str:
    return " ".join(text.split())


def pdf_reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))
