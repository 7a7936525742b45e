// Opened from file:// (an unpacked archive, no web server), a link to a folder such as
// "checker/" shows the folder's listing instead of its page. On file:// only, this opens
// the folder's index.html instead — for every link, including those Material adds later
// (search results, navigation). On a web server it does nothing.
(function () {
  "use strict";
  if (location.protocol !== "file:") return;
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || link.target || event.defaultPrevented) return;
    var url = new URL(link.href, document.baseURI);
    if (url.protocol === "file:" && url.pathname.endsWith("/")) {
      url.pathname += "index.html";
      link.href = url.href;
    }
  }, true);
})();
