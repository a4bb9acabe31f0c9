"""The admin home page for the newsroom: what needs doing, what is coming, how readers respond.

Each panel asks its own app: articles for the queues, newsletters for signups, the paywall
for its funnel, the translation desk for its throughput. Writers see their own articles
only; the business figures and the desk are for editors.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Article
from desk.services.throughput import DeskFigures, desk_figures
from newsletters.services.stats import signups_per_day
from newsroom.lib import roles
from paywall.services import funnel
from paywall.services.revenue import Revenue, mrr_by_day, revenue_report, subscribers_by_plan

from .charts import BarChart, FunnelChart, bar_chart, funnel_chart

DAYS = 30
LIST_LENGTH = 8


@dataclass(frozen=True)
class QuickLink:
    text: str
    url: str
    main: bool = False


@dataclass(frozen=True)
class Dashboard:
    for_editors: bool
    quick_links: list[QuickLink] = field(default_factory=list)
    awaiting_review: list = field(default_factory=list)
    awaiting_review_count: int = 0
    scheduled: list = field(default_factory=list)
    recently_published: list = field(default_factory=list)
    my_drafts: list = field(default_factory=list)
    signups: BarChart | None = None
    confirmed_total: int = 0
    funnel: FunnelChart | None = None
    can_open_funnel_page: bool = False
    revenue: Revenue | None = None
    mrr: BarChart | None = None
    plans: FunnelChart | None = None
    desk: DeskFigures | None = None
    days: int = DAYS


def signups_chart(*, now: datetime, days: int = DAYS) -> tuple[BarChart, int]:
    rows = signups_per_day(now=now, days=days)
    points = [
        (
            date_format(row.day, "j M"),
            row.signups,
            f"{date_format(row.day, 'j M')}: {row.signups} signup{'s' if row.signups != 1 else ''}"
            f", {row.confirmed} confirmed",
        )
        for row in rows
    ]
    return bar_chart(points), sum(row.confirmed for row in rows)


def paywall_funnel_chart(*, now: datetime, days: int = DAYS) -> FunnelChart:
    funnel.flush(now=now)  # the cache's latest counts, as the paywall's own funnel page does
    rows = funnel.daily_report(now=now, days=days)
    # Of the trials started in the window, those converted since: a rate, never above 100 %.
    started, converted = funnel.trials_started_and_converted(now=now, days=days)
    return funnel_chart(
        [
            ("Metered reads", sum(row.metered_reads for row in rows)),
            ("Paywalls shown", sum(row.paywalls_shown for row in rows)),
            ("Trials started", started),
            ("Trials converted", converted),
        ],
        width=380,
    )


def revenue_charts(*, now: datetime, days: int = DAYS) -> tuple[BarChart, FunnelChart]:
    """MRR at the end of each day, and paying subscribers per plan."""
    report = mrr_by_day(now=now, days=days)
    mrr = bar_chart(
        [
            (
                date_format(row.day, "j M"),
                float(row.mrr),
                f"{date_format(row.day, 'j M')}: MRR {row.mrr}",
            )
            for row in report
        ],
        width=440,  # drawn about this wide, so its text keeps its size
    )
    plans = funnel_chart([(row.plan.name, row.paying) for row in subscribers_by_plan()], width=240)
    return mrr, plans


def quick_links(user) -> list[QuickLink]:
    """The day's first moves for this role, each only if the role may make it."""
    links = []
    if user.has_perm("articles.add_article"):
        add_url = reverse("admin:articles_article_add")
        links.append(QuickLink("Write an article", add_url, main=True))
    if user.has_perm("desk.view_sourcestory"):
        board = reverse("admin:desk_sourcestory_board")
        if roles.can_assign(user):
            links.append(QuickLink("The translation desk", board))
        else:  # a translator: the board holds only their own assignments
            links.append(QuickLink("Your assignments", board, main=True))
    if roles.can_publish(user):
        links.append(
            QuickLink("Review queue", reverse("admin:articles_articleawaitingreview_changelist"))
        )
    elif user.has_perm("articles.change_article"):
        links.append(QuickLink("Your articles", reverse("admin:articles_article_changelist")))
    if user.has_perm("newsletters.add_newsletterissue"):
        links.append(
            QuickLink("Newsletter issues", reverse("admin:newsletters_newsletterissue_changelist"))
        )
    if user.has_perm("images.view_image"):
        links.append(QuickLink("Images", reverse("admin:images_image_changelist")))
    if user.has_perm("paywall.change_meterpolicy"):
        links.append(
            QuickLink("Paywall and its wording", reverse("admin:paywall_meterpolicy_changelist"))
        )
    if user.has_perm("paywall.view_funnelday"):
        links.append(QuickLink("Daily funnel", reverse("admin:paywall_funnelday_changelist")))
    return links


def desk_panel(*, user, now: datetime) -> DeskFigures | None:
    """The translation desk's week: published per translator and language, the median time
    from assignment to publication, overdue assignments (for those who run the desk)."""
    if not roles.can_assign(user):
        return None
    return desk_figures(now=now)


def build_dashboard(*, user, now: datetime | None = None) -> Dashboard:
    """The panels this person's role calls for."""
    now = now or timezone.now()
    articles = Article.objects.select_related("section", "status_changed_by")
    if not roles.can_publish(user):
        mine = articles.owned_by(user)
        return Dashboard(
            for_editors=False,
            quick_links=quick_links(user),
            my_drafts=list(mine.drafts().order_by("-updated_at")[:LIST_LENGTH]),
            awaiting_review=list(mine.awaiting_review()[:LIST_LENGTH]),
            scheduled=list(mine.scheduled().order_by("published_at")[:LIST_LENGTH]),
            recently_published=list(mine.published().newest_first()[:LIST_LENGTH]),
        )
    queue = articles.awaiting_review()
    chart, confirmed = signups_chart(now=now)
    mrr, plans = revenue_charts(now=now)
    return Dashboard(
        for_editors=True,
        quick_links=quick_links(user),
        awaiting_review=list(queue[:LIST_LENGTH]),
        awaiting_review_count=queue.count(),
        scheduled=list(articles.scheduled().order_by("published_at")[:LIST_LENGTH]),
        recently_published=list(
            articles.published()
            .published_since(now - timedelta(days=7))
            .newest_first()[:LIST_LENGTH]
        ),
        signups=chart,
        confirmed_total=confirmed,
        funnel=paywall_funnel_chart(now=now),
        can_open_funnel_page=user.has_perm("paywall.view_funnelday"),
        revenue=revenue_report(now=now, days=DAYS),
        mrr=mrr,
        plans=plans,
        desk=desk_panel(user=user, now=now),
    )
