"""The curation workspace: Django admin for events, the review queue, articles, gazetteers,
publishers, history (simple-history: who, when, what, revert), restoring deleted events,
ingest from the admin, and import of a dataset made elsewhere.

Views here are thin: forms parse the request, services in ``timeline.services`` write (in a
transaction, with history), selectors read. Custom admin views are wrapped in
``admin_site.admin_view`` (staff login required) and check the model permission they need.
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from simple_history.admin import SimpleHistoryAdmin

from timeline import exports, selectors, selectors_curation
from timeline.models import (
    WITHIN_LEVELS,
    Actor,
    Article,
    Event,
    EventActor,
    EventStatus,
    EventType,
    Excerpt,
    Place,
    PlacePrecision,
    Publisher,
    within_path,
)
from timeline.services import curation, ingest
from timeline.services.imports import ImportRefused, dataset_import, max_import_bytes

admin.site.site_header = "Conflict Timeline — curation"
admin.site.site_title = "Conflict Timeline curation"
admin.site.index_title = "Curation workspace"

CSS = {"all": ["admin_ext/curation.css"]}


def excerpt_in_context(excerpt: Excerpt) -> str:
    """The excerpt highlighted inside its paragraph (HTML, every piece of text escaped)."""
    before, quote, after = selectors.paragraph_around(
        excerpt.article.body, excerpt.start, excerpt.end
    )
    article_url = reverse("admin:timeline_article_change", args=[excerpt.article_id])
    return format_html(
        '<div class="ct-excerpt"><div class="ct-source"><a href="{}">{}</a>{} · '
        "characters {}–{}</div>"
        '<p class="ct-context">{}<mark>{}</mark>{}</p></div>',
        article_url,
        excerpt.article.title,
        format_html(" · {}", excerpt.article.publisher.name) if excerpt.article.publisher else "",
        excerpt.start,
        excerpt.end,
        before,
        quote,
        after,
    )


def excerpts_in_context(event: Event) -> str:
    """Every excerpt of the event in its paragraph, oldest article first. Uses the event's
    prefetched excerpts when the caller prefetched them (the review queue does)."""
    excerpts = sorted(
        event.excerpts.select_related("article__publisher")
        if "excerpts" not in getattr(event, "_prefetched_objects_cache", {})
        else event.excerpts.all(),
        key=lambda ex: (ex.article.published or date.min, ex.article_id, ex.start),
    )
    html = format_html_join("", "{}", ((excerpt_in_context(ex),) for ex in excerpts))
    return html or format_html('<p class="ct-none">{}</p>', "No excerpt.")


# --- publishers, actors, places -------------------------------------------------------------


@admin.register(Publisher)
class PublisherAdmin(SimpleHistoryAdmin):
    list_display = ["name", "reliability", "url", "article_count"]
    list_editable = ["reliability"]
    list_filter = ["reliability"]
    search_fields = ["name"]
    history_list_display = ["reliability"]

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).annotate(n_articles=Count("articles"))

    @admin.display(description="Articles", ordering="n_articles")
    def article_count(self, obj: Publisher) -> int:
        return obj.n_articles


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "country", "parent", "event_count"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "slug", "aliases"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "aliases", "kind", "country", "parent", "description", "children_"]
    readonly_fields = ["children_"]

    def get_queryset(self, request: HttpRequest):
        return (
            super()
            .get_queryset(request)
            .select_related("parent")
            .annotate(n_events=Count("event_roles"))
        )

    @admin.display(description="Events", ordering="n_events")
    def event_count(self, obj: Actor) -> int:
        return obj.n_events

    @admin.display(description="Member groups")
    def children_(self, obj: Actor) -> str:
        if obj.pk is None:
            return "—"
        children = obj.children.order_by("name")
        return (
            format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                ((reverse("admin:timeline_actor_change", args=[c.pk]), c.name) for c in children),
            )
            or "—"
        )


WORLD_TOPOJSON = Path(settings.BASE_DIR) / "static" / "vendor" / "topojson" / "world_110m.json"
Line = list[tuple[float, float]]


@cache
def world_lines() -> tuple[list[Line], list[Line]]:
    """(country borders and coasts, rivers) as lon/lat polylines, decoded once from the
    Natural Earth 1:110m TopoJSON the explorer serves (quantised, delta-encoded arcs).
    Empty if the file is missing: the map then shows places and graticule only."""
    try:
        topo = json.loads(WORLD_TOPOJSON.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [], []
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[Line] = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def arc_ids(node: Any, out: set[int]) -> set[int]:
        if isinstance(node, int):
            out.add(node if node >= 0 else ~node)  # ~i: arc i, reversed
        elif isinstance(node, list):
            for item in node:
                arc_ids(item, out)
        elif isinstance(node, dict):
            arc_ids(node.get("arcs", []), out)
            for g in node.get("geometries", []):
                arc_ids(g, out)
        return out

    borders = arc_ids(topo["objects"].get("countries", {}), set())
    rivers = arc_ids(topo["objects"].get("rivers", {}), set()) - borders
    return [arcs[i] for i in sorted(borders)], [arcs[i] for i in sorted(rivers)]


def place_map_svg(place: Place, *, span: float = 4.0, width: int = 360, height: int = 240) -> str:
    """A small map of the place's coordinates: an SVG with country borders and rivers
    (Natural Earth 1:110m), a graticule, the place in red and the other known places in the
    window in grey (named), so a wrong coordinate stands out (e.g. a Syrian town drawn among
    Iraqi ones, or a point in the sea). Drawn on the server: no tiles, no script."""
    if place.latitude is None or place.longitude is None:
        return format_html('<p class="ct-none">{}</p>', "No coordinates.")
    lat0, lon0 = place.latitude, place.longitude
    # Equirectangular, scaled by cos(latitude) so shapes are not stretched.
    kx = math.cos(math.radians(lat0))
    half_h = span / 2
    half_w = half_h * width / height / max(kx, 0.1)

    def xy(lat: float, lon: float) -> tuple[float, float]:
        x = (lon - (lon0 - half_w)) / (2 * half_w) * width
        y = ((lat0 + half_h) - lat) / (2 * half_h) * height
        return round(x, 1), round(y, 1)

    parts = [
        format_html(
            '<svg class="ct-map" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
            'aria-label="Map of {} at {}, {}"><rect width="100%" height="100%" class="ct-sea"/>',
            width,
            height,
            width,
            height,
            place.name,
            lat0,
            lon0,
        )
    ]
    borders, rivers = world_lines()
    for lines, css in ((rivers, "ct-river"), (borders, "ct-border")):
        for line in lines:
            if not any(
                abs(lon - lon0) <= 2 * half_w and abs(lat - lat0) <= 2 * half_h for lon, lat in line
            ):
                continue
            points = " ".join("{},{}".format(*xy(lat, lon)) for lon, lat in line)
            parts.append(format_html('<polyline points="{}" class="{}"/>', points, css))
    for d in range(math.floor(lon0 - half_w), math.ceil(lon0 + half_w) + 1):
        x, _ = xy(lat0, d)
        parts.append(
            format_html('<line x1="{}" y1="0" x2="{}" y2="{}" class="ct-grid"/>', x, x, height)
        )
        parts.append(
            format_html(
                '<text x="{}" y="{}" class="ct-gridlabel">{}°E</text>', x + 2, height - 3, d
            )
        )
    for d in range(math.floor(lat0 - half_h), math.ceil(lat0 + half_h) + 1):
        _, y = xy(d, lon0)
        parts.append(
            format_html('<line x1="0" y1="{}" x2="{}" y2="{}" class="ct-grid"/>', y, width, y)
        )
        parts.append(format_html('<text x="2" y="{}" class="ct-gridlabel">{}°N</text>', y - 2, d))
    neighbours = (
        Place.objects.filter(
            latitude__range=(lat0 - half_h, lat0 + half_h),
            longitude__range=(lon0 - half_w, lon0 + half_w),
        )
        .exclude(pk=place.pk)
        .order_by("name")[:60]
    )
    for other in neighbours:
        x, y = xy(other.latitude, other.longitude)
        parts.append(
            format_html(
                '<circle cx="{}" cy="{}" r="3" class="ct-other"><title>{}</title></circle>'
                '<text x="{}" y="{}" class="ct-otherlabel">{}</text>',
                x,
                y,
                str(other),
                x + 4,
                y - 3,
                other.name,
            )
        )
    x, y = xy(lat0, lon0)
    parts.append(
        format_html(
            '<circle cx="{}" cy="{}" r="6" class="ct-here"><title>{}</title></circle>'
            '<text x="{}" y="{}" class="ct-herelabel">{}</text></svg>',
            x,
            y,
            str(place),
            x + 8,
            y + 4,
            place.name,
        )
    )
    return format_html_join("", "{}", ((p,) for p in parts))


class LocatedFilter(admin.SimpleListFilter):
    """Places with and without coordinates: the extractor proposes villages and bases no
    gazetteer lists by name only, and a curator locates them before they show on the map.
    A square or a quarter it finds inside a known city has no coordinates either, but the map
    shows it at the city's point: it is not waiting for a curator, so it has its own choice.
    Looked for as far up as the map looks (``WITHIN_LEVELS``)."""

    title = "located"
    parameter_name = "located"

    def lookups(self, request: HttpRequest, model_admin: Any):
        return [
            ("yes", "Located"),
            ("within", "Shown at the place it lies in"),
            ("no", "Not yet located"),
        ]

    def queryset(self, request: HttpRequest, queryset: Any):
        levels = range(1, WITHIN_LEVELS + 1)
        if self.value() == "yes":
            return queryset.filter(latitude__isnull=False)
        if self.value() == "within":
            container_located = Q()
            for level in levels:
                container_located |= Q(**{within_path(level, "latitude__isnull"): False})
            return queryset.filter(container_located, latitude__isnull=True)
        if self.value() == "no":
            return queryset.filter(
                latitude__isnull=True,
                **{within_path(level, "latitude__isnull"): True for level in levels},
            )
        return queryset


@admin.register(Place)
class PlaceAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "country",
        "admin1",
        "kind",
        "within",
        "latitude",
        "longitude",
        "event_count",
    ]
    list_filter = [LocatedFilter, "kind", "country"]
    search_fields = ["name", "slug", "aliases", "country", "admin1"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["within"]
    fields = [
        "name",
        "slug",
        "aliases",
        "kind",
        "country",
        "admin1",
        "within",
        ("latitude", "longitude"),
        "map_preview",
        "geonames_id",
    ]
    readonly_fields = ["map_preview"]

    class Media:
        css = CSS

    def get_queryset(self, request: HttpRequest):
        return (
            super()
            .get_queryset(request)
            .select_related("within")
            .annotate(n_events=Count("events"))
        )

    @admin.display(description="Events", ordering="n_events")
    def event_count(self, obj: Place) -> int:
        return obj.n_events

    @admin.display(description="Map")
    def map_preview(self, obj: Place) -> str:
        if obj.pk is None:
            return "Save to see the map."
        shown = obj.shown_at()
        if shown is not None and shown.pk != obj.pk:
            return format_html(
                '<p class="ct-none">No coordinates of its own: the explorer\'s map shows it at '
                "{}.</p>{}",
                shown.name,
                place_map_svg(shown),
            )
        return place_map_svg(obj)


# --- articles and ingest --------------------------------------------------------------------


class ArticleForm(forms.ModelForm):
    redate_verified = forms.BooleanField(
        required=False,
        label="Also re-date verified events",
        help_text="When the publication date changes, candidate events whose date depends on "
        "it (“on Tuesday”, “last week”) are re-dated; tick this to re-date verified and "
        "rejected events too. Absolute dates and dates set by hand never move.",
    )

    class Meta:
        model = Article
        fields = [
            "title",
            "publisher",
            "author",
            "url",
            "published",
            "published_basis",
            "published_reason",
            "republished_from",
        ]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,text/plain"}))
        # An empty file is reported by the ingest service, like the command does.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class IngestForm(forms.Form):
    files = MultipleFileField(required=False, label="Text files (.txt, UTF-8)")
    text = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 12}), label="Or paste an article"
    )
    title = forms.CharField(required=False, max_length=500)
    publisher = forms.CharField(required=False, max_length=200)
    author = forms.CharField(required=False, max_length=300)
    url = forms.URLField(required=False, max_length=1000, label="URL")
    published = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Publication date, used where the text states none (files too).",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("files") and not (data.get("text") or "").strip():
            raise forms.ValidationError("Upload at least one file or paste some text.")
        for name in ("title", "publisher", "author"):
            if "\n" in (data.get(name) or "") or "\r" in (data.get(name) or ""):
                self.add_error(name, "One line only.")
        return data

    def pasted_source_bytes(self) -> bytes | None:
        """The pasted text with its metadata as the header block the pipeline reads."""
        data = self.cleaned_data
        text = (data.get("text") or "").replace("\r\n", "\n")
        if not text.strip():
            return None
        header = [
            f"{label}: {data[key]}"
            for label, key in [
                ("Title", "title"),
                ("Publisher", "publisher"),
                ("Author", "author"),
                ("URL", "url"),
            ]
            if data.get(key)
        ]
        if data.get("published"):
            header.append(f"Published: {data['published'].isoformat()}")
        head = "\n".join(header) + "\n\n" if header else ""
        return (head + text).encode("utf-8")


class ProposeForm(forms.Form):
    """One passed-over sentence (its offsets in the article) and the type to propose it as."""

    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    event_type = forms.ChoiceField(
        choices=[("", "— event type —"), *EventType.choices],
        error_messages={"required": "Choose the event's type before proposing the sentence."},
    )


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    form = ArticleForm
    list_display = [
        "title",
        "publisher",
        "published",
        "published_basis",
        "origin_file",
        "event_count",
    ]
    list_filter = ["published_basis", "publisher"]
    search_fields = ["title", "author", "origin_file", "publisher__name"]
    date_hierarchy = "published"
    autocomplete_fields = ["publisher"]
    readonly_fields = [
        "content_hash",
        "origin_file",
        "origin_index",
        "body_",
        "events_",
        "passed_over_",
    ]
    fieldsets = [
        (None, {"fields": ["title", "publisher", "author", "url", "republished_from"]}),
        (
            "Publication date",
            {
                "fields": ["published", "published_basis", "published_reason", "redate_verified"],
                "description": "Relative dates (“on Tuesday”, “last week”) are resolved against "
                "this date: saving a new date re-dates this article's candidate events and "
                "lists what changed.",
            },
        ),
        (
            "Text",
            {
                "fields": [
                    "body_",
                    "events_",
                    "passed_over_",
                    "content_hash",
                    "origin_file",
                    "origin_index",
                ]
            },
        ),
    ]
    actions = ["redate_action"]
    change_list_template = "admin/timeline/article/change_list.html"
    history_list_display = ["published", "published_basis"]

    class Media:
        css = CSS

    def get_queryset(self, request: HttpRequest):
        return (
            super()
            .get_queryset(request)
            .select_related("publisher")
            .annotate(n_events=Count("excerpts__event", distinct=True))
        )

    @admin.display(description="Events", ordering="n_events")
    def event_count(self, obj: Article) -> int:
        return obj.n_events

    @admin.display(description="Body (exactly as ingested; excerpts are offsets into it)")
    def body_(self, obj: Article) -> str:
        return format_html('<div class="ct-body">{}</div>', obj.body)

    @admin.display(description="Events quoting this article")
    def events_(self, obj: Article) -> str:
        events = Event.objects.filter(excerpts__article=obj).distinct().order_by("date_start")
        return (
            format_html_join(
                "",
                '<div><a href="{}">#{} {}</a> — {} · {}</div>',
                (
                    (
                        reverse("admin:timeline_event_change", args=[e.pk]),
                        e.pk,
                        e.headline,
                        selectors.date_label(e.date_start, e.date_end, e.date_precision),
                        e.get_status_display(),
                    )
                    for e in events
                ),
            )
            or "—"
        )

    @admin.display(description="Sentences no event quotes")
    def passed_over_(self, obj: Article) -> str:
        # A link, not a count: listing them reads the article as ingest does (a second for a
        # few hundred KB), which the article's own page should not wait for.
        return format_html(
            '<a href="{}">The dated sentences naming someone or somewhere that no event '
            "quotes</a>: where the events the extractor missed usually are.",
            reverse("admin:timeline_article_passed_over", args=[obj.pk]),
        )

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: Any = None):
        # Articles come in through the pipeline (split, boilerplate removed, events proposed).
        return redirect("admin:timeline_article_ingest")

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        date_changed = change and "published" in form.changed_data
        obj.published_basis = curation.published_basis_for(
            published=obj.published,
            current=obj.published_basis,
            given=obj.published_basis if "published_basis" in form.changed_data else None,
            date_changed=date_changed,
        )
        super().save_model(request, obj, form, change)
        if date_changed:
            self._redate(
                request,
                obj,
                include_verified=form.cleaned_data.get("redate_verified"),
                previous={"previous_published": form.initial.get("published")},
            )

    def _redate(
        self,
        request: HttpRequest,
        article: Article,
        *,
        include_verified: bool,
        previous: dict[str, Any] | None = None,
    ) -> None:
        try:
            report = curation.article_redate_events(
                article=article,
                include_verified=bool(include_verified),
                user=request.user,
                **(previous or {}),
            )
        except Exception as exc:  # the extractor failing must not lose the curator's edit
            self.message_user(
                request,
                f"“{article}”: dates could not be re-resolved ({type(exc).__name__}: {exc}).",
                messages.WARNING,
            )
            return
        summary = (
            f"“{article}”: {len(report.changes)} event date(s) changed, "
            f"{report.unchanged} unchanged"
        )
        if report.kept_verified:
            summary += (
                f", {report.kept_verified} verified/rejected kept "
                "(tick “Also re-date verified events” to change them)"
            )
        if report.kept_edited:
            summary += (
                f", {len(report.kept_edited)} dated by hand and kept — check them: "
                + ", ".join(f"#{pk}" for pk in report.kept_edited)
            )
        if report.unmatched:
            summary += f", {report.unmatched} no longer matched by the extractor (left as is)"
        self.message_user(request, summary + ".", messages.INFO)
        for change in report.changes:
            self.message_user(request, str(change), messages.INFO)

    @admin.action(description="Re-resolve event dates against the publication date")
    def redate_action(self, request: HttpRequest, queryset: Any) -> None:
        for article in queryset:
            self._redate(request, article, include_verified=False)

    def get_urls(self):
        urls = super().get_urls()
        custom = [
            path(
                "ingest/",
                self.admin_site.admin_view(self.ingest_view),
                name="timeline_article_ingest",
            ),
            path(
                "<int:object_id>/passed-over/",
                self.admin_site.admin_view(self.passed_over_view),
                name="timeline_article_passed_over",
            ),
        ]
        return custom + urls

    def passed_over_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        """The article's passed-over sentences in their paragraphs, each with what the
        extractor reads in it and a button to propose it as a candidate of a chosen type
        (``curation.event_propose_from_sentence``); the new candidate opens to be completed."""
        article = get_object_or_404(Article.objects.select_related("publisher"), pk=object_id)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        can_propose = request.user.has_perm("timeline.add_event")
        here = reverse("admin:timeline_article_passed_over", args=[article.pk])
        if request.method == "POST":
            if not can_propose:
                raise PermissionDenied
            form = ProposeForm(request.POST)
            if not form.is_valid():
                for errors in form.errors.values():
                    self.message_user(request, " ".join(errors), messages.ERROR)
                return redirect(here)
            try:
                event = curation.event_propose_from_sentence(
                    article=article, user=request.user, **form.cleaned_data
                )
            except curation.CurationError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return redirect(here)
            self.message_user(
                request,
                f"Proposed candidate #{event.pk} from the sentence: check its place, actors' "
                "roles and date, then verify or reject it here or in the review queue.",
                messages.SUCCESS,
            )
            return redirect(reverse("admin:timeline_event_change", args=[event.pk]))
        rows = []
        for passed in selectors_curation.article_passed_over(article):
            start, end = passed.evidence.start, passed.evidence.end
            before, quote, after = selectors.paragraph_around(article.body, start, end)
            rows.append(
                {
                    "passed": passed,
                    "before": before,
                    "quote": quote,
                    "after": after,
                    "date": selectors.date_label(
                        passed.date.earliest, passed.date.latest, passed.date.precision
                    ),
                    "place_precision": PlacePrecision(passed.place_precision).label,
                    "form": ProposeForm(initial={"start": start, "end": end}),
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "title": f"Sentences no event quotes: {article.title}",
            "opts": self.model._meta,
            "article": article,
            "rows": rows,
            "can_propose": can_propose,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/timeline/article/passed_over.html", context)

    def ingest_view(self, request: HttpRequest) -> HttpResponse:
        """Upload .txt files or paste text: the same pipeline, checks and size limit as
        ``manage.py ingest`` (``services.ingest.sources_ingest``)."""
        if not (
            request.user.has_perm("timeline.add_article")
            and request.user.has_perm("timeline.add_event")
        ):
            raise PermissionDenied
        report = None
        limit = ingest.max_article_bytes()
        if request.method == "POST":
            form = IngestForm(request.POST, request.FILES)
            if form.is_valid():
                sources, refused = [], []
                for upload in form.cleaned_data["files"]:
                    if upload.size > limit:  # refused before reading it into memory
                        refused.append(
                            f"{upload.name}: file too large ({upload.size:,} bytes; "
                            f"the limit is {limit:,} bytes)"
                        )
                        continue
                    sources.append(ingest.Source(name=upload.name, data=upload.read()))
                pasted = form.pasted_source_bytes()
                if pasted is not None:
                    sources.append(ingest.Source(name="pasted text", data=pasted))
                report = ingest.sources_ingest(
                    sources=sources, published=form.cleaned_data.get("published")
                )
                report.errors[:0] = refused
                for line in report.errors:
                    self.message_user(request, line, messages.ERROR)
                if report.files_ok:
                    self.message_user(
                        request,
                        f"Ingested {len(report.files_ok)} file(s): {report.article_count} "
                        f"article(s), {report.candidate_count} candidate event(s).",
                        messages.SUCCESS,
                    )
                if not report.errors:
                    form = IngestForm()
        else:
            form = IngestForm()
        context = {
            **self.admin_site.each_context(request),
            "title": "Ingest articles",
            "opts": self.model._meta,
            "form": form,
            "report": report,
            "outcomes": ingest.OUTCOMES,
            "report_rows": [
                (model, [counts.get(o, 0) for o in ingest.OUTCOMES])
                for model, counts in (report.counts.items() if report else [])
            ],
            "limit": limit,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/timeline/article/ingest.html", context)


# --- events ---------------------------------------------------------------------------------


class CountryFilter(admin.SimpleListFilter):
    title = "country"
    parameter_name = "country"

    def lookups(self, request: HttpRequest, model_admin: Any):
        countries = Place.objects.exclude(country="").values_list("country", flat=True).distinct()
        return [(c, c) for c in sorted(countries)]

    def queryset(self, request: HttpRequest, queryset: Any):
        if self.value():
            return queryset.filter(place__country=self.value())
        return queryset


class ActorFilter(admin.SimpleListFilter):
    title = "actor"
    parameter_name = "actor"

    def lookups(self, request: HttpRequest, model_admin: Any):
        return list(
            Actor.objects.filter(event_roles__isnull=False)
            .distinct()
            .order_by("name")
            .values_list("pk", "name")
        )

    def queryset(self, request: HttpRequest, queryset: Any):
        if self.value():
            return queryset.filter(
                pk__in=EventActor.objects.filter(actor_id=self.value()).values("event_id")
            )
        return queryset


class PublisherFilter(admin.SimpleListFilter):
    title = "publisher"
    parameter_name = "publisher"

    def lookups(self, request: HttpRequest, model_admin: Any):
        return list(Publisher.objects.order_by("name").values_list("pk", "name"))

    def queryset(self, request: HttpRequest, queryset: Any):
        if self.value():
            return queryset.filter(
                pk__in=Excerpt.objects.filter(article__publisher_id=self.value()).values("event_id")
            )
        return queryset


class EventActorInline(admin.TabularInline):
    model = EventActor
    extra = 0
    autocomplete_fields = ["actor"]
    fields = ["actor", "role"]


class ExcerptInlineForm(forms.ModelForm):
    class Meta:
        model = Excerpt
        fields = ["article", "start", "end", "quote"]
        widgets = {"quote": forms.Textarea(attrs={"rows": 2, "cols": 60})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["quote"].required = False
        self.fields["quote"].help_text = "Left empty, it is filled from the article text."

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        article, start, end = data.get("article"), data.get("start"), data.get("end")
        if article is not None and start is not None and end is not None:
            if end <= start or end > len(article.body):
                raise forms.ValidationError(
                    f"Offsets must satisfy 0 ≤ start < end ≤ {len(article.body)}."
                )
            if not data.get("quote"):
                data["quote"] = article.body[start:end]
                self.instance.quote = data["quote"]
        return data


class ExcerptInline(admin.StackedInline):
    model = Excerpt
    form = ExcerptInlineForm
    extra = 0
    autocomplete_fields = ["article"]
    fields = ["in_context", ("article", "start", "end"), "quote"]
    readonly_fields = ["in_context"]
    can_delete = False  # excerpts are the provenance: merge or reject the event instead

    @admin.display(description="In its paragraph")
    def in_context(self, obj: Excerpt) -> str:
        if obj.pk is None:
            return "—"
        return excerpt_in_context(obj)


class VersionField(forms.IntegerField):
    """The version of the event a form was read from (hidden). Never a change of the event
    itself: it is left out of ``changed_data`` and so of the admin's change message."""

    widget = forms.HiddenInput

    def has_changed(self, initial: Any, data: Any) -> bool:
        return False


class EventAdminForm(forms.ModelForm):
    """The event's full change form (and simple-history's revert form).

    Optimistic concurrency, as in the review queue: ``version`` is the event's version
    (``curation.event_version``, its latest history id) when the form was rendered, posted
    back hidden. ``clean`` checks it with ``curation.event_hold_version``, which locks the
    row: the admin validates the form inside the transaction of ``changeform_view`` before it
    writes the event or any inline row, so a refusal writes nothing and the lock holds until
    the save is over. If the event changed since, the form is refused and shown again bound
    to what the curator submitted, with who changed what and when, the fields changed
    meanwhile marked, and ``version`` moved to the current one: saving again (deliberately,
    having seen the changes) goes through. A post without a version is not checked (as in
    the services: callers that do not track versions keep working)."""

    version = VersionField(required=False, min_value=0)

    class Meta:
        model = Event
        fields = [
            "headline",
            "summary",
            "status",
            "credibility",
            "date_start",
            "date_end",
            "date_precision",
            "date_text",
            "place",
            "place_precision",
            "event_type",
            "fatalities",
            "notes",
        ]
        widgets = {
            "headline": forms.TextInput(attrs={"size": 100}),
            "date_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "date_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            self.initial["version"] = curation.event_version(self.instance.pk)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.instance.pk is None or "version" in self.errors:
            return data
        version = data.get("version")
        try:
            curation.event_hold_version(self.instance.pk, version)
        except curation.EventChanged as exc:
            self._refuse_stale(exc, version)
        return data

    def _refuse_stale(self, exc: curation.EventChanged, version: int) -> None:
        changed = curation.event_fields_changed_since(self.instance.pk, version)
        marked = [name for name in changed if name in self.fields]
        self.add_error(
            None,
            f"Not saved: {exc} Nothing was written; the form below still holds what you "
            "submitted"
            + (", and the fields changed meanwhile are marked" if marked else "")
            + ". Saving it again writes it as it stands, over those changes: check them first.",
        )
        for name in marked:
            old, new = changed[name]
            self.add_error(
                name,
                f"Changed meanwhile: “{old}” → “{new}”. The value below is yours; "
                "saving again writes it.",
            )
        # Based on the version now, a deliberate resubmission goes through.
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = str(exc.version)


class ReviewDrafts:
    """A curator's unsaved review-card edits, kept in their session by event id, so that a
    refused submission (invalid, or the event changed meanwhile) loses nothing they typed: the
    queue shows the card with those values again, beside the errors.

    A draft holds only the card's prefixed fields the curator changed from the version the
    card showed (raw, as posted), and that version: a field they did not touch shows the
    event's current value, and a resubmission is checked against the version their edits were
    made on. Drafts go when the card is saved or discarded, when the event leaves the queue,
    and after ``MAX_AGE``; at most ``MAX`` are kept (the newest).
    """

    KEY = "review_drafts"
    MAX_AGE = timedelta(days=7)
    MAX = 50

    def __init__(self, session: Any) -> None:
        self.session = session

    def _all(self) -> dict[str, dict[str, Any]]:
        return self.session.get(self.KEY, {})

    def _store(self, drafts: dict[str, dict[str, Any]]) -> None:
        if drafts:
            self.session[self.KEY] = drafts
        else:
            self.session.pop(self.KEY, None)

    def get(self, pk: int) -> dict[str, Any] | None:
        return self._all().get(str(pk))

    def put(
        self,
        pk: int,
        *,
        data: dict[str, list[str]],
        version: int | None,
        changed_since: list[str] | None = None,
    ) -> None:
        """Keep ``data`` (typed over the event at ``version``); ``changed_since`` says what
        others changed that the curator has not seen in the card yet."""
        if not data:
            self.drop(pk)
            return
        drafts = dict(self._all())
        earlier = drafts.get(str(pk))
        if changed_since is None and earlier is not None and earlier["version"] == version:
            # Refused again on the same version: what the card said others changed still holds.
            changed_since = earlier["changed_since"]
        drafts[str(pk)] = {
            "data": data,
            "version": version,
            "changed_since": changed_since or [],
            "at": timezone.now().isoformat(),
        }
        newest = sorted(drafts.items(), key=lambda kv: kv[1]["at"], reverse=True)[: self.MAX]
        self._store(dict(newest))

    def drop(self, pk: int) -> None:
        if str(pk) in self._all():
            drafts = dict(self._all())
            del drafts[str(pk)]
            self._store(drafts)

    def prune(self) -> None:
        """Forget drafts of events no longer in the queue (decided, merged or deleted by
        anyone) and drafts older than ``MAX_AGE``. One query, only when there are drafts."""
        drafts = self._all()
        if not drafts:
            return
        cutoff = timezone.now() - self.MAX_AGE
        candidates = {
            str(pk)
            for pk in Event.objects.filter(
                pk__in=[int(k) for k in drafts], status=EventStatus.CANDIDATE
            ).values_list("pk", flat=True)
        }
        kept = {
            k: d
            for k, d in drafts.items()
            if k in candidates and datetime.fromisoformat(d["at"]) >= cutoff
        }
        if kept != drafts:
            self._store(kept)


# Bulk actions on the event list and optimistic concurrency. An action posts only the ids of
# the ticked rows, so on its own it would apply to the events as they are when it runs, not as
# the curator saw them: a row someone edited, verified or rejected meanwhile would be decided
# on unseen. Each row of the list therefore carries the version it was rendered from, in a
# hidden input beside its checkbox (``EventAdmin.action_checkbox``; no signing: the version
# is a concurrency token, not a permission, and forging one only defeats one's own check).
# The actions pass those versions to the services, which refuse the whole action, naming every
# event that changed and how, if any did. The list is then shown again, current, with the same
# boxes ticked (``RESELECT_KEY``), so that applying the action again is one click, on what the
# curator now sees. A post without versions (a hand-made request) is not checked.
#
# "Select all N" (``select_across``) applies the action to every event the list's filter
# matches, most of them never shown, so without versions. The list therefore also carries
# what it showed as a whole (``LIST_MARK_INPUT``, ``LIST_COUNT_INPUT``): the newest event
# version when it was rendered and the number N. Verify and reject across the selection are
# refused, writing nothing, if any event in it changed or was added after the list was shown,
# or if it no longer holds N events (``curation.events_check_selection``), naming how many
# and by whom. Merge has its own page listing every selected event as it is now, which is the
# confirmation (its versions are checked when it is applied); the page warns if the selection
# changed since the list was shown.
VERSION_INPUT = "_version_{}"
LIST_MARK_INPUT = "_list_mark"
LIST_COUNT_INPUT = "_list_count"
RESELECT_KEY = "event_action_reselect"


def posted_list_seen(request: HttpRequest) -> curation.ListSeen | None:
    """What the list showed, for a "select all N" action; None if the post does not say."""
    mark = request.POST.get(LIST_MARK_INPUT, "")
    count = request.POST.get(LIST_COUNT_INPUT, "")
    if not (mark.isdigit() and count.isdigit()):
        return None
    return curation.ListSeen(mark=int(mark), count=int(count))


def selects_across(request: HttpRequest) -> bool:
    return request.POST.get("select_across") == "1"


def ticked_ids(request: HttpRequest) -> list[int]:
    """The ids of the rows ticked in the event list (or carried by the merge page)."""
    posted = request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME)
    return [int(pk) for pk in posted if pk.isdigit()]


def posted_versions(request: HttpRequest, events: list[Event]) -> dict[int, int]:
    """The versions the rows an action applies to were shown at, from the list's (or the
    merge page's) hidden inputs: those of ``events`` (the action's queryset) and of every
    ticked row, also one that has since left the list's filter (changed: the check says so
    rather than the action skipping it silently). Rows without one are not checked."""
    versions = {}
    for pk in {*(e.pk for e in events), *ticked_ids(request)}:
        raw = request.POST.get(VERSION_INPUT.format(pk), "")
        if raw.isdigit():
            versions[pk] = int(raw)
    return versions


_HISTORY_KINDS = {"+": "added", "~": "changed", "-": "removed"}


def _history_row(rec: Any, table: str, what: str) -> dict[str, Any]:
    """One line of the event history page for a record of a related table."""
    return {
        "date": rec.history_date,
        "user": rec.history_user,
        "change": f"{table} {_HISTORY_KINDS.get(rec.history_type, rec.history_type)}",
        "what": what,
        "reason": rec.history_change_reason,
    }


def duplicate_hints(event: Event, duplicates: list[Event]) -> list[dict[str, Any]]:
    """What the event list and the change page say of each likely duplicate of ``event``
    (``selectors_curation.event_possible_duplicates``): the other event, its date as known,
    and the event the merge page is opened proposing to keep — ``event`` itself when it is
    verified and the other is not (a curated event absorbs a new report), else the other, as
    the review queue's "Merge into #N" does. The merge page lets the curator choose again."""
    hints = []
    for other in duplicates:
        keep_this = event.status == EventStatus.VERIFIED and other.status != EventStatus.VERIFIED
        keep = event if keep_this else other
        hints.append(
            {
                "source": event,
                "event": other,
                "date": selectors.date_label(
                    other.date_start, other.date_end, other.date_precision
                ),
                "target": keep,
                "label": f"Merge #{other.pk} into #{event.pk}"
                if keep_this
                else f"Merge into #{other.pk}",
                "form_id": f"ct-merge-{event.pk}-{other.pk}",
            }
        )
    return hints


def shows_hints(event: Event) -> bool:
    """Duplicates are looked for on candidates and verified events (either may be the later
    report of a happening already stored), not on rejected ones: a rejected event is noise or
    the merged-away half of a merge, and merging it again would revive it."""
    return event.status != EventStatus.REJECTED


class _YearsByIndex(QuerySet):
    """The event list's queryset, answering the date hierarchy's "which years have events"
    by probing each year between the first and last date along the ``date_start`` index,
    instead of truncating every row's date (3.8 s at a million events on SQLite)."""

    def dates(self, field_name: str, kind: str, order: str = "ASC"):
        if kind != "year":
            return super().dates(field_name, kind, order)
        # Two ordered reads (SQLite answers MIN and MAX from the index only one at a time).
        dated = self.exclude(**{f"{field_name}__isnull": True}).values_list(field_name, flat=True)
        first, last = dated.order_by(field_name).first(), dated.order_by(f"-{field_name}").first()
        if first is None:
            return []
        years = [
            date(y, 1, 1)
            for y in range(first.year, last.year + 1)
            if self.filter(
                **{f"{field_name}__gte": date(y, 1, 1), f"{field_name}__lte": date(y, 12, 31)}
            ).exists()
        ]
        return years if order == "ASC" else years[::-1]


class EventChangeList(ChangeList):
    """The event list, with the likely duplicates of the page's events read for the whole
    page at once (the selector's fixed few queries, not a search per row)."""

    def get_queryset(self, request: HttpRequest, exclude_parameters=None):
        qs = super().get_queryset(request, exclude_parameters)
        return _YearsByIndex(model=qs.model, query=qs.query, using=qs.db)

    def get_ordering(self, request: HttpRequest, queryset: QuerySet) -> list:
        """Django ends an order that is not unique with "-pk"; ending it with pk in the first
        column's direction lets one (column, id) index give the page in either direction,
        instead of sorting a million rows (``event_<column>_id`` indexes, migration 0008)."""
        ordering = super().get_ordering(request, queryset)
        first = ordering[0] if ordering else None
        if len(ordering) > 1 and ordering[-1] == "-pk" and isinstance(first, str):
            ordering[-1] = "-pk" if first.startswith("-") else "pk"
        return ordering

    def get_results(self, request: HttpRequest) -> None:
        super().get_results(request)
        self.result_list = list(self.result_list)
        found = selectors_curation.event_possible_duplicates(
            [e for e in self.result_list if shows_hints(e)]
        )
        # Every hint of the page, for the merge forms drawn after the list's own form (a
        # form may not sit inside another: each button names its form by ``form=``).
        self.ct_hints = []
        for event in self.result_list:
            event.ct_hints = duplicate_hints(event, found.get(event.pk, []))
            self.ct_hints += event.ct_hints


def merge_back(request: HttpRequest) -> str:
    """Where a merge started from goes back to: the posted ``next`` when it is one of the
    event admin's own pages (the review queue, the list with its filters, a change page),
    else nowhere (the list)."""
    back = request.POST.get("next", "")
    ok = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()})
    if ok and back.startswith(reverse("admin:timeline_event_changelist")):
        return back
    return ""


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    form = EventAdminForm
    list_display = [
        "pk",
        "date_",
        "headline",
        "place",
        "event_type",
        "status",
        "credibility",
        "sources",
        "duplicates_",
    ]
    list_display_links = ["pk", "headline"]
    list_filter = [
        "status",
        "event_type",
        "date_precision",
        CountryFilter,
        ActorFilter,
        PublisherFilter,
        "credibility",
    ]
    date_hierarchy = "date_start"
    search_fields = ["headline", "summary", "date_text", "place__name", "notes"]
    autocomplete_fields = ["place"]
    inlines = [EventActorInline, ExcerptInline]
    readonly_fields = ["fingerprint", "excerpts_", "created_at", "updated_at"]
    fieldsets = [
        # ``version`` is hidden: the event's version the form was read from (EventAdminForm).
        (None, {"fields": ["headline", "summary", "status", "credibility", "version"]}),
        ("When", {"fields": [("date_start", "date_end", "date_precision"), "date_text"]}),
        ("Where and what", {"fields": [("place", "place_precision"), "event_type", "fatalities"]}),
        ("Sources", {"fields": ["excerpts_"]}),
        ("Notes", {"fields": ["notes", "fingerprint", ("created_at", "updated_at")]}),
    ]
    actions = ["verify_action", "reject_action", "merge_action"]
    list_per_page = 50
    change_form_template = "admin/timeline/event/change_form.html"
    change_list_template = "admin/timeline/event/change_list.html"
    object_history_template = "admin/timeline/event/object_history.html"
    history_list_display = ["status"]

    def history_view(self, request: HttpRequest, object_id: str, extra_context: Any = None):
        """simple-history's page for the event, plus the history of its actors and excerpts
        (separate tables), so who changed what about the event is on one page."""
        rows = []
        if str(object_id).isdigit():
            actor_recs = list(
                EventActor.history.filter(event_id=object_id).select_related("history_user")[:200]
            )
            excerpt_recs = Excerpt.history.filter(event_id=object_id).select_related(
                "history_user"
            )[:200]
            # Only the actors these records name (an actor deleted since shows its id).
            actor_names = dict(
                Actor.objects.filter(pk__in={r.actor_id for r in actor_recs}).values_list(
                    "pk", "name"
                )
            )
            rows = [
                _history_row(
                    rec, "actor", f"{actor_names.get(rec.actor_id, rec.actor_id)} ({rec.role})"
                )
                for rec in actor_recs
            ] + [
                _history_row(
                    rec,
                    "excerpt",
                    f"article #{rec.article_id} [{rec.start}:{rec.end}] “{rec.quote[:120]}”",
                )
                for rec in excerpt_recs
            ]
        rows.sort(key=lambda r: r["date"], reverse=True)
        context = {"related_history": rows, **(extra_context or {})}
        return super().history_view(request, object_id, extra_context=context)

    class Media:
        css = CSS

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ):
        # simple-history's revert form saves without a transaction; the version check of
        # EventAdminForm (and the lock it takes) needs one, like the admin's own change form.
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        with transaction.atomic():
            return super().history_form_view(request, object_id, version_id, extra_context)

    def changelist_view(self, request: HttpRequest, extra_context: Any = None):
        if request.method == "GET":
            # The selection of a bulk action refused because the list was out of date: its
            # boxes are ticked again (``action_checkbox``), once.
            request.ct_reselect = set(request.session.pop(RESELECT_KEY, []))
        extra = {
            # Read before the rows: each row is then at this version or newer ("select all N").
            "list_mark": curation.events_high_water(),
            "list_mark_input": LIST_MARK_INPUT,
            "list_count_input": LIST_COUNT_INPUT,
            "export_links": [
                (fmt, reverse("exports:download", args=[fmt])) for fmt in exports.FORMATS
            ],
            "candidate_count": Event.objects.filter(status=EventStatus.CANDIDATE).count(),
        }
        return super().changelist_view(request, {**extra, **(extra_context or {})})

    def get_search_results(self, request: HttpRequest, queryset: Any, search_term: str):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term:
            # Quotes and actor names too, through sub-queries (no duplicate rows).
            queryset |= self.get_queryset(request).filter(
                Q(pk__in=Excerpt.objects.filter(quote__icontains=term).values("event_id"))
                | Q(
                    pk__in=EventActor.objects.filter(
                        Q(actor__name__icontains=term) | Q(actor__aliases__icontains=term)
                    ).values("event_id")
                )
            )
        return queryset, may_have_duplicates

    def get_queryset(self, request: HttpRequest):
        qs = (
            super()
            .get_queryset(request)
            .select_related("place")
            .annotate(
                # A correlated count rather than a join with GROUP BY: the list's counts, date
                # hierarchy and page then read events alone, and the count runs for the rows
                # shown (a GROUP BY over every event took ~25 s at a million events).
                n_sources=Coalesce(
                    Subquery(
                        Excerpt.objects.filter(event=OuterRef("pk"))
                        .order_by()
                        .values("event")
                        .annotate(n=Count("article", distinct=True))
                        .values("n")[:1]
                    ),
                    0,
                ),
                # The version each row of the list (and of the merge page) is shown at.
                list_version=curation.event_version_subquery(),
            )
        )
        reselect = getattr(request, "ct_reselect", None)
        if reselect:
            qs = qs.annotate(
                ct_reselect=ExpressionWrapper(Q(pk__in=reselect), output_field=BooleanField())
            )
        return qs

    def action_checkbox(self, obj: Event) -> str:
        """The row's checkbox, ticked again after a refused action, and the version the row is
        shown at (see ``VERSION_INPUT``)."""
        box = forms.CheckboxInput(
            {
                "class": "action-select",
                "aria-label": format_html("Select this object for an action - {}", str(obj)),
            },
            lambda value: bool(getattr(obj, "ct_reselect", False)),
        ).render(admin.helpers.ACTION_CHECKBOX_NAME, str(obj.pk))
        return format_html(
            '{}<input type="hidden" name="{}" value="{}">',
            box,
            VERSION_INPUT.format(obj.pk),
            getattr(obj, "list_version", None) or 0,
        )

    @admin.display(description="Date", ordering="date_start")
    def date_(self, obj: Event) -> str:
        return selectors.date_label(obj.date_start, obj.date_end, obj.date_precision)

    @admin.display(description="Sources", ordering="n_sources")
    def sources(self, obj: Event) -> int:
        return obj.n_sources

    def get_changelist(self, request: HttpRequest, **kwargs: Any):
        return EventChangeList

    @admin.display(description="Possible duplicates")
    def duplicates_(self, obj: Event) -> str:
        """Each likely duplicate (read for the page by ``EventChangeList``) with a button that
        submits its merge form, drawn after the list's form (``change_list.html``)."""
        return format_html_join(
            "",
            '<div class="ct-duplicate" data-event-id="{}"><a href="{}" title="{}">#{}</a> '
            '<button type="submit" form="{}" class="ct-merge-button">{}</button></div>',
            (
                (
                    h["event"].pk,
                    reverse("admin:timeline_event_change", args=[h["event"].pk]),
                    f"‘{h['event'].headline}’ ({h['event'].get_status_display().lower()}, "
                    f"{h['date']}{', ' + h['event'].place.name if h['event'].place else ''})",
                    h["event"].pk,
                    h["form_id"],
                    h["label"],
                )
                for h in getattr(obj, "ct_hints", [])
            ),
        )

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ):
        # The likely duplicates of the event, earlier or later, each one click from the merge
        # page (the same rule and selector as the review queue).
        hints = []
        event = (
            Event.objects.select_related("place").filter(pk=object_id).first()
            if str(object_id).isdigit()
            else None
        )
        if event is not None and shows_hints(event):
            found = selectors_curation.event_possible_duplicates([event])
            hints = duplicate_hints(event, found[event.pk])
        context = {"duplicate_hints": hints, "here": request.get_full_path()}
        return super().change_view(
            request, object_id, form_url, {**context, **(extra_context or {})}
        )

    @admin.display(description="Excerpts in their paragraphs")
    def excerpts_(self, obj: Event) -> str:
        if obj.pk is None:
            return "—"
        return excerpts_in_context(obj)

    def save_model(self, request: HttpRequest, obj: Event, form: Any, change: bool) -> None:
        if "_verify" in request.POST:
            obj.status = EventStatus.VERIFIED
        elif "_reject" in request.POST:
            obj.status = EventStatus.REJECTED
        super().save_model(request, obj, form, change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        # Inline rows get the curator as history user too.
        for f in formset.forms:
            if f.instance is not None:
                f.instance._history_user = request.user
        super().save_formset(request, form, formset, change)

    def response_change(self, request: HttpRequest, obj: Event) -> HttpResponse:
        if "_verify" in request.POST or "_reject" in request.POST:
            self.message_user(request, f"#{obj.pk} “{obj}” is now {obj.get_status_display()}.")
            nxt = request.POST.get("next", "")
            if nxt.startswith("/admin/"):
                return HttpResponseRedirect(nxt)
            return redirect("admin:timeline_event_review")
        return super().response_change(request, obj)

    # actions

    def _set_status_action(self, request: HttpRequest, queryset: Any, status: str) -> None:
        events = list(queryset)
        verb = "verified" if status == EventStatus.VERIFIED else "rejected"
        seen = None
        if selects_across(request):
            seen = posted_list_seen(request)
            if seen is None:
                self.message_user(
                    request,
                    f"Nothing {verb}: the post does not say what the list showed, so the "
                    f"{len(events)} events it would apply to cannot be checked against it. "
                    "Reload the list, select all again and apply the action again.",
                    messages.ERROR,
                )
                return
        try:
            n = curation.events_set_status(
                events=events,
                status=status,
                user=request.user,
                versions=posted_versions(request, events),
                seen=seen,
            )
        except curation.SelectionChanged as exc:
            request.session[RESELECT_KEY] = ticked_ids(request)
            self.message_user(
                request,
                f"Nothing {verb}: {exc} The list now shows the events as they are: check "
                "them, then select all again and apply the action again.",
                messages.ERROR,
            )
            return
        except curation.EventChanged as exc:
            request.session[RESELECT_KEY] = ticked_ids(request)
            self.message_user(
                request,
                f"Nothing {verb}: {exc} The list now shows the events as they are, with your "
                "selection ticked again: check them and apply the action again.",
                messages.ERROR,
            )
            return
        self.message_user(request, f"{n} event(s) {verb}.", messages.SUCCESS)

    @admin.action(description="Verify selected events", permissions=["change"])
    def verify_action(self, request: HttpRequest, queryset: Any) -> None:
        self._set_status_action(request, queryset, EventStatus.VERIFIED)

    @admin.action(description="Reject selected events", permissions=["change"])
    def reject_action(self, request: HttpRequest, queryset: Any) -> None:
        self._set_status_action(request, queryset, EventStatus.REJECTED)

    @admin.action(description="Merge selected events into one…", permissions=["change"])
    def merge_action(self, request: HttpRequest, queryset: Any) -> HttpResponse | None:
        events = list(
            queryset.select_related("place").prefetch_related("excerpts__article", "actors")
        )
        if len(events) < 2:
            self.message_user(request, "Select at least two events to merge.", messages.WARNING)
            return None
        target_id = request.POST.get("target", "")
        target = next((e for e in events if str(e.pk) == target_id), None)
        # Before applying, a posted target is the event proposed for keeping (a review card's
        # "Merge into #N" sends the existing event); ``next`` is the queue to go back to.
        chosen = None if request.POST.get("apply") else target
        back = merge_back(request)
        if request.POST.get("apply"):
            if target is None:
                self.message_user(request, "Choose the event to keep.", messages.ERROR)
            else:
                try:
                    # The versions the merge page showed the events at (its hidden inputs).
                    report = curation.events_merge(
                        target=target,
                        others=[e for e in events if e is not target],
                        user=request.user,
                        versions=posted_versions(request, events),
                    )
                except curation.EventChanged as exc:
                    # The page again, showing the events as they are now (and their versions),
                    # with the curator's choice of the event to keep.
                    chosen = target
                    self.message_user(
                        request,
                        f"Nothing merged: {exc} Below are the events as they are now: check "
                        "them and merge again.",
                        messages.ERROR,
                    )
                else:
                    self.message_user(request, str(report), messages.SUCCESS)
                    # Started from the change page of an event merged away: the kept event's
                    # page, which now holds everything.
                    gone = {
                        reverse("admin:timeline_event_change", args=[e.pk])
                        for e in events
                        if e is not target
                    }
                    if back.split("?")[0] in gone:
                        back = reverse("admin:timeline_event_change", args=[target.pk])
                    return HttpResponseRedirect(back) if back else None
        seen = posted_list_seen(request) if selects_across(request) else None
        if seen is not None and not request.POST.get("apply"):
            # "Select all N": the page lists every selected event as it is now, and its own
            # versions are checked when it is applied; say what changed since the list.
            changed = curation.events_selection_changed(event_ids=[e.pk for e in events], seen=seen)
            if changed is not None:
                self.message_user(
                    request,
                    f"{changed} The events below are as they are now: check them before merging.",
                    messages.WARNING,
                )
        # Default choice: the verified one, else the one with most sources.
        best = chosen or max(
            events, key=lambda e: (e.status == EventStatus.VERIFIED, e.n_sources, -e.pk)
        )
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge events",
            "opts": self.model._meta,
            "events": events,
            "best": best,
            "back": back,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/timeline/event/merge.html", context)

    # custom views

    def get_urls(self):
        urls = super().get_urls()
        wrap = self.admin_site.admin_view
        custom = [
            path("review/", wrap(self.review_view), name="timeline_event_review"),
            path("review/<int:pk>/", wrap(self.review_decide_view), name="timeline_event_decide"),
            path("deleted/", wrap(self.deleted_view), name="timeline_event_deleted"),
            path(
                "deleted/<int:event_id>/restore/",
                wrap(self.restore_view),
                name="timeline_event_restore",
            ),
            path("import/", wrap(self.import_view), name="timeline_event_import"),
        ]
        return custom + urls

    def review_view(self, request: HttpRequest) -> HttpResponse:
        """The queue of candidate events, oldest article first, each with a quick-edit form,
        its excerpts in their paragraphs, and verify / reject / save buttons."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        qs = (
            Event.objects.filter(status=EventStatus.CANDIDATE)
            .select_related("place")
            .prefetch_related(
                "excerpts__article__publisher",
                "event_actors__actor",
            )
            # The version each card is rendered from, posted back with the card.
            .annotate(review_version=curation.event_version_subquery())
            .order_by("date_start", "pk")
        )
        article_id = request.GET.get("article", "")
        if article_id.isdigit():
            qs = qs.filter(pk__in=Excerpt.objects.filter(article_id=article_id).values("event_id"))
        event_type = request.GET.get("type", "")
        if event_type in EventType.values:
            qs = qs.filter(event_type=event_type)
        paginator = Paginator(qs, 20)
        page = paginator.get_page(request.GET.get("page"))
        drafts = ReviewDrafts(request.session)
        drafts.prune()
        events = list(page.object_list)
        # Events of other runs that likely report the same happening (ingest merges only
        # within one run): shown on the card, each one click from the merge page.
        duplicates = selectors_curation.event_possible_duplicates(events)
        cards = [self._review_card(e, drafts) for e in events]
        for card in cards:
            card["duplicates"] = [
                {
                    "event": dup,
                    "date": selectors.date_label(dup.date_start, dup.date_end, dup.date_precision),
                }
                for dup in duplicates.get(card["event"].pk, [])
            ]
        media = self.media + ReviewForm(admin_site=self.admin_site).media
        context = {
            **self.admin_site.each_context(request),
            "title": f"Review queue — {paginator.count} candidate event(s)",
            "opts": self.model._meta,
            "cards": cards,
            "page": page,
            "paginator": paginator,
            "types": EventType.choices,
            "current_type": event_type,
            "current_article": article_id,
            # an article's queue ends with what the extractor passed over in it
            "passed_over_url": reverse("admin:timeline_article_passed_over", args=[article_id])
            if article_id.isdigit() and Article.objects.filter(pk=article_id).exists()
            else None,
            "articles": selectors_curation.articles_with_candidates(),
            "here": request.get_full_path(),
            "media": media,
        }
        return TemplateResponse(request, "admin/timeline/event/review_queue.html", context)

    def _review_card(self, event: Event, drafts: ReviewDrafts) -> dict[str, Any]:
        """One card of the queue: the event's quick-edit form, its excerpts, and the version
        of the event its values were read from (posted back with the card).

        With a draft (unsaved edits, see ``ReviewDrafts``) the form is bound to the event's
        current values overlaid with the draft: it shows what the curator typed, with its
        errors. If the event changed since the draft's version, the card says by whom and
        what, and the draft moves to the current version: the fields the curator did not
        touch show the current values, and the card's version is the one they were read
        from, so that saving it keeps the other person's change."""
        prefix = f"e{event.pk}"
        current_version = event.review_version or 0
        card = {
            "event": event,
            "excerpts": excerpts_in_context(event),
            "version": current_version,
            "draft_fields": [],
        }
        draft = drafts.get(event.pk)
        if draft is None:
            card["form"] = ReviewForm(instance=event, prefix=prefix, admin_site=self.admin_site)
            return card
        if draft["version"] is not None and draft["version"] != current_version:
            changed_since = curation.event_changes_since(event.pk, draft["version"])
            drafts.put(
                event.pk,
                data=draft["data"],
                version=current_version,
                changed_since=draft["changed_since"] + changed_since,
            )
            draft = drafts.get(event.pk)
        # Its own instance: validating a bound ModelForm writes the values onto it, and the
        # card's heading must keep showing the stored event.
        instance = Event.objects.select_related("place").get(pk=event.pk)
        current = ReviewForm(instance=instance, prefix=prefix, admin_site=self.admin_site)
        data = {bf.html_name: bf.value() for bf in current}
        data.update({key: values[-1] for key, values in draft["data"].items() if values})
        form = ReviewForm(data, instance=instance, prefix=prefix, admin_site=self.admin_site)
        form.is_valid()  # the errors beside the fields
        card.update(
            form=form,
            draft=draft,
            draft_fields=[bf.name for bf in form if bf.html_name in draft["data"]],
        )
        return card

    def review_decide_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """POST one card of the queue: ``decision`` = verify | reject | save | discard.

        The card posts the version it was rendered from; the services refuse the decision if
        the event changed since. A refused submission keeps what the curator typed as a draft
        (``ReviewDrafts``), shown in the card; ``discard`` drops that draft."""
        if request.method != "POST" or not self.has_change_permission(request):
            raise PermissionDenied
        back = request.POST.get("next", "")
        if not back.startswith(reverse("admin:timeline_event_review")):
            back = reverse("admin:timeline_event_review")
        to_card = HttpResponseRedirect(f"{back}#event-{pk}")
        drafts = ReviewDrafts(request.session)
        event = Event.objects.filter(pk=pk).first()
        if event is None:
            drafts.drop(pk)
            self.message_user(
                request, f"#{pk} not saved: the event no longer exists.", messages.ERROR
            )
            return HttpResponseRedirect(back)
        decision = request.POST.get("decision", "")
        if decision == "discard":
            drafts.drop(pk)
            self.message_user(request, f"#{pk}: your unsaved edits were discarded.")
            return to_card
        if decision not in ("verify", "save", "reject"):
            self.message_user(request, "Unknown decision.", messages.ERROR)
            return HttpResponseRedirect(back)
        posted = request.POST.get("version", "")
        version = int(posted) if posted.isdigit() else None
        # Compared with the event as the card showed it, the form's changed fields are what
        # the curator typed (kept as the draft if the decision is refused) and not values
        # someone else has changed since. The form works on its own copy of the event.
        shown = curation.event_at_version(pk, version) or Event.objects.get(pk=pk)
        form = ReviewForm(request.POST, instance=shown, prefix=f"e{pk}", admin_site=self.admin_site)
        typed = {
            form.add_prefix(n): request.POST.getlist(form.add_prefix(n)) for n in form.changed_data
        }
        kept = " What you typed is kept in the card." if typed else ""

        if decision == "reject":
            try:
                curation.events_reject(
                    events=[event],
                    user=request.user,
                    versions=None if version is None else {pk: version},
                )
            except curation.EventChanged as exc:
                drafts.put(pk, data=typed, version=exc.version, changed_since=exc.changes)
                self.message_user(
                    request,
                    f"#{pk} not rejected: {exc}{kept} Check the card and decide again.",
                    messages.ERROR,
                )
                return to_card
            drafts.drop(pk)
            self.message_user(request, f"#{pk} “{event}” rejected.", messages.SUCCESS)
            return HttpResponseRedirect(back)

        if not form.is_valid():
            errors = "; ".join(
                f"{form.fields[k].label if k in form.fields else ''}: {' '.join(v)}".rstrip(".")
                for k, v in form.errors.items()
            )
            drafts.put(pk, data=typed, version=version)
            self.message_user(request, f"#{pk} not saved: {errors}.{kept}", messages.ERROR)
            return to_card
        fresh = Event.objects.get(pk=pk)
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            changed = curation.event_review(
                event=fresh,
                changes=changes,
                status=EventStatus.VERIFIED if decision == "verify" else None,
                user=request.user,
                version=version,
            )
        except curation.EventChanged as exc:
            # Their edits are now to be checked against the new values: based on the new
            # version, a resubmission goes through.
            drafts.put(pk, data=typed, version=exc.version, changed_since=exc.changes)
            self.message_user(
                request,
                f"#{pk} not saved: {exc}{kept} Check the card against the new values and save "
                "again.",
                messages.ERROR,
            )
            return to_card
        except curation.CurationError as exc:
            drafts.put(pk, data=typed, version=version)
            self.message_user(
                request, f"#{pk} not saved: {str(exc).rstrip('.')}.{kept}", messages.ERROR
            )
            return to_card
        drafts.drop(pk)
        verb = "verified" if decision == "verify" else "saved"
        detail = f" (changed: {', '.join(changed)})" if changed else ""
        self.message_user(request, f"#{pk} “{fresh}” {verb}{detail}.", messages.SUCCESS)
        return HttpResponseRedirect(back)

    def deleted_view(self, request: HttpRequest) -> HttpResponse:
        """Events deleted and not restored, newest deletion first, from simple-history."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        existing = Event.objects.values("pk")
        records = (
            Event.history.filter(history_type="-")
            .exclude(id__in=existing)
            .select_related("history_user")
            .order_by("-history_date")
        )
        seen, rows = set(), []
        for rec in records[:500]:
            if rec.id in seen:
                continue
            seen.add(rec.id)
            rows.append(rec)
        context = {
            **self.admin_site.each_context(request),
            "title": "Deleted events",
            "opts": self.model._meta,
            "rows": rows,
            "can_restore": self.has_add_permission(request),
        }
        return TemplateResponse(request, "admin/timeline/event/deleted.html", context)

    def restore_view(self, request: HttpRequest, event_id: int) -> HttpResponse:
        if request.method != "POST" or not self.has_add_permission(request):
            raise PermissionDenied
        try:
            report = curation.event_restore(event_id=event_id, user=request.user)
        except curation.CurationError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return redirect("admin:timeline_event_deleted")
        self.message_user(request, str(report), messages.SUCCESS)
        return redirect("admin:timeline_event_change", report.event.pk)

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Upload a fixture exported elsewhere: validated in full, then all or nothing."""
        needed = [
            f"timeline.{a}_{m}"
            for m in ("event", "eventactor", "excerpt", "article", "actor", "place", "publisher")
            for a in ("add", "change")
        ]
        if not request.user.has_perms(needed):
            raise PermissionDenied
        report, errors = None, []
        limit = max_import_bytes()
        if request.method == "POST":
            form = ImportForm(request.POST, request.FILES)
            if form.is_valid():
                upload = form.cleaned_data["file"]
                if upload.size > limit:
                    errors = [f"file is {upload.size:,} bytes; the limit is {limit:,} bytes"]
                else:
                    try:
                        report = dataset_import(
                            data=upload.read(),
                            user=request.user,
                            source_name=upload.name,
                            prefer_incoming=form.cleaned_data["prefer_incoming"],
                            dry_run=form.cleaned_data["dry_run"],
                        )
                    except ImportRefused as exc:
                        errors = exc.errors
                if errors:
                    self.message_user(
                        request,
                        f"{upload.name}: import refused, nothing changed.",
                        messages.ERROR,
                    )
                else:
                    self.message_user(
                        request, f"{upload.name}: {report.lines()[-1]}", messages.SUCCESS
                    )
        else:
            form = ImportForm()
        context = {
            **self.admin_site.each_context(request),
            "title": "Import a dataset",
            "opts": self.model._meta,
            "form": form,
            "report": report,
            "errors": errors,
            "limit": limit,
        }
        return TemplateResponse(request, "admin/timeline/event/import.html", context)


class KnownAutocompleteSelect(AutocompleteSelect):
    """An autocomplete whose current choice is already loaded (``known``): it renders that
    option without the query AutocompleteSelect makes per widget, so a page of review cards
    costs the same number of queries however many cards it shows."""

    def __init__(self, *args: Any, known: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known = known

    def optgroups(self, name: str, value: Any, attr: Any = None):
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if self.known is None or selected != {str(self.known.pk)}:
            return super().optgroups(name, value, attr)
        default: tuple[Any, list[Any], int] = (None, [], 0)
        if not self.is_required:
            default[1].append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance(self.known)
        default[1].append(self.create_option(name, self.known.pk, label, selected, len(default[1])))
        return [default]


class ReviewForm(forms.ModelForm):
    """The quick edit of one candidate in the review queue."""

    class Meta:
        model = Event
        # What the review service may change (``curation.event_review``), less the long
        # texts, which a quick edit in the queue leaves to the event's own page.
        fields = [f for f in curation.EDITABLE_EVENT_FIELDS if f not in ("summary", "notes")]
        widgets = {
            "date_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "date_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "headline": forms.TextInput(attrs={"size": 70}),
            "date_text": forms.TextInput(attrs={"size": 30}),
        }

    def __init__(self, *args: Any, admin_site: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        place = self.fields["place"]
        place.widget = KnownAutocompleteSelect(
            Event._meta.get_field("place"),
            admin_site or admin.site,
            known=self.instance.place if self.instance.place_id else None,
        )
        place.widget.choices = place.choices

    def clean(self) -> dict[str, Any]:
        # The model's date constraints, checked here so that their errors stand beside the
        # date fields (a failed constraint is otherwise an error of the whole form).
        data = super().clean()
        start, end = data.get("date_start"), data.get("date_end")
        if "date_start" in self.errors or "date_end" in self.errors:
            return data
        if (start is None) != (end is None):
            self.add_error(
                "date_end" if end is None else "date_start",
                "Give both dates (the same day twice for a single day), or neither.",
            )
        elif start is not None and end < start:
            self.add_error("date_end", "The end date is before the start date.")
        return data


class ImportForm(forms.Form):
    file = forms.FileField(label="Fixture (JSON from “Export → fixture”)")
    dry_run = forms.BooleanField(
        required=False, label="Dry run: check and report, write nothing", initial=True
    )
    prefer_incoming = forms.BooleanField(
        required=False,
        label="On a conflict take the file's value (default: keep ours)",
    )
