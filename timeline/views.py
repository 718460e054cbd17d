"""Reader views: thin — parse the filters, call a selector, render the page or its partial."""

from django.shortcuts import get_object_or_404, render

from timeline import selectors
from timeline.models import Article


def explorer(request):
    events = selectors.event_list(params=request.GET)
    return render(request, "timeline/explorer.html", {"events": events[:100]})


def event_detail(request, pk: int):
    event = get_object_or_404(selectors.event_list(params={}), pk=pk)
    return render(request, "timeline/event_detail.html", {"event": event})


def article_detail(request, pk: int):
    article = get_object_or_404(Article, pk=pk)
    return render(request, "timeline/article_detail.html", {"article": article})
