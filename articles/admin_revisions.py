"""The article admin's revision pages: history, a diff of two revisions, restore, autosave."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from articles.services import revisions
from newsroom.lib import roles


class RevisionsAdminMixin(admin.ModelAdmin):
    """Replaces the admin's "History" page with the article's revisions."""

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                wrap(self.revision_compare_view),
                name="articles_article_revision_compare",
            ),
            path(
                "<path:object_id>/history/<int:history_id>/restore/",
                wrap(require_POST(self.revision_restore_view)),
                name="articles_article_revision_restore",
            ),
            path(
                "autosave/",
                wrap(require_POST(self.autosave_view)),
                name="articles_article_autosave_new",
            ),
            path(
                "<path:object_id>/autosave/",
                wrap(require_POST(self.autosave_view)),
                name="articles_article_autosave",
            ),
            *super().get_urls(),
        ]

    def _article_or_404(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No article has this id, or you cannot see it.")
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        return article

    def _context(self, request, article, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": str(article),
            "object": article,
            "opts": self.opts,
            "module_name": self.opts.verbose_name_plural,
            "can_restore": roles.can_edit(request.user, article),
            **extra,
        }

    def history_view(self, request, object_id, extra_context=None):
        article = self._article_or_404(request, object_id)
        paginator = self.get_paginator(request, revisions.revisions_of(article), 50)
        page = paginator.get_page(request.GET.get("p"))
        rows = [(revision, revisions.describe(revision)) for revision in page.object_list]
        context = self._context(request, article, f"Revisions of “{article}”", page=page, rows=rows)
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/articles/article/revisions.html", context)

    def revision_compare_view(self, request, object_id):
        article = self._article_or_404(request, object_id)
        history = article.history.select_related("history_user")
        latest = history.order_by("-history_date", "-history_id").first()
        if latest is None:
            raise Http404("This article has no revisions yet.")
        older = self._revision(history, request.GET.get("from"))
        newer = self._revision(history, request.GET.get("to")) if request.GET.get("to") else latest
        if older.history_date > newer.history_date:
            older, newer = newer, older
        context = self._context(
            request,
            article,
            "Compare revisions",
            older=older,
            newer=newer,
            older_label=revisions.describe(older),
            newer_label=revisions.describe(newer),
            newer_is_current=newer.pk == latest.pk,
            changes=revisions.diff_revisions(older=older, newer=newer),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/articles/article/revision_compare.html", context)

    def _revision(self, history, history_id):
        try:
            return history.get(history_id=int(history_id or ""))
        except (ValueError, history.model.DoesNotExist) as exc:
            raise Http404("No such revision of this article.") from exc

    def revision_restore_view(self, request, object_id, history_id):
        article = self._article_or_404(request, object_id)
        revision = self._revision(article.history.all(), history_id)
        try:
            revisions.restore_revision(article=article, revision=revision, by=request.user)
        except revisions.RevisionError as error:
            self.message_user(request, error.message, messages.ERROR)
            return redirect(reverse("admin:articles_article_history", args=[article.pk]))
        self.message_user(
            request,
            f"Restored the revision of {revisions.describe(revision)}. "
            "The version it replaced is kept in the history.",
            messages.SUCCESS,
        )
        return redirect(reverse("admin:articles_article_change", args=[article.pk]))

    def autosave_view(self, request, object_id=None):
        """The writing screen's background save of a draft: JSON in, JSON out, CSRF-checked.

        The first autosave of a new article creates it; the page then carries on as that
        article's change form (the JSON gives its addresses).
        """
        article = None
        if object_id is not None:
            article = self._article_or_404(request, object_id)
            if not self.has_change_permission(request, article):
                raise PermissionDenied
            if not revisions.may_autosave(article):
                return JsonResponse(
                    {"saved": False, "message": "Published: changes are saved with Save."},
                    status=409,
                )
        elif not self.has_add_permission(request):
            raise PermissionDenied
        form_class = self.get_form(request, article, change=article is not None)
        form = form_class(request.POST, request.FILES, instance=article)
        if not form.is_valid():
            missing = [
                str(form.fields[name].label or name) for name in form.errors if name in form.fields
            ]
            return JsonResponse(
                {
                    "saved": False,
                    "message": "Not saved yet: fill in " + ", ".join(missing).lower() + "."
                    if missing
                    else "Not saved yet.",
                },
                status=400,
            )
        draft = form.save(commit=False)
        if draft.pk is None:
            draft.created_by = request.user
        result = revisions.autosave(article=draft, by=request.user, now=timezone.now())
        form.save_m2m()
        moment = date_format(timezone.localtime(), "H:i")
        return JsonResponse(
            {
                "saved": result.saved,
                "message": f"Saved at {moment}"
                if result.saved
                else f"No changes since the last save ({moment})",
                "change_url": reverse("admin:articles_article_change", args=[draft.pk]),
                "autosave_url": reverse("admin:articles_article_autosave", args=[draft.pk]),
                "history_url": reverse("admin:articles_article_history", args=[draft.pk]),
            }
        )
