"""The one place that decides which HTML may reach a reader from an article body."""

import nh3

ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "blockquote",
    "ul",
    "ol",
    "li",
    "br",
    "figure",
    "figcaption",
    "img",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
}


# The admin's rich-text editor (django-prose-editor) offers only what survives clean_body:
# paragraphs, h2/h3, bold, italic, links, quotes, lists, line breaks and captioned images.
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "Blockquote": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "HardBreak": True,
    "Figure": True,
    "Caption": True,
    "Image": True,
}


def clean_body(html: str) -> str:
    """Strip scripts, event handlers and any tag outside the house set."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()
