/* Conflict Timeline explorer: draws the figures the server sends and turns chart gestures
 * into URL changes. No inline script anywhere: data arrives in <script type="application/json">
 * blocks (Django's json_script) and data- attributes, so a strict CSP can be switched on.
 *
 * The URL holds the whole state; every request goes through htmx with hx-push-url, so reload,
 * back/forward and copied links restore the same view (history snapshots are off: a history
 * move reloads the URL).
 */
(function () {
  "use strict";

  var rendering = false; // true while Plotly.react runs, so our own range updates are ignored
  var PLOT_CONFIG = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ["select2d", "lasso2d", "toImage"] };

  function form() { return document.getElementById("filters"); }

  function readFigure(el) {
    var script = document.getElementById(el.dataset.figure);
    if (!script) { return null; }
    try { return JSON.parse(script.textContent); } catch (e) { return null; }
  }

  function isoDay(value) {
    // Plotly gives "2015-08-31 13:20:00.123" or a Date-able string; keep the calendar day.
    return String(value).slice(0, 10);
  }

  function addDays(iso, n) {
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  function submitFilters() {
    var f = form();
    if (f && window.htmx) { window.htmx.trigger(f, "submit"); } else if (f) { f.submit(); }
  }

  function setDates(start, end) {
    var f = form();
    if (!f) { return; }
    f.elements.start.value = start || "";
    f.elements.end.value = end || "";
    submitFilters();
  }

  /* Open an event (or any URL) in a target through htmx, pushing the URL: an <a> built for the
   * occasion so htmx handles history exactly as for the server-rendered links. */
  function htmxGo(url, target) {
    var a = document.createElement("a");
    a.href = url;
    a.setAttribute("hx-get", url);
    a.setAttribute("hx-target", target);
    a.setAttribute("hx-push-url", "true");
    a.hidden = true;
    document.body.appendChild(a);
    window.htmx.process(a);
    a.click();
    setTimeout(function () { a.remove(); }, 0);
  }

  function openEvent(id) {
    var f = form();
    if (f) { f.elements.event.value = String(id); }
    var params = new URLSearchParams(window.location.search);
    params.set("event", String(id));
    htmxGo(window.location.pathname + "?" + params.toString(), "#detail");
  }

  function drawChart(el) {
    var fig = readFigure(el);
    if (!fig || !window.Plotly) { return; }
    rendering = true;
    window.Plotly.react(el, fig.data, fig.layout, PLOT_CONFIG).then(function () {
      rendering = false;
      el.dataset.drawn = "true";
    });
    if (el.dataset.bound) { return; }
    el.dataset.bound = "true";
    el.on("plotly_relayout", function (ev) {
      if (rendering) { return; }
      if (ev["xaxis.autorange"]) { setDates("", ""); return; }
      var a = ev["xaxis.range[0]"], b = ev["xaxis.range[1]"];
      if (a === undefined && ev["xaxis.range"]) { a = ev["xaxis.range"][0]; b = ev["xaxis.range"][1]; }
      if (a === undefined || b === undefined) { return; }
      var end = isoDay(b);
      // The chart's range ends at midnight after the last day shown; the filter is inclusive.
      if (String(b).length <= 10 || String(b).slice(11, 19) === "00:00:00") { end = addDays(end, -1); }
      var start = isoDay(a);
      if (end < start) { end = start; }
      setDates(start, end);
    });
    el.on("plotly_click", function (ev) {
      var pt = ev.points && ev.points[0];
      if (!pt) { return; }
      var meta = (el.layout && el.layout.meta) || {};
      if (meta.mode === "aggregate") {
        // Drill down: a clicked column becomes the date window.
        var col = Array.isArray(pt.pointIndex) ? pt.pointIndex[1] : pt.pointNumber[1];
        if (meta.edges && meta.edges[col + 1]) { setDates(meta.edges[col], addDays(meta.edges[col + 1], -1)); }
        return;
      }
      if (pt.customdata) { openEvent(pt.customdata[0]); }
    });
  }

  function drawMap(el) {
    var fig = readFigure(el);
    if (!fig || !window.Plotly) { return; }
    var config = Object.assign({}, PLOT_CONFIG, { topojsonURL: el.dataset.topojsonUrl, scrollZoom: false });
    window.Plotly.react(el, fig.data, fig.layout, config).then(function () { el.dataset.drawn = "true"; });
    if (el.dataset.bound) { return; }
    el.dataset.bound = "true";
    el.on("plotly_click", function (ev) {
      var pt = ev.points && ev.points[0];
      var f = form();
      if (!pt || !pt.customdata || !f) { return; }
      var slug = pt.customdata[0];
      var select = f.elements.place;
      var found = false;
      Array.prototype.forEach.call(select.options, function (o) {
        if (o.value === slug) { o.selected = true; found = true; }
      });
      if (!found) {
        var opt = new Option(pt.text || slug, slug, true, true);
        select.add(opt);
      }
      submitFilters();
    });
  }

  function drawAll(root) {
    (root || document).querySelectorAll("#chart[data-figure]").forEach(drawChart);
    (root || document).querySelectorAll("#map[data-figure]").forEach(drawMap);
    markSelectedRow();
  }

  function markSelectedRow() {
    var f = form();
    var id = f ? f.elements.event.value : "";
    document.querySelectorAll("#event-table tbody tr").forEach(function (tr) {
      var on = id && tr.dataset.eventId === id;
      tr.classList.toggle("selected", !!on);
      if (on) { tr.setAttribute("aria-current", "true"); } else { tr.removeAttribute("aria-current"); }
    });
  }

  /* Type-to-filter for long option lists (actors, places). The search box is not a filter:
   * its events must not reach the form's htmx trigger. */
  function bindOptionSearch() {
    document.querySelectorAll(".option-search").forEach(function (input) {
      if (input.dataset.bound) { return; }
      input.dataset.bound = "true";
      var select = document.getElementById(input.dataset.for);
      var stop = function (e) { e.stopPropagation(); };
      input.addEventListener("change", stop);
      input.addEventListener("input", function (e) {
        e.stopPropagation();
        var q = input.value.trim().toLowerCase();
        Array.prototype.forEach.call(select.options, function (o) {
          o.hidden = q !== "" && o.textContent.toLowerCase().indexOf(q) === -1 && !o.selected;
        });
      });
      input.addEventListener("keydown", function (e) {
        if (e.key === "Enter") { e.preventDefault(); }
      });
    });
  }

  /* Arrow keys move between rows of the event list; Enter follows the row's link. */
  function onTableKey(e) {
    var link = e.target.closest && e.target.closest("#event-table a[data-event-link]");
    if (!link || (e.key !== "ArrowDown" && e.key !== "ArrowUp")) { return; }
    var row = link.closest("tr");
    var next = e.key === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling;
    if (next) {
      e.preventDefault();
      next.querySelector("a[data-event-link]").focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var f = form();
    if (!f) { return; }
    bindOptionSearch();
    drawAll(document);
    document.getElementById("reset-dates").addEventListener("click", function () { setDates("", ""); });
    document.addEventListener("keydown", onTableKey);
    document.addEventListener("click", function (e) {
      var link = e.target.closest && e.target.closest("[data-event-link]");
      if (link) { f.elements.event.value = link.dataset.eventLink; markSelectedRow(); }
      if (e.target.closest && e.target.closest("[data-close-event]")) { f.elements.event.value = ""; markSelectedRow(); }
      var sort = e.target.closest && e.target.closest("a[data-sort]");
      if (sort) { f.elements.sort.value = new URL(sort.href).searchParams.get("sort") || ""; }
    });
    // Empty fields would put "start=&end=&q=" in every shared link: leave them out.
    document.body.addEventListener("htmx:configRequest", function (e) {
      var p = e.detail.parameters;
      var keys = [];
      if (p && typeof p.forEach === "function") {
        p.forEach(function (v, k) { if (v === "") { keys.push(k); } });
        keys.forEach(function (k) {
          var kept = p.getAll ? p.getAll(k).filter(function (v) { return v !== ""; }) : [];
          p.delete(k);
          kept.forEach(function (v) { p.append(k, v); });
        });
      }
    });
    document.body.addEventListener("htmx:beforeRequest", function (e) {
      if (e.detail.target && e.detail.target.id === "results") { e.detail.target.setAttribute("aria-busy", "true"); }
    });
    document.body.addEventListener("htmx:afterSettle", function (e) {
      var t = e.detail.target;
      if (t && t.id === "results") {
        t.setAttribute("aria-busy", "false");
        drawAll(t);
      } else {
        markSelectedRow();
      }
    });
  });
})();
