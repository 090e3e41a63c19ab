"""Strategy on a page: the one QPainter layout shared by the summary view and the PDF."""
