// Lets Material's instant navigation work wherever the site is hosted: any host name, port
// or subpath, with no site_url to match.
//
// Material reads sitemap.xml to learn which links are pages of this site, and compares each
// <loc> with the link a reader clicks. Its own code corrects a sitemap's protocol and host
// name, not its port or path, so a copy served elsewhere than `site_url` loses instant
// navigation. The build writes <loc> relative to the site's root (no absolute URL to
// ourselves); this script, loaded before Material's bundle, resolves them against the root
// of the page being read when Material parses the sitemap.
(function () {
  "use strict";
  var parse = DOMParser.prototype.parseFromString;
  DOMParser.prototype.parseFromString = function (text, type) {
    var doc = parse.call(this, text, type);
    var root = doc.documentElement;
    if (type === "text/xml" && root && root.localName === "urlset") {
      var base = siteRoot();
      var locs = doc.getElementsByTagName("loc");
      for (var i = 0; i < locs.length; i++) {
        locs[i].textContent = new URL(locs[i].textContent.trim(), base).href;
      }
    }
    return doc;
  };
  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try {
      base = JSON.parse(config.textContent).base || ".";
    } catch (error) {
      // no Material config: the page's own folder
    }
    return new URL(base + "/", location.href).href;
  }
})();
