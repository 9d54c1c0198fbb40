"""Text helpers for labels."""

from __future__ import annotations


def reflow(text: str) -> str:
    """Text written in YAML with line breaks, as paragraphs that the label wraps to its own width."""
    paragraphs = [" ".join(block.split()) for block in text.strip().split("\n\n")]
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
