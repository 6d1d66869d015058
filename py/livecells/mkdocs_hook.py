"""MkDocs hook: give every page a fresh live-cell session before its Markdown renders."""

from livecells import fence


def on_page_markdown(markdown, page, **kwargs):
    fence.start_page(page.file.src_uri, page.meta)
    return markdown
