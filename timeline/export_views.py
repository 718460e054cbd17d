"""Downloads of exactly what the explorer shows: the same query string, the same selector."""

from __future__ import annotations

from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.views.decorators.http import require_GET

from timeline import exports, selectors
from timeline.views import can_see_unverified


@require_GET
def download(request: HttpRequest, fmt: str) -> HttpResponse:
    fmt_info = exports.FORMATS.get(fmt)
    if fmt_info is None:
        return HttpResponseBadRequest(
            f"Unknown export format. Choose one of: {', '.join(exports.FORMATS)}.",
            content_type="text/plain; charset=utf-8",
        )
    try:
        events = selectors.event_list(
            params=request.GET, include_unverified=can_see_unverified(request)
        )
    except selectors.InvalidFilters as exc:
        return HttpResponseBadRequest(
            "Invalid filters: " + "; ".join(exc.messages), content_type="text/plain; charset=utf-8"
        )
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    response = StreamingHttpResponse(
        exports.export_stream(fmt, events), content_type=fmt_info.content_type
    )
    name = f"conflict-timeline-{fmt}-{stamp}.{fmt_info.extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # The same URL gives different files to a curator and a reader.
    response["Cache-Control"] = "private, no-store"
    return response
