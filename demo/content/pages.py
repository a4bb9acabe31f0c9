"""The trust pages (About, Contact, Privacy policy, Terms of use, Corrections policy), as
flat pages editors change in the admin; the text describes what this site does and stores.

Idempotent: pages are matched by address and only created when missing, so an editor's
changes survive another load_demo.
"""

from io import TextIOBase

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site

CONTACT_EMAIL = "editors@example.com"  # a demo address: editors put the real one in the admin

ABOUT = """
<p>We translate stories from newspapers around the world into English. Each story names the
newspaper that first published it, its original language and, where we have it, its original
headline, so you can always go back to the source.</p>
<p>Our editors choose articles that show how the rest of the world sees the news: how a
Chinese border city lives with North Korean restaurants, or how the foreign press sees the
United States each week. Translators work from the original text; editors check the translation
against it before it is published.</p>
<h2>How we are paid for</h2>
<p>Readers pay for this work. Anyone can read a few stories a month for free; a subscription
opens every story. We also send free newsletters: a daily tour of the world's press and weekly
series such as Eyes on U.S.</p>
<p>This site is a demonstration of the Newsroom publishing software: the two stories of the
reference page are real translations; the other stories are sample content written for the
demonstration.</p>
"""

CONTACT = f"""
<p>Write to the editors at <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>.</p>
<ul>
<li><strong>A mistake in a story:</strong> tell us the story's headline and what is wrong;
our <a href="/corrections/">corrections policy</a> says what happens next.</li>
<li><strong>Your account or subscription:</strong> write from the address you signed up
with, so we know the account is yours.</li>
<li><strong>Your personal data:</strong> see the <a href="/privacy/">privacy policy</a> for
what we keep and how to have it removed.</li>
</ul>
<p>A person reads every message.</p>
"""

PRIVACY = f"""
<p>We keep as little about you as this site needs to work. This page lists all of it.</p>
<h2>What we store</h2>
<ul>
<li><strong>Your account</strong>, if you create one: your email address and a hashed password
(we cannot read it), whether you have confirmed your address, and the stories you have read
in the current counting period, so the free-article count follows you from one device to another.</li>
<li><strong>Your subscription</strong>, if you have one: the plan, its status and dates. We do
not store card numbers.</li>
<li><strong>Newsletter sign-ups</strong>: your email address, the newsletters you chose, and a
record of your consent (when you agreed, the wording you agreed to, the page the form was on
and a keyed hash of your IP address; the address itself is never stored). We keep the consent
record even after you unsubscribe, as the law allows, to show that we had your agreement.</li>
<li><strong>Failed sign-in attempts</strong>: after several wrong passwords for one account from
one address, the account and the address are recorded and sign-in is paused for a few minutes,
to stop password guessing.</li>
</ul>
<h2 id="cookies">Cookies</h2>
<p>The site sets only the cookies it needs to work, and none for advertising or tracking, so it
asks for no cookie consent:</p>
<ul>
<li><code>wc_meter</code>: which stories you have read, and when, so we can count your free
stories without an account. It is signed so it cannot be altered, and expires after the
counting period.</li>
<li><code>sessionid</code>: keeps you signed in; set only when you sign in.</li>
<li><code>csrftoken</code>: protects the forms you send (sign-up, sign-in, newsletters) from
being sent by another site in your name.</li>
</ul>
<h2>Your choices</h2>
<ul>
<li>Every newsletter email has an unsubscribe link that works in one click, and a link to
choose which newsletters you receive.</li>
<li>You can cancel a subscription from your account page.</li>
<li>Your <a href="/account/">account page</a> lets you change your email address, download
the data we hold about you (a JSON file) and delete your account. Deleting it cancels your
subscription and unsubscribes your newsletters; we keep the record of each newsletter
consent you gave, as the law asks us to be able to show it. Questions: write to
<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>.</li>
</ul>
<p>We do not sell or share your data with advertisers.</p>
"""

TERMS = """
<p>By using this site you agree to these terms.</p>
<h2>Reading</h2>
<p>Without a subscription you can read a limited number of stories in full each month; the
<a href="/subscribe/">plans page</a> shows the current limit. Editors may make some sections
free for everyone. Gift links from subscribers open one story for a limited time.</p>
<h2>Subscriptions</h2>
<ul>
<li>A subscription renews at the end of each month or year until you cancel it.</li>
<li>A free trial, where a plan offers one, needs no card; it is offered once per reader.</li>
<li>When you cancel, you keep access until the end of the period you paid for.</li>
</ul>
<h2>Our stories</h2>
<p>Stories are translations of articles published by other newspapers, credited to them. The
translations are ours; the original articles belong to their publishers. You may share links
and quote short passages with credit; please do not republish whole stories.</p>
<h2>Your account</h2>
<p>Keep your password to yourself; one account is for one reader. We may close accounts used
to abuse the site, for example to get around the free-story limit automatically.</p>
"""

CORRECTIONS = """
<p>We want every story to be as accurate as the original it translates, and the translation
to be faithful to it.</p>
<h2>How to tell us</h2>
<p>Write to the editors (see <a href="/contact/">Contact</a>) with the story's headline and what
is wrong. A mistake in the original newspaper's reporting, we pass on to that newspaper and
say so in our story.</p>
<h2>What we do</h2>
<ul>
<li>An error of fact or of translation is corrected in the story, and the editors add a note
at the end of its text saying what was changed and when.</li>
<li>Spelling and style fixes that change no meaning are made without a note.</li>
<li>We do not quietly rewrite a story: a change of meaning always gets a note.</li>
</ul>
"""

PAGES = [
    ("/about/", "About us", ABOUT),
    ("/contact/", "Contact", CONTACT),
    ("/privacy/", "Privacy policy", PRIVACY),
    ("/terms/", "Terms of use", TERMS),
    ("/corrections/", "Corrections policy", CORRECTIONS),
]


def load_demo(stdout: TextIOBase) -> None:
    site, _ = Site.objects.get_or_create(
        pk=settings.SITE_ID, defaults={"domain": "localhost", "name": settings.SITE_NAME}
    )
    created = 0
    for url, title, content in PAGES:
        page, was_created = FlatPage.objects.get_or_create(
            url=url, defaults={"title": title, "content": content.strip()}
        )
        page.sites.add(site)
        created += was_created
    stdout.write(f"Trust pages: {created} created, {len(PAGES) - created} already there.")
