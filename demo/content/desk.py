"""The translation desk's demo: a translator, a glossary, a bundled feed polled into
candidates, assignments at each step, and one published translation whose original then
changed (outdated, with its diff). Every move goes through the desk's and the workflow's
services, as in the admin. Idempotent: a second run finds the stories and moves nothing.
"""

from datetime import timedelta
from io import TextIOBase
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from articles.models import Author, Section, Source
from articles.services import workflow
from desk.models import GlossaryTerm, SourceFeed, SourceStory, TranslatorProfile
from desk.services import feeds, intake, stories
from newsroom.lib.roles import TRANSLATOR

FEED_FILE = Path(__file__).parent / "feeds" / "le-monde-international.xml"
# The address the bundled file stands for. The demo feed is inactive, so the worker never
# polls the real one; an editor can switch it on in the admin.
FEED_URL = "https://www.lemonde.fr/international/rss_full.xml"

USERNAME, PASSWORD = "translator", "newsroom-translator"
LOGINS = [(USERNAME, PASSWORD, "translator (French, Spanish, Italian)", "/admin/")]
BYLINE = "Camille Dubois"
LANGUAGES = ["fr", "es", "it"]

GLOSSARY = [
    ("fr", "Assemblée nationale", "National Assembly", "France's lower house."),
    ("fr", "Premier ministre", "prime minister", "Lower case unless before a name."),
    ("fr", "Sénat", "Senate", ""),
    ("fr", "Conseil constitutionnel", "Constitutional Council", "Not “Constitutional Court”."),
    ("fr", "Élysée", "Élysée", "Keep the accent; “the Élysée” for the presidency."),
    ("es", "Congreso de los Diputados", "Congress of Deputies", "Spain's lower house."),
    ("es", "La Moncloa", "Moncloa Palace", "The prime minister's office."),
    ("it", "Palazzo Chigi", "Palazzo Chigi", "The Italian prime minister's office; no gloss."),
]

# Feed items by the words of their address, and what the desk does with each.
ASSEMBLY = "retraites-agricoles"
MARSEILLE = "marseille-port-hydrogene"
ALPS = "alpes-hiver-sans-neige"
LOUVRE = "louvre-reserves"

# The translator's English for the stories the demo takes further than assignment.
ENGLISH = {
    ASSEMBLY: stories.Translation(
        headline="France's National Assembly Votes To Raise Farmers' Pensions",
        dek="Pensions would be counted on a farmer's best 25 years, as for other workers.",
        paragraphs=[
            "The National Assembly adopted overnight from Sunday to Monday, by 312 votes to "
            "201, the reform that calculates farmers' pensions on their best 25 years.",
            "The bill, backed by the prime minister, still has to go before the Senate in "
            "January. Farmers' unions hailed “a measure of justice awaited for thirty years”.",
            "The opposition, which disputes how it is funded, may refer it to the "
            "Constitutional Council.",
        ],
    ),
    MARSEILLE: stories.Translation(
        headline="Marseille Wants To Be The Mediterranean's Hydrogen Port",
        dek="A €1.2 billion plan would bring three electrolysis plants to Fos-sur-Mer.",
        paragraphs=[
            "The port of Marseille-Fos on Monday presented a €1.2 billion plan to host, by "
            "2030, three electrolysis plants on its land at Fos-sur-Mer.",
            "“We want green hydrogen to reach Europe through Marseille, as oil did in the last "
            "century,” its chairman told shipowners gathered at the Pharo palace.",
            "The prime minister is due to visit on Friday. Local residents' groups point out "
            "that the Fos industrial zone remains one of the most polluted in France.",
        ],
    ),
    ALPS: stories.Translation(
        headline="",  # not written yet: the original's stays
        dek="",
        paragraphs=[
            "In Métabief, in the Jura, the ski lifts will stop turning from 2030. The town has "
            "chosen to turn its slopes into hiking trails and mountain-bike tracks.",
        ],
    ),
}


def load_demo(stdout: TextIOBase) -> None:
    now = timezone.now()
    editor = get_user_model().objects.get(username="editor")
    translator = _translator(stdout)
    _glossary()
    feed = _feed()
    if not SourceStory.objects.filter(feed=feed).exists():
        result = feeds.import_document(feed=feed, content=FEED_FILE.read_bytes(), now=now)
        stdout.write(f"Desk: {result.created} candidates from the demo feed of {feed.source}")
    section = Section.objects.order_by("order", "name").first()
    assert section is not None  # the articles' demo made them

    louvre = _story(LOUVRE)
    if louvre.is_candidate:
        _assign(louvre, translator, editor, section, due=now + timedelta(days=1))
    alps = _story(ALPS)
    if alps.is_candidate:
        _assign(alps, translator, editor, section, due=now + timedelta(hours=2))
        _translate(alps, translator, now=now, submit=False)
        # Its deadline has passed while the translator holds it: overdue on the board.
        SourceStory.objects.filter(pk=alps.pk).update(deadline=now - timedelta(hours=3))
    marseille = _story(MARSEILLE)
    if marseille.is_candidate:
        _assign(marseille, translator, editor, section, due=now + timedelta(hours=6))
        _translate(marseille, translator, now=now, submit=True)
    assembly = _story(ASSEMBLY)
    if assembly.is_candidate:
        _publish_then_change(assembly, translator, editor, section, now=now, stdout=stdout)
    counts = {
        state.label: SourceStory.objects.filter(state=state).count() for state in SourceStory.State
    }
    stdout.write("Desk: " + ", ".join(f"{n} {label.lower()}" for label, n in counts.items() if n))


def _translator(stdout: TextIOBase):
    user = get_user_model().objects.filter(username=USERNAME).first()
    if user is None:
        user = get_user_model().objects.create_user(
            USERNAME, f"{USERNAME}@example.com", PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=TRANSLATOR))
        stdout.write(f"Demo translator: {USERNAME} / {PASSWORD}")
    author, _ = Author.objects.get_or_create(
        name=BYLINE, defaults={"bio": "Translates from French, Spanish and Italian."}
    )
    TranslatorProfile.objects.update_or_create(
        user=user, defaults={"author": author, "languages": LANGUAGES}
    )
    return user


def _glossary() -> None:
    for language, term, rendering, notes in GLOSSARY:
        GlossaryTerm.objects.get_or_create(
            language=language, term=term, defaults={"rendering": rendering, "notes": notes}
        )


def _feed() -> SourceFeed:
    source = Source.objects.get(slug="le-monde")
    feed, _ = SourceFeed.objects.get_or_create(
        url=FEED_URL, defaults={"source": source, "active": False}
    )
    return feed


def _story(words: str) -> SourceStory:
    return SourceStory.objects.get(original_url__contains=words)


def _assign(story, translator, editor, section, *, due, at=None) -> None:
    stories.assign(
        story=story,
        translator=translator,
        deadline=due,
        section=section,
        by=editor,
        now=at or timezone.now(),
    )


def _translate(story, translator, *, now, submit: bool) -> None:
    stories.start_translation(story=story, by=translator, now=now)
    story.refresh_from_db()
    english = ENGLISH[next(words for words in ENGLISH if words in story.original_url)]
    count = len(story.translated_paragraphs)
    translation = stories.Translation(
        headline=english.headline or story.headline,
        dek=english.dek,
        paragraphs=(english.paragraphs + [""] * count)[:count],
    )
    if submit:
        stories.submit_for_review(story=story, translation=translation, by=translator, now=now)
    else:
        stories.save_translation(story=story, translation=translation, by=translator, now=now)


def _publish_then_change(story, translator, editor, section, *, now, stdout) -> None:
    """Translated, published, then the next poll brings an edited original: outdated."""
    # Assigned that morning, so the dashboard's median time to publication means something.
    _assign(
        story,
        translator,
        editor,
        section,
        due=now + timedelta(hours=2),
        at=now - timedelta(hours=5),
    )
    _translate(story, translator, now=now, submit=True)
    story.refresh_from_db()
    try:
        workflow.publish(article=story.article, by=editor, note="Demo: a published translation")
    except workflow.WorkflowError as error:
        stdout.write(f"Desk: the demo translation was not published ({error.message})")
        return
    edited = (
        FEED_FILE.read_text(encoding="utf-8")
        .replace("par 312 voix contre 201", "par 314 voix contre 199")
        .replace("doit encore passer devant le Sénat en janvier", "ira au Sénat le 14 janvier")
    )
    feed = _feed()
    intake_result = feeds.import_document(
        feed=feed, content=edited.encode("utf-8"), now=timezone.now()
    )
    story.refresh_from_db()
    if story.is_outdated and intake.unresolved_change(story):
        stdout.write(
            f"Desk: “{story.headline}” is outdated ({intake_result.changed} original changed)"
        )
