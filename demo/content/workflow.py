"""Demo staff for each role, and articles at each step of the workflow, moved by its services."""

from datetime import timedelta
from io import TextIOBase

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from articles.models import Article, ArticleAuthor, Author, Section
from articles.services import workflow
from newsroom.lib.roles import CHIEF_EDITOR, EDITOR, WRITER

# username, password, role, author profile on bylines
STAFF = [
    ("writer", "newsroom-writer", WRITER, "Clémence Arnaud"),
    ("editor", "newsroom-editor", EDITOR, None),
    ("chief", "newsroom-chief", CHIEF_EDITOR, None),
]
LOGINS = [(username, password, role.lower(), "/admin/") for username, password, role, _ in STAFF]

STORIES = [
    {
        "slug": "demo-draft-lisbon-trams",
        "headline": "Lisbon's Old Trams Climb Into A New Argument",
        "dek": "Tourists queue for hours; residents say the city's yellow trams no longer carry them.",
        "section": "society",
        "step": "draft",
    },
    {
        "slug": "demo-review-nairobi-matatus",
        "headline": "In Nairobi, The Matatu Goes Electric",
        "dek": "Kenya's painted minibuses are loud, fast and everywhere. A start-up wants them silent.",
        "section": "green",
        "step": "in_review",
    },
    {
        "slug": "demo-scheduled-seoul-night-markets",
        "headline": "Seoul's Night Markets After Midnight",
        "dek": "Who eats, works and argues in the city's markets once the last subway has gone.",
        "section": "food-travel",
        "step": "scheduled",
    },
]
BODY = (
    "<p>This is a demo story at one step of the editorial workflow. Open it in the admin to "
    "see the buttons each role gets.</p><h2>What to try</h2><p>Log in as the writer, the "
    "editor or the chief editor and compare what each may do.</p>"
)


def load_demo(stdout: TextIOBase) -> None:
    users = {}
    for username, password, role, author_name in STAFF:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            user = get_user_model().objects.create_user(
                username, f"{username}@example.com", password, is_staff=True
            )
            user.groups.add(Group.objects.get(name=role))
            stdout.write(f"Demo {role.lower()}: {username} / {password}")
        if author_name:
            Author.objects.filter(name=author_name, user=None).update(user=user)
        users[role] = user
    for story in STORIES:
        if Article.objects.filter(slug=story["slug"]).exists():
            continue
        article = Article.objects.create(
            slug=story["slug"],
            headline=story["headline"],
            dek=story["dek"],
            body=BODY,
            section=Section.objects.get(slug=story["section"]),
            created_by=users[WRITER],
        )
        author = Author.objects.filter(user=users[WRITER]).first()
        if author:
            ArticleAuthor.objects.create(article=article, author=author, position=0)
        if story["step"] in ("in_review", "scheduled"):
            workflow.submit_for_review(article=article, by=users[WRITER])
        if story["step"] == "scheduled":
            workflow.schedule(
                article=article, by=users[EDITOR], at=timezone.now() + timedelta(days=1)
            )
    stdout.write("Workflow: demo staff and articles at each step are ready.")
