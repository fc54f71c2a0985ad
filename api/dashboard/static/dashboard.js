// quotetrail dashboard: progressive enhancement only. Every page works without it.
// Opens quote panels in place, moves between quotes with j / k, follows job progress
// (server-sent events, polling as the fallback).
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function isTyping(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  // -- article view: quote panels ------------------------------------------------------
  function setupQuotes() {
    var panels = document.querySelectorAll("[data-panel]");
    if (!panels.length) return;
    var quotes = Array.prototype.slice.call(document.querySelectorAll("a.quote[data-quote]"));
    var current = null;

    function panelFor(n) { return document.getElementById("panel-" + n); }
    function quoteFor(n) { return document.getElementById("q-" + n); }

    // Phones and tablets: the panel is a bottom sheet over the article, focus goes into
    // it, and Esc, the backdrop, the close button or the browser's back button close it.
    var narrow = window.matchMedia ? window.matchMedia("(max-width: 900px)") : { matches: false };
    var pushed = false;

    function open(n, focusPanel) {
      var panel = panelFor(n);
      if (!panel) return;
      Array.prototype.forEach.call(panels, function (p) { p.hidden = p !== panel; });
      quotes.forEach(function (q) {
        var on = q.getAttribute("data-quote") === String(n);
        q.classList.toggle("selected", on);
        q.setAttribute("aria-expanded", on ? "true" : "false");
      });
      current = Number(n);
      var sheet = narrow.matches;
      document.body.classList.toggle("sheet-open", sheet);
      var backdrop = document.querySelector(".sheet-backdrop");
      if (backdrop) backdrop.hidden = !sheet;
      if (window.history && history.replaceState) {
        if (sheet && !pushed && history.pushState) {
          history.pushState({ qtPanel: n }, "", "?q=" + n + "#q-" + n);
          pushed = true;
        } else {
          history.replaceState(pushed ? { qtPanel: n } : null, "", "?q=" + n + "#q-" + n);
        }
      }
      if (sheet) { panel.scrollTop = 0; var box = document.getElementById("panels"); if (box) box.scrollTop = 0; }
      if (focusPanel || sheet) panel.focus({ preventScroll: sheet });
    }

    function close(fromHistory) {
      if (current === null) return;
      var panel = panelFor(current);
      if (panel) panel.hidden = true;
      var quote = quoteFor(current);
      quotes.forEach(function (q) { q.classList.remove("selected"); q.setAttribute("aria-expanded", "false"); });
      document.body.classList.remove("sheet-open");
      var backdrop = document.querySelector(".sheet-backdrop");
      if (backdrop) backdrop.hidden = true;
      current = null;
      if (pushed && !fromHistory) { pushed = false; history.back(); }
      else if (!fromHistory && window.history && history.replaceState) history.replaceState(null, "", location.pathname);
      pushed = fromHistory ? false : pushed;
      if (quote) quote.focus({ preventScroll: false });
    }

    window.addEventListener("popstate", function (event) {
      if (current !== null && !(event.state && event.state.qtPanel)) close(true);
    });

    function move(step) {
      if (!quotes.length) return;
      var index = -1;
      if (current !== null) {
        index = quotes.findIndex(function (q) { return q.getAttribute("data-quote") === String(current); });
      } else if (document.activeElement && document.activeElement.matches && document.activeElement.matches("a.quote")) {
        index = quotes.indexOf(document.activeElement);
      }
      var next = index === -1 ? (step > 0 ? 0 : quotes.length - 1) : (index + step + quotes.length) % quotes.length;
      var target = quotes[next];
      open(target.getAttribute("data-quote"), false);
      target.focus();
    }

    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("[data-quote]");
      if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        event.preventDefault();
        var n = link.getAttribute("data-quote");
        // Keyboard activation (Enter: detail 0) moves focus into the panel; Esc brings it back.
        open(n, event.detail === 0 || !link.classList.contains("quote"));
        var quote = quoteFor(n);
        if (quote && !link.classList.contains("quote")) quote.scrollIntoView({ block: "center" });
        return;
      }
      var closer = event.target.closest && event.target.closest("[data-close]");
      if (closer) { event.preventDefault(); close(false); }
    });

    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key === "j") { event.preventDefault(); move(1); }
      else if (event.key === "k") { event.preventDefault(); move(-1); }
      else if (event.key === "Escape") { close(false); }
    });

    var visible = document.querySelector("[data-panel]:not([hidden])");
    if (visible) {
      current = Number(visible.getAttribute("data-panel"));
      if (narrow.matches) open(current, true);
    }
  }

  // -- article view: hide low-confidence quotes (remembered on this device) --------------
  function setupConfidence() {
    var box = document.querySelector("[data-hide-low]");
    var space = document.getElementById("workspace");
    if (!box || !space) return;
    var key = "qt-hide-low";
    try { box.checked = localStorage.getItem(key) === "1"; } catch (e) { /* private mode */ }
    function sync() {
      space.classList.toggle("hide-low", box.checked);
      try { localStorage.setItem(key, box.checked ? "1" : "0"); } catch (e) { /* private mode */ }
    }
    box.addEventListener("change", sync);
    sync();
  }

  // -- evidence viewer: the matched passage in view ------------------------------------------
  function setupEvidence() {
    var mark = document.getElementById("passage");
    if (mark) mark.scrollIntoView({ block: "center" });
  }

  // -- article view: live progress -----------------------------------------------------
  function setupProgress() {
    var box = document.getElementById("progress");
    if (!box) return;
    var url = box.getAttribute("data-progress-url");
    var failures = 0;
    function set(selector, text) { var el = box.querySelector(selector); if (el) el.textContent = text; }
    function bar(name, done, total) {
      var el = box.querySelector('[data-bar="' + name + '"]');
      if (el) { el.max = Math.max(total, 1); el.value = done; }
    }
    // Shows one progress update; true once the job has finished (the page then reloads).
    function show(data) {
      set('[data-field="sources"]', data.sources_text);
      set('[data-field="quotes"]', data.quotes_text);
      bar("sources", data.sources_done, data.sources_total);
      bar("quotes", data.quotes_done, data.quotes_total);
      var status = box.querySelector(".status");
      if (status) { status.textContent = data.status_label; status.className = "status s-" + data.status; }
      if (data.status !== "queued") { var waiting = box.querySelector('[data-field="waiting"]'); if (waiting) waiting.hidden = true; }
      if (data.finished) { location.reload(); return true; }
      return false;
    }
    function poll() {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
        .then(function (data) {
          failures = 0;
          if (!show(data)) setTimeout(poll, 700);
        })
        .catch(function () { failures += 1; setTimeout(poll, Math.min(10000, 1000 * failures)); });
    }
    // Server-sent events first; the stream closes itself every minute and EventSource
    // reconnects. If it cannot connect at all (or gives up), fall back to polling.
    function listen(eventsUrl) {
      var source = new EventSource(eventsUrl);
      var heard = false;
      source.addEventListener("progress", function (event) {
        heard = true;
        try { if (show(JSON.parse(event.data))) source.close(); } catch (e) { /* a bad event: wait for the next */ }
      });
      source.addEventListener("done", function () { source.close(); location.reload(); });
      source.onerror = function () {
        if (!heard || source.readyState === EventSource.CLOSED) {
          source.close();
          box.setAttribute("data-live", "polling");
          setTimeout(poll, 500);
        }
      };
      box.setAttribute("data-live", "events");
    }
    var eventsUrl = box.getAttribute("data-events-url");
    if (eventsUrl && window.EventSource) listen(eventsUrl);
    else setTimeout(poll, 500);
  }

  // -- submit form: show the field of the chosen mode ------------------------------------
  function setupSubmit() {
    var radios = document.querySelectorAll("input[data-mode]");
    if (!radios.length) return;
    function sync() {
      var chosen = document.querySelector("input[data-mode]:checked");
      var mode = chosen ? chosen.value : "text";
      Array.prototype.forEach.call(document.querySelectorAll(".mode-field"), function (field) {
        field.hidden = field.getAttribute("data-for") !== mode;
      });
    }
    Array.prototype.forEach.call(radios, function (r) { r.addEventListener("change", sync); });
    if (!document.querySelector("input[data-mode]:checked")) radios[0].checked = true;
    sync();
  }

  // -- list: "/" focuses the search --------------------------------------------------------
  function setupSearchKey() {
    var search = document.querySelector("[data-search]");
    if (!search) return;
    document.addEventListener("keydown", function (event) {
      if (event.key === "/" && !isTyping(event.target)) { event.preventDefault(); search.focus(); }
    });
  }

  // -- list: unfinished jobs update in place; the list reloads when one finishes ----------
  function setupLiveRows() {
    var rows = document.querySelectorAll("tr[data-progress-url]");
    if (!rows.length) return;
    function poll() {
      var pending = Array.prototype.map.call(rows, function (row) {
        return fetch(row.getAttribute("data-progress-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (data) {
            if (!data) return false;
            var status = row.querySelector(".status");
            if (status) { status.textContent = data.status_label; status.className = "status s-" + data.status; }
            return data.finished;
          })
          .catch(function () { return false; });
      });
      Promise.all(pending).then(function (done) {
        if (done.some(Boolean)) location.reload();
        else setTimeout(poll, 2000);
      });
    }
    setTimeout(poll, 1500);
  }

  function start() { setupQuotes(); setupConfidence(); setupEvidence(); setupProgress(); setupSubmit(); setupSearchKey(); setupLiveRows(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
