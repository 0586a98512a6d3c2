// legation: the little the pages need beyond server-rendered HTML and SVG.
//  - tooltips for anything with data-tip-head / data-tip (text only: never parsed as HTML);
//  - the index's pair filter, and a click on the world map filtering by country;
//  - on a pair page, a click on any fact (timeline mark, map point, table row) highlights its
//    evidence in the article text, by the fact's span, and scrolls it into view.
"use strict";

(function () {
  const tip = document.getElementById("tip");

  // --- tooltips --------------------------------------------------------------------------------
  function showTip(el, x, y) {
    if (!tip) return;
    tip.querySelector(".tip-head").textContent = el.getAttribute("data-tip-head") || "";
    tip.querySelector(".tip-body").textContent = el.getAttribute("data-tip") || "";
    tip.hidden = false;
    placeTip(x, y);
  }
  function placeTip(x, y) {
    const pad = 14;
    const w = tip.offsetWidth, h = tip.offsetHeight;
    let left = x + pad, top = y + pad;
    if (left + w > window.innerWidth - 8) left = Math.max(8, x - w - pad);
    if (top + h > window.innerHeight - 8) top = Math.max(8, y - h - pad);
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }
  function hideTip() { if (tip) tip.hidden = true; }
  document.addEventListener("mouseover", function (ev) {
    const el = ev.target.closest && ev.target.closest("[data-tip-head], [data-tip]");
    if (el) showTip(el, ev.clientX, ev.clientY); else hideTip();
  });
  document.addEventListener("mousemove", function (ev) {
    if (tip && !tip.hidden) placeTip(ev.clientX, ev.clientY);
  });
  document.addEventListener("focusin", function (ev) {
    const el = ev.target.closest && ev.target.closest("[data-tip-head], [data-tip]");
    if (!el) { hideTip(); return; }
    const box = el.getBoundingClientRect();
    showTip(el, box.right, box.bottom);
  });
  document.addEventListener("scroll", hideTip, true);

  // --- index: filter the pairs -----------------------------------------------------------------
  const filter = document.getElementById("filter");
  const rows = Array.from(document.querySelectorAll("#pairs tbody tr"));
  function applyFilter() {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const hay = row.getAttribute("data-filter") || "";
      const ok = words.every(function (w) { return hay.indexOf(w) >= 0; });
      row.hidden = !ok;
      if (ok) shown += 1;
    }
    const none = document.getElementById("nomatch");
    if (none) none.hidden = shown > 0 || rows.length === 0;
  }
  if (filter) {
    filter.addEventListener("input", applyFilter);
    const world = document.getElementById("world");
    if (world) {
      world.addEventListener("click", function (ev) {
        const el = ev.target.closest("[data-iso3]");
        if (!el) return;
        filter.value = el.getAttribute("data-name") || el.getAttribute("data-iso3");
        applyFilter();
        filter.scrollIntoView({ block: "nearest" });
      });
    }
  }

  // --- pair page: the evidence of a clicked fact -------------------------------------------------
  const article = document.getElementById("article");
  if (!article) return;
  const lines = Array.from(article.querySelectorAll(".ln"));
  const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  // Spans count code points (Python's str); the DOM counts UTF-16 units.
  function units(text, codePoints) {
    let i = 0, n = 0;
    while (n < codePoints && i < text.length) {
      const c = text.charCodeAt(i);
      i += (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) ? 2 : 1;
      n += 1;
    }
    return i;
  }
  function codePointLength(text) {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) i++;
      n += 1;
    }
    return n;
  }

  function clearHighlight() {
    for (const mark of Array.from(article.querySelectorAll("mark.hl"))) {
      const parent = mark.parentNode;
      parent.replaceChild(document.createTextNode(mark.textContent), mark);
      parent.normalize();
    }
    for (const el of Array.from(document.querySelectorAll(".selected"))) el.classList.remove("selected");
  }

  function highlight(start, end) {
    let first = null;
    for (const line of lines) {
      const s = Number(line.getAttribute("data-s"));
      const text = line.textContent;
      if (s >= end) break;
      if (s + text.length < start) continue;  // UTF-16 length ≥ code points: safe to skip
      const e = s + codePointLength(text);
      const a = Math.max(start, s) - s, b = Math.min(end, e) - s;
      if (b <= a || !line.firstChild) continue;
      const range = document.createRange();
      range.setStart(line.firstChild, units(text, a));
      range.setEnd(line.firstChild, units(text, b));
      const mark = document.createElement("mark");
      mark.className = "hl";
      range.surroundContents(mark);
      if (!first) first = mark;
    }
    return first;
  }

  function reveal(el) {
    const box = article;
    if (box.scrollHeight > box.clientHeight + 1 && getComputedStyle(box).overflowY !== "visible") {
      const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
      box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: smooth ? "smooth" : "auto" });
      const panel = box.getBoundingClientRect();
      if (panel.top < 0 || panel.top > window.innerHeight / 2) box.parentNode.scrollIntoView({ block: "start" });
    } else {
      el.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
    }
  }

  function select(el) {
    const span = (el.getAttribute("data-hl") || "").split(",").map(Number);
    const id = el.getAttribute("data-fact");
    if (span.length !== 2 || span.some(isNaN)) return;
    clearHighlight();
    const mark = highlight(span[0], span[1]);
    const hint = document.getElementById("article-hint");
    if (hint) {
      const what = el.getAttribute("data-label") || el.getAttribute("data-tip-head");
      hint.textContent = what ? "Evidence of: " + what : hint.getAttribute("data-default");
    }
    if (id) {
      for (const other of Array.from(document.querySelectorAll('[data-fact="' + CSS.escape(id) + '"]'))) {
        other.classList.add("selected");
      }
      history.replaceState(null, "", "#fact-" + id);
    }
    if (mark) reveal(mark);
  }

  document.addEventListener("click", function (ev) {
    const el = ev.target.closest && ev.target.closest("[data-hl]");
    if (el) select(el);
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" && ev.key !== " ") return;
    const el = ev.target.closest && ev.target.closest("[data-hl]");
    if (!el) return;
    ev.preventDefault();
    select(el);
  });

  // A link to a fact (#fact-ID, as the search page makes) opens with its evidence highlighted.
  const wanted = location.hash.match(/^#fact-([0-9a-f]+)$/);
  if (wanted) {
    const el = document.querySelector('[data-fact="' + wanted[1] + '"][data-hl]');
    if (el) select(el);
  }
})();
