/* yusuan inspect page: side-panel clicks scroll to and highlight where a */
/* figure was printed, or every cell a finding compares. No network. */
(function () {
  "use strict";
  function clear() {
    document.querySelectorAll(".hl, .sel").forEach(function (e) { e.classList.remove("hl", "sel"); });
  }
  function show(els, from) {
    clear();
    if (from) from.classList.add("sel");
    els.forEach(function (e) { e.classList.add("hl"); });
    if (els.length) els[0].scrollIntoView({ block: "center" });
    document.body.setAttribute("data-highlighted", String(els.length));
  }
  document.addEventListener("click", function (ev) {
    var g = ev.target.closest("[data-goto]");
    if (g) {
      show(Array.prototype.slice.call(document.querySelectorAll('[data-field="' + CSS.escape(g.getAttribute("data-goto")) + '"]')), g);
      return;
    }
    var f = ev.target.closest("[data-show-finding]");
    if (f) {
      show(Array.prototype.slice.call(document.querySelectorAll('[data-finding~="' + f.getAttribute("data-show-finding") + '"]')), f);
    }
  });
  /* #finding=3 and #field=three_public.total click the panel entry, so a */
  /* link (or a test) can open the page with something highlighted. */
  function fromHash() {
    var m = /^#(finding|field)=(.*)$/.exec(location.hash);
    if (!m) return;
    var v = decodeURIComponent(m[2]);
    var sel = m[1] === "finding" ? '[data-show-finding="' + CSS.escape(v) + '"]' : '[data-goto="' + CSS.escape(v) + '"]';
    var el = document.querySelector(sel);
    if (el) el.click();
    else if (m[1] === "field") show(Array.prototype.slice.call(document.querySelectorAll('[data-field="' + CSS.escape(v) + '"]')), null);
  }
  window.addEventListener("hashchange", fromHash);
  /* After the first paint: scrolling before it leaves headless browsers */
  /* with a blank frame. */
  if (document.readyState === "complete") fromHash();
  else window.addEventListener("load", function () { setTimeout(fromHash, 50); });
})();
