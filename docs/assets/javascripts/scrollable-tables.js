// Wide tables scroll sideways inside Material's wrapper (.md-typeset__scrollwrap). A
// keyboard user can only scroll a region that takes focus (WCAG 2.1.1; axe:
// scrollable-region-focusable), so each wrapper that actually overflows becomes a named,
// focusable region, and a sighted reader on a narrow screen sees a line saying that the
// table scrolls (its deciding column may be off-screen). Run on every page view: Material's
// instant navigation swaps pages without reloading this script (document$ emits for each).
"use strict";
(function () {
  function labelFor(wrap) {
    const caption = wrap.querySelector("caption");
    const heading = caption ? null : wrap.closest("article")?.querySelector("h1");
    const name = caption ? caption.textContent : heading ? heading.textContent : "";
    return (name.trim() ? name.trim() + ": " : "") + "table, scrolls sideways";
  }

  function makeFocusable() {
    for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
      if (wrap.scrollWidth <= wrap.clientWidth || wrap.hasAttribute("tabindex")) continue;
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", labelFor(wrap));
      const hint = document.createElement("p");
      hint.className = "docfx-scroll-hint";
      hint.setAttribute("aria-hidden", "true"); // the region's name already says it
      hint.textContent = "This table is wider than the screen: scroll it sideways to see every column →";
      wrap.before(hint);
    }
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(makeFocusable);
  } else {
    document.addEventListener("DOMContentLoaded", makeFocusable);
  }
})();
