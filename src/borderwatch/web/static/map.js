// Progressive enhancement of the map page: a click on a section opens its page in the side
// panel instead of leaving the map. Without JavaScript the section link opens the full page.
(function () {
  "use strict";
  var map = document.getElementById("map");
  var panel = document.getElementById("section-panel");
  if (!map || !panel || !window.fetch || !window.DOMParser) { return; }
  map.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-section]") : null;
    if (!link) { return; }
    event.preventDefault();
    var href = link.getAttribute("href");
    fetch(href, { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var detail = doc.getElementById("section-detail");
        if (!detail) { window.location.href = href; return; }
        panel.replaceChildren(document.importNode(detail, true));
        panel.scrollIntoView({ behavior: "smooth", block: "nearest" });
      })
      .catch(function () { window.location.href = href; });
  });
})();
