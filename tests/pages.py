"""Read what crawlers read from a rendered page: head tags, JSON-LD, headings."""

import json
from html.parser import HTMLParser


class PageReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.jsonld: list[dict] = []
        self.script_srcs: list[str] = []
        self.h1_count = 0
        self._in_jsonld = False
        self._buffer = ""

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs["name"]
            self.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "script" and attrs.get("src"):
            self.script_srcs.append(attrs["src"])
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_jsonld, self._buffer = True, ""

    def handle_data(self, data):
        if self._in_jsonld:
            self._buffer += data

    def handle_endtag(self, tag):
        if tag == "script" and self._in_jsonld:
            self.jsonld.append(json.loads(self._buffer))
            self._in_jsonld = False

    def first(self, key: str) -> str | None:
        values = self.meta.get(key)
        return values[0] if values else None

    def link_hrefs(self, rel: str, type_: str | None = None) -> list[str]:
        return [
            link["href"]
            for link in self.links
            if rel in link.get("rel", "").split() and (type_ is None or link.get("type") == type_)
        ]

    def jsonld_of_type(self, type_: str) -> list[dict]:
        return [data for data in self.jsonld if data.get("@type") == type_]


def read_page(response) -> PageReader:
    assert response.status_code == 200, response.status_code
    reader = PageReader()
    reader.feed(response.content.decode())
    return reader
