"""Reports an official can print and file: HTML and PDF renderings of a screening report."""
