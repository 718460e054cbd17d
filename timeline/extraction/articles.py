"""Split a source file into articles, drop site boilerplate, and read each article's metadata.

A file holds one article, or a page of several (a blog or aggregator page), each introduced by

    Title line
    Date line              ("July 31, 2017")
    Credit line            ("Title, Publisher, Author, July 31, 2017")

An optional header block at the very top supplies what the text lacks::

    Title: …
    Publisher: …
    Author: …
    Published: YYYY-MM-DD
    URL: …
    <blank line>

Contract: ``ArticleText.body`` is made only of the file's own characters, in order: whole
boilerplate lines (share widgets, comment forms, news tickers, "Read the original story", photo
credits and captions, site mastheads) and the metadata lines are left out, nothing is rewritten.
A publication date is "stated" when the file states it (date line, credit line, header or the
caller's ``published``), "inferred" when worked out from the text (with the reason), else None.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from timeline.extraction import gazetteer
from timeline.extraction.layout import plain_spacing
from timeline.extraction.temporal.calendars import (
    HIJRI_MONTH_RE,
    PERSIAN_MONTH_RE,
    hijri_month_number,
    hijri_to_gregorian,
    persian_month_number,
    persian_to_gregorian,
)
from timeline.extraction.temporal.house_style import month_and_day, numeric_dates_day_first
from timeline.extraction.temporal.lexicon import MONTHS, WEEKDAYS, ZONE_RE
from timeline.extraction.types import ArticleText

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|t)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# A date as a date line or a credit line ends with it: "July 31, 2017", "31 July 2017",
# "2019-06-21 18:00:00", "17/10/2016 14:30", "5-Oct-2016", with its clock time if it has one
# ("October 5, 2016, 2:30 p.m. EDT").
_DATE_FORMS = (
    rf"(?:{_WEEKDAY},?\s+)?"
    rf"(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}"
    rf"|(?P<day2>[0-3]?\d)[\s-]+(?P<month2>[A-Za-z]+)\.?,?[\s-]+(?P<year2>(?:19|20)\d\d)"
    # (numbers: the dotted form is day first, the others as the file writes them)
    rf"|(?P<num_a>[0-3]?\d)(?P<sep>[/.-])(?P<num_b>[0-3]?\d)(?P=sep)(?P<num_year>(?:19|20)\d\d)"
    rf"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)(?=[ T]|\s*$)"
    # a day of the Hijri or the Iranian solar calendar: "29 Mehr 1395", "18 Muharram 1438 AH"
    rf"|(?P<cal_day>[0-3]?\d)\s+(?:(?P<hijri_month>{HIJRI_MONTH_RE})|(?P<solar_month>{PERSIAN_MONTH_RE}))"
    rf",?\s+(?P<cal_year>1[0-4]\d\d)(?:\s*(?:A\.?\s?H\.?|S\.?\s?H\.?|H\.?\s?S\.?)(?!\w))?)"
    rf"(?:,?\s*(?:at\s+|T)?[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?\s?m\.?)?"
    rf"(?:Z|[+-]\d\d:?\d\d|\s+{ZONE_RE}\b)?)?"
)
# A whole line that is only a date, optionally after a section label ("Analysis |
# 2019-06-21").
_DATE_LINE_RE = re.compile(
    rf"^\s*(?:[A-Z][\w &]{{0,30}}\s*[|·•–-]\s*)?(?:(?:Posted|Published|Updated)(?: on)?:?\s*)?"
    rf"{_DATE_FORMS}\s*$",
    re.IGNORECASE,
)
# A date at the end of a credit line: "…, July 31, 2017", "…, 31/07/2017".
_TRAILING_DATE_RE = re.compile(rf",\s*(?P<date>{_DATE_FORMS})\s*$", re.IGNORECASE)
_HEADER_RE = re.compile(r"^(Title|Publisher|Author|Published|URL)\s*:\s*(.*?)\s*$", re.IGNORECASE)
# Weekday + month + day with no year ("Tuesday, September 1", "Friday, Oct. 28").
_WEEKDAY_DATE_RE = re.compile(
    rf"\b{_WEEKDAY},?\s+{_MONTH}\s+{_DAY}\b(?!,?\s+(?:19|20)\d\d)", re.IGNORECASE
)
_YEAR_MENTION_RE = re.compile(r"\b((?:19|20)\d\d)\b(?![-–]\d)")

# --- boilerplate ---------------------------------------------------------------------------
# Whole lines that belong to the site, not to the article. Each pattern is a general web idiom.
_BOILERPLATE_LINE_RES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^print friendly(,? pdf)?( ?& ?email)?$",
        r"^(share|share this|share this article|share on \w+|tweet|email|print|pin it)$",
        r"^(read|see) the (original|full) (story|article)\b.*$",
        r"^(read more|continue reading|click here)\b.{0,60}$",
        r"^comments? ?\(\d+\)$",
        r"^(post|leave|add) (your |a )?(comments?|reply)$",
        r"^fill (in )?all fields( below)?$",
        r"^\*?this confirmation code\b.*$",
        r"^please let us know if you.?re having issues with comment.*$",
        r"^(x\s*:?\s*)?(latest|breaking|top) news:?$",
        r"^(related( articles| posts| stories)?|you may also like|advertisement)$",
        r"^(posted|filed) (in|under|tagged)\b.{0,80}$",
        r"^tagged:?\s.{0,80}$",
        r"^(established|founded) (by|in)\b.{0,80}$",
        r"^(all rights reserved|copyright|©).{0,80}$",
        r"^subscribe\b.{0,60}$",
    )
]
# Photo credits and captions: short credit lines, and caption lines that end in a credit.
_PHOTO_CREDIT_RES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^[\w .,/&-]{0,40}\b(via|/)\s*(AP|AFP|Reuters|Getty)( Images| Photo)?\.?$",
        r"^(AP|AFP|Reuters|Getty Images|EPA)( Photo)?( ?/ ?[\w .]+)?\.?$",
        r"^(photo|image|picture)( credit)?s?:.{0,80}$",
        r"\((AP|AFP|Reuters)? ?Photo\b[^)]*\)?\s*$",
        r"\((Photo|Image)( source)?:[^)]*\)?\s*\.?$",
        r"\(Image source:?\s*$",
        r"\bGetty Images\)?\.?$",
    )
]
# An image file name glued to its caption: "muqtada-al-sadrMuqtada al-Sadr".
_IMAGE_SLUG_RE = re.compile(
    r"^(?=\S*(?:[-_]\S*){2})[\w.-]*(?:[a-z0-9.][A-Z]|_[A-Z])\S*(?:\s|$)", re.UNICODE
)
# "Publisher- Author" after "Read the original story".
_ORIGINAL_CREDIT_RE = re.compile(r"^\s*(?P<pub>[^-–|]{2,60}?)\s*[-–|]\s*(?P<author>[^-–|]{2,60})$")
_REPRINT_RE = re.compile(
    r"(?:first (?:appeared|published) (?:in|on|at)|originally (?:appeared|published) (?:in|on|at)"
    r"|reprinted from|republished from)\s+(?:the\s+)?(?P<pub>[A-Z][\w’' -]{1,60}?)"
    r"(?=\s+(?:and|on|in|with)\b|[.,;]|$)",
)


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end incl. newline, line without newline) for every line of ``text``."""
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        out.append((pos, pos + len(raw), raw.rstrip("\r\n")))
        pos += len(raw)
    return out


def is_ticker(line: str) -> bool:
    """A news ticker: many headlines run together on one line, separated by wide gaps."""
    parts = [p for p in re.split(r"\s{3,}", line.strip()) if p]
    return len(parts) >= 4


def is_boilerplate(line: str) -> bool:
    """True for a whole line that belongs to the site rather than to the article."""
    s = line.strip()
    if not s:
        return False
    if any(r.search(s) for r in _BOILERPLATE_LINE_RES):
        return True
    if len(s) <= 400 and any(r.search(s) for r in _PHOTO_CREDIT_RES):
        return True
    if len(s) <= 200 and _IMAGE_SLUG_RE.match(s):
        return True
    return is_ticker(s)


def parse_date_line(line: str, *, day_first: bool | None = None) -> date | None:
    """The date of a line that holds only a date (see ``_DATE_LINE_RE``), else None.

    A date in numbers ("05/10/2016") is read month first unless it can only be read day first
    ("17/10/2016"), is dotted, or ``day_first`` says the file writes its dates so
    (``numeric_dates_day_first`` of the whole file)."""
    m = _DATE_LINE_RE.match(line)
    if not m:
        return None
    try:
        if m.group("iso"):
            return date.fromisoformat(m.group("iso"))
        if m.group("num_a"):
            month, day = month_and_day(
                int(m.group("num_a")),
                int(m.group("num_b")),
                day_first=m.group("sep") == "." or day_first,
            )
            return date(int(m.group("num_year")), month, day)
        if m.group("month"):
            return date(int(m.group("year")), MONTHS[m.group("month").lower()], int(m.group("day")))
        if m.group("cal_day"):
            day, year = int(m.group("cal_day")), int(m.group("cal_year"))
            if m.group("hijri_month"):
                return hijri_to_gregorian(year, hijri_month_number(m.group("hijri_month")), day)
            return persian_to_gregorian(year, persian_month_number(m.group("solar_month")), day)
        month = MONTHS.get(m.group("month2").lower().rstrip("."))
        if month is None:
            return None
        return date(int(m.group("year2")), month, int(m.group("day2")))
    except ValueError:
        return None


def parse_header(text: str) -> tuple[dict[str, str], int]:
    """A leading ``Key: value`` header block and the offset where the text after it begins.

    The block counts only if it starts on the first line, every line until a blank line is a
    known key, and a blank line (or the end) closes it. Otherwise ({}, 0).
    """
    fields: dict[str, str] = {}
    for _start, end, line in _lines(text):
        if not line.strip():
            return (fields, end) if fields else ({}, 0)
        m = _HEADER_RE.match(line)
        if not m:
            return {}, 0
        fields[m.group(1).lower()] = m.group(2)
    return (fields, len(text)) if fields else ({}, 0)


def _header_date(value: str) -> date:
    """The date of a header ``Published:`` line; ValueError with a clear message if malformed."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"header line 'Published: {value}' is not a YYYY-MM-DD date") from None


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()


def _split_glued(field: str) -> tuple[str, str]:
    """'Gatestone InstituteAmir Taheri' → ('Gatestone Institute', 'Amir Taheri') when a
    publisher and a personal name have lost the separator between them; else (field, '')."""
    for m in re.finditer(r"(?<=[a-z])(?=[A-Z][a-z]+ [A-Z][a-z]+$)", field):
        head, tail = field[: m.start()], field[m.start() :]
        if " " in head or len(head) > 3:
            return head.strip(), tail.strip()
    return field, ""


def parse_credit(credit: str, title: str) -> tuple[str, str]:
    """(publisher, author) from a credit line "Title, Publisher[, Author], Date"."""
    m = _TRAILING_DATE_RE.search(credit)
    rest = credit[: m.start()] if m else credit
    parts = [p.strip() for p in rest.split(",")]
    # The title may hold commas: take the prefix of fields most like the title line.
    best, best_score = 1, -1.0
    for k in range(1, len(parts)):
        score = _similar(", ".join(parts[:k]), title)
        if score > best_score:
            best, best_score = k, score
    fields = [p for p in parts[best:] if p]
    if not fields:
        return "", ""
    if len(fields) == 1:
        return _split_glued(fields[0])
    return fields[0], ", ".join(fields[1:])


def _is_credit_for(line: str, title: str, when: date, day_first: bool | None = None) -> bool:
    m = _TRAILING_DATE_RE.search(line)
    if not m or parse_date_line(m.group("date"), day_first=day_first) != when:
        return False
    head = line[: m.start()]
    return "," in head and _similar(head[: len(title) + 10], title) > 0.6


def _looks_like_title(line: str) -> bool:
    s = line.strip()
    return (
        0 < len(s) <= 200
        and not s.endswith((".", ",", ";", ":"))
        and not is_boilerplate(s)
        and parse_date_line(s) is None
        and len(s.split()) >= 2
    )


def _find_page_articles(
    lines: list[tuple[int, int, str]], day_first: bool | None = None
) -> list[dict]:
    """Article starts on a multi-article page: title / date line / credit line triples."""
    nonblank = [i for i, (_, _, s) in enumerate(lines) if s.strip()]
    found = []
    for n in range(1, len(nonblank) - 1):
        i_title, i_date, i_credit = nonblank[n - 1], nonblank[n], nonblank[n + 1]
        when = parse_date_line(lines[i_date][2], day_first=day_first)
        title = lines[i_title][2].strip()
        if (
            when
            and _looks_like_title(title)
            and _is_credit_for(lines[i_credit][2], title, when, day_first)
        ):
            found.append({"title_line": i_title, "credit_line": i_credit, "date": when})
    return found


def _body_from_lines(text: str, lines: list[tuple[int, int, str]]) -> str:
    """Concatenate the kept lines (exact characters), trimming blank lines at both ends."""
    kept = []
    after_original = False
    for s, e, line in lines:
        if is_boilerplate(line):
            after_original = after_original or bool(_READ_ORIGINAL_RE.match(line))
            continue
        if after_original and line.strip():
            # The credit of the original ("Daily Beast- Michael Weiss") is metadata.
            after_original = False
            if len(line.strip()) <= 80:
                continue
        kept.append((s, e, line))
    while kept and not kept[0][2].strip():
        kept.pop(0)
    while kept and not kept[-1][2].strip():
        kept.pop()
    body = "".join(text[s:e] for s, e, _ in kept)
    return body.rstrip("\r\n")


_READ_ORIGINAL_RE = re.compile(r"^\s*(read|see) the original (story|article)", re.IGNORECASE)


def _original_source(lines: list[tuple[int, int, str]]) -> tuple[str, str]:
    """(publisher, author) of the original after a "Read the original story" line."""
    for k, (_, _, line) in enumerate(lines):
        if _READ_ORIGINAL_RE.match(line):
            for _, _, nxt in lines[k + 1 : k + 4]:
                if nxt.strip():
                    m = _ORIGINAL_CREDIT_RE.match(nxt.strip())
                    if m:
                        return m.group("pub").strip(), m.group("author").strip()
                    return nxt.strip(), ""
    return "", ""


def _split_single(
    text: str,
    lines: list[tuple[int, int, str]],
    known_title: str = "",
    day_first: bool | None = None,
) -> dict:
    """Title, stated date and body lines of a file that holds one article.

    The title is the first line when it looks like a headline (short, no closing full stop);
    a line repeated a few lines below (page header + article header) marks the real start,
    and what stands before it is masthead. With ``known_title`` (from a header block) the first
    line is taken as the title only if it resembles it. With no title line the body starts at
    the first line and the title is left empty.
    """
    idx = [i for i, (_, _, s) in enumerate(lines) if s.strip()]
    head = [i for i in idx[:12] if not is_boilerplate(lines[i][2])]
    title_i: int | None = None
    for i in head:
        if _looks_like_title(lines[i][2]) and any(
            lines[j][2].strip() == lines[i][2].strip() for j in head if j > i
        ):
            title_i = i
            break
    if title_i is None and head:
        first = lines[head[0]][2].strip()
        if known_title:
            if _similar(first, known_title) > 0.8:
                title_i = head[0]
        elif _looks_like_title(first):
            title_i = head[0]
    title = lines[title_i][2].strip() if title_i is not None else ""
    when = None
    body_start = title_i + 1 if title_i is not None else (head[0] if head else 0)
    if title_i is not None:
        # Date lines and repeats of the title right after the title are metadata, not body.
        for i in idx:
            if i <= title_i:
                continue
            s = lines[i][2].strip()
            d = parse_date_line(s, day_first=day_first)
            if d and when is None:
                when = d
                body_start = i + 1
            elif s == title:
                body_start = i + 1
            elif is_boilerplate(s):
                continue
            else:
                break
    return {"title": title, "date": when, "lines": lines[body_start:]}


def split_articles(
    text: str,
    *,
    origin_file: str = "",
    published: date | None = None,
) -> list[ArticleText]:
    """Split the text of one source file into articles.

    ``published`` (from the caller, e.g. ``--published``) and a header block fill what the text
    does not state (a date line in the text is kept; the header wins over ``published``).
    Returns [] for a text with no article in it. Articles still undated get one inferred where
    the text allows (see ``infer_published``). Raises ValueError for a malformed header date.
    """
    # the header and the lines read with plain spaces, and as the text's paragraphs are even
    # where it was hard-wrapped (a long "Title:" folded, a paragraph in six lines); a headline
    # or a date line stays a line of its own, and the bodies are still cut from the text as
    # written
    view = plain_spacing(text)
    header, offset = parse_header(view)
    header_date = _header_date(header["published"]) if header.get("published") else None
    lines = [(s + offset, e + offset, line) for s, e, line in _lines(view[offset:])]
    # (a file that writes "17/10/2016" somewhere writes its dates day first everywhere)
    day_first = numeric_dates_day_first(view)
    page = _find_page_articles(lines, day_first)
    parts: list[dict] = []
    if page:
        for n, art in enumerate(page):
            stop = page[n + 1]["title_line"] if n + 1 < len(page) else len(lines)
            title = lines[art["title_line"]][2].strip()
            publisher, author = parse_credit(lines[art["credit_line"]][2], title)
            parts.append(
                {
                    "title": title,
                    "date": art["date"],
                    "publisher": publisher,
                    "author": author,
                    "lines": lines[art["credit_line"] + 1 : stop],
                }
            )
    elif any(s.strip() for _, _, s in lines):
        parts.append(_split_single(text, lines, header.get("title", ""), day_first))

    articles: list[ArticleText] = []
    for n, part in enumerate(parts):
        body = _body_from_lines(text, part["lines"])
        if not body.strip():
            continue
        orig_pub, orig_author = _original_source(part["lines"])
        reprint = _REPRINT_RE.search(body)
        republished_from = orig_pub or (reprint.group("pub").strip() if reprint else "")
        when = part.get("date")
        basis, reason = ("stated", "date line in the text") if when else ("unknown", "")
        if header_date and when is None:
            when, basis, reason = header_date, "stated", "Published: line of the file header"
        if published and when is None:
            when, basis, reason = published, "stated", "publication date given by the caller"
        art = ArticleText(
            title=" ".join((header.get("title") or part["title"]).split()),
            body=body,
            publisher=header.get("publisher") or part.get("publisher") or orig_pub,
            author=header.get("author") or part.get("author") or orig_author,
            url=header.get("url", ""),
            published=when,
            published_basis=basis,
            published_reason=reason,
            republished_from=republished_from,
            origin_file=origin_file,
            origin_index=n,
        )
        if art.published is None:
            art = infer_published(art)
        articles.append(art)
    return articles


# --- publication date inference ------------------------------------------------------------
PLAUSIBLE_YEARS = (2000, 2025)
YEARS_AFTER_MENTION = 2  # how long after the latest year it mentions an article may appear
CENTRAL_MENTIONS = 3  # a person named this often is a subject of the article


def _weekday_dates(text: str) -> Iterable[tuple[str, int, int, int]]:
    for m in _WEEKDAY_DATE_RE.finditer(text):
        month = MONTHS[m.group("month").lower()]
        day = int(m.group("day"))
        if 1 <= day <= 31:
            # (as ``date.weekday()`` counts: Monday 0; the lexicon's are ISO's, Monday 1)
            yield m.group(0), WEEKDAYS[m.group("weekday").lower()] - 1, month, day


def infer_published(article: ArticleText) -> ArticleText:
    """Infer a publication date for an article that states none, or return it unchanged.

    Rule: a weekday written with a month and day but no year ("Tuesday, September 1") names a
    recent day: the article was written on or soon after it. Of the years 2000–2025 keep those
    in which that day falls on that weekday, and which agree with the rest of the text: not
    before the latest year it mentions nor more than two years after it, and inside the period
    in which the actors it names existed (organisations: founding/end dates in the gazetteer;
    people: their death, only when the article names them at least three times). Exactly one
    year left → that date, ``published_basis="inferred"``, the reasoning spelled out in
    ``published_reason``. Otherwise the article is returned undated, with a reason saying why
    no date could be inferred (and which window the text fits).
    """
    text = article.title + "\n" + article.body
    mentions = list(_weekday_dates(text))
    lo, hi = date(PLAUSIBLE_YEARS[0], 1, 1), date(PLAUSIBLE_YEARS[1], 12, 31)
    why: list[str] = []
    years = [int(y) for y in _YEAR_MENTION_RE.findall(text) if int(y) <= PLAUSIBLE_YEARS[1]]
    if years:
        # News is written in or soon after the latest year it mentions.
        latest_year = max(years)
        lo = max(lo, date(latest_year, 1, 1))
        hi = min(hi, date(min(latest_year + YEARS_AFTER_MENTION, PLAUSIBLE_YEARS[1]), 12, 31))
        why.append(
            f"{latest_year}–{latest_year + YEARS_AFTER_MENTION}, from the latest year the text"
            " mentions"
        )
    counts = Counter(h.canonical for h in gazetteer.find_actors(text))
    bounds_from, bounds_to = [], []
    for name in sorted(counts):
        start, end = gazetteer.actor_active(name)
        if start:
            bounds_from.append((start, name))
        # A person's death bounds the date only when the article is about them (named often):
        # a passing mention ("the Saddam regime") says nothing about when it was written.
        person = gazetteer.actor_kind(name) == "person"
        if end and (not person or counts[name] >= CENTRAL_MENTIONS):
            bounds_to.append((end, name))
    if bounds_from:
        start, name = max(bounds_from)
        if start > lo:
            lo = start
            why.append(f"not before {start.isoformat()} ({name} is named)")
    if bounds_to:
        end, name = min(bounds_to)
        if end < hi:
            hi = end
            why.append(f"not after {end.isoformat()} ({name} is named as active)")
    if not mentions:
        reason = "no date stated and no weekday with a day of the month to date it by"
        if lo <= hi and (lo, hi) != (
            date(PLAUSIBLE_YEARS[0], 1, 1),
            date(PLAUSIBLE_YEARS[1], 12, 31),
        ):
            reason += f"; the text fits {lo.isoformat()} to {hi.isoformat()} ({'; '.join(why)})"
        return replace(article, published_reason=reason)
    candidates: set[date] | None = None
    for _words, weekday, month, day in mentions:
        fits = set()
        for year in range(PLAUSIBLE_YEARS[0], PLAUSIBLE_YEARS[1] + 1):
            try:
                d = date(year, month, day)
            except ValueError:
                continue
            if d.weekday() == weekday and lo <= d <= hi + timedelta(days=7):
                fits.add(d)
        # Several mentions must agree on one year; a mention that fits nothing is ignored.
        if fits:
            by_year = {d.year for d in fits}
            if candidates is None:
                candidates = fits
            else:
                keep = {d for d in candidates if d.year in by_year}
                candidates = keep or candidates
    words = "; ".join(f"“{w}”" for w, *_ in mentions)
    if not candidates or len({d.year for d in candidates}) != 1:
        n = len({d.year for d in candidates}) if candidates else 0
        return replace(
            article,
            published_reason=f"{words} fits {n} years of {PLAUSIBLE_YEARS[0]}–"
            f"{PLAUSIBLE_YEARS[1]} ({'; '.join(why) or 'no other constraint'}): no date inferred",
        )
    latest = max(candidates)
    reason = (
        f"inferred from {words}: of {PLAUSIBLE_YEARS[0]}–{PLAUSIBLE_YEARS[1]} only "
        f"{latest.year} has that weekday on that date"
        + (f" ({'; '.join(why)})" if why else "")
        + f"; the article was written on or soon after {latest.isoformat()}"
    )
    return replace(article, published=latest, published_basis="inferred", published_reason=reason)
