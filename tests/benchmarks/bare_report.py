"""Baseline for the report benchmark: reportlab writing a one-paragraph PDF."""

import sys

from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

SimpleDocTemplate(sys.argv[1]).build([Paragraph("A one-paragraph PDF.", getSampleStyleSheet()["Normal"])])
