"""RSS 2.0 and Atom feeds of published articles: the whole site, and per section, tag, author,
series and source. The full text goes out only where the paywall lets a non-subscriber read it."""

import mimetypes

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.files.storage import default_storage
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import format_html
from taggit.models import Tag

from newsroom.lib.urls import absolute_links, absolute_url
from paywall.services.access import Reader, decide_access

from .models import Article, Author, Section, Series, Source
from .templatetags.articles_tags import join_names, with_dateline

FEED_SIZE = 30
# The middle rendition (800 px wide): large enough for feed readers, light to fetch.
ENCLOSURE_WIDTH_INDEX = 1


class RssWithContent(Rss201rev2Feed):
    """RSS 2.0 whose items may carry the full text in content:encoded."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])
        if item.get("translator"):
            handler.addQuickElement("dc:contributor", item["translator"])


class AtomWithContent(Atom1Feed):
    """Atom whose entries may carry the full text in <content type="html">."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})
        if item.get("translator"):
            handler.startElement("contributor", {})
            handler.addQuickElement("name", item["translator"])
            handler.endElement("contributor")


class ArticlesFeed(Feed):
    """The newest published articles, as RSS 2.0. Subclasses narrow the articles to one object."""

    feed_type = RssWithContent
    url_name = "articles:feed"

    # The channel
    def title(self, obj):
        return f"{settings.SITE_NAME}: the latest stories"

    def description(self, obj):
        return "International news translated into English from the world's best newspapers."

    def subtitle(self, obj):
        return self.description(obj)

    def link(self, obj):
        return absolute_url(reverse("home"))

    def feed_url(self, obj):
        kwargs = {"slug": obj.slug} if obj is not None else {}
        return absolute_url(reverse(self.url_name, kwargs=kwargs))

    def feed_copyright(self, obj):
        return f"© {timezone.now().year} {settings.SITE_NAME}"

    # The items
    def get_articles(self, obj):
        return Article.objects.published()

    def items(self, obj):
        articles = list(self.get_articles(obj).newest_first().for_page()[:FEED_SIZE])
        # What a non-subscriber with no free reads left may read in full: the paywall decides,
        # once per item and by one clock. (The feed instance is shared: nothing stored on self.)
        now, nobody = timezone.now(), Reader.nobody()
        for article in articles:
            article.feed_full_text = decide_access(reader=nobody, article=article, now=now).full
        return articles

    def item_title(self, item):
        return item.headline

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_guid_is_permalink(self, item):
        return True

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return join_names([author.name for author in item.byline_authors]) or None

    def item_categories(self, item):
        source = [item.source.name] if item.source else []
        return [item.section.name, *source, *(tag.name for tag in item.tags.all())]

    def item_description(self, item):
        provenance = format_html("<p>{}</p>", translation_line(item)) if item.source else ""
        if item.feed_full_text:
            return format_html("<p>{}</p>{}", item.dek, provenance) if provenance else item.dek
        return format_html(
            '<p>{}</p>{}<p><a href="{}">Read the full story on {}</a></p>',
            item.dek,
            provenance,
            self.item_link(item),
            settings.SITE_NAME,
        )

    def item_extra_kwargs(self, item):
        extra = {"translator": item.translator.name if item.translator else ""}
        if item.feed_full_text:
            extra["content"] = absolute_links(str(with_dateline(item.body, item.dateline)))
        return extra

    def item_enclosures(self, item):
        """The lead image's middle rendition, with its size in bytes, as the spec requires."""
        if not item.lead_image:
            return []
        name = item.lead_image.rendition_name(settings.IMAGE_RENDITION_WIDTHS[1])
        try:
            length = default_storage.size(name)
        except OSError:  # Renditions not written (yet): better no enclosure than a wrong one.
            return []
        url = absolute_url(item.lead_image_url(ENCLOSURE_WIDTH_INDEX))
        return [Enclosure(url, str(length), mimetypes.guess_type(name)[0] or "image/jpeg")]


def translation_line(article: Article) -> str:
    """ "Translated from Le Monde (France), in French, by Rachel Stern." for a feed item."""
    source = article.source
    assert source is not None
    line = f"Translated from {source.name}"
    if source.country:
        line += f" ({source.country_name})"
    if article.source_language:
        line += f", in {article.source_language_name}"
    if article.translator:
        line += f", by {article.translator.name}"
    line += "."
    if article.attribution_text:
        line += f" {article.attribution_text}"
    return line


class SectionFeed(ArticlesFeed):
    url_name = "articles:section-feed"

    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def get_articles(self, obj):
        return super().get_articles(obj).in_section(obj)

    def title(self, obj):
        return f"{settings.SITE_NAME}: {obj.name}"

    def description(self, obj):
        return obj.description or f"The latest {obj.name} stories from {settings.SITE_NAME}."

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())


class TagFeed(SectionFeed):
    url_name = "articles:tag-feed"

    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def get_articles(self, obj):
        return Article.objects.published().tagged(obj)

    def description(self, obj):
        return f"Stories about {obj.name}, translated from the world's press."

    def link(self, obj):
        return absolute_url(reverse("articles:tag", kwargs={"slug": obj.slug}))


class AuthorFeed(SectionFeed):
    url_name = "articles:author-feed"

    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def get_articles(self, obj):
        return Article.objects.published().by_author(obj)

    def description(self, obj):
        return f"Stories by {obj.name} on {settings.SITE_NAME}."


class SeriesFeed(SectionFeed):
    url_name = "articles:series-feed"

    def get_object(self, request, slug):
        return get_object_or_404(Series, slug=slug)

    def get_articles(self, obj):
        return Article.objects.published().in_series(obj)


class SourceFeed(SectionFeed):
    url_name = "articles:source-feed"

    def get_object(self, request, slug):
        return get_object_or_404(Source, slug=slug)

    def get_articles(self, obj):
        return Article.objects.published().from_source(obj)

    def description(self, obj):
        return f"Stories translated from {obj.name} ({obj.country_name}), in English."


def atom(feed_class):
    """The Atom twin of an RSS feed class, at the URL name suffixed "-atom"."""
    return type(
        f"{feed_class.__name__}Atom",
        (feed_class,),
        {"feed_type": AtomWithContent, "url_name": f"{feed_class.url_name}-atom"},
    )


ArticlesAtomFeed = atom(ArticlesFeed)
SectionAtomFeed = atom(SectionFeed)
TagAtomFeed = atom(TagFeed)
AuthorAtomFeed = atom(AuthorFeed)
SeriesAtomFeed = atom(SeriesFeed)
SourceAtomFeed = atom(SourceFeed)
