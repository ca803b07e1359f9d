// truceline dashboard: small progressive enhancements; every page works without it.
(function () {
  "use strict";
  // After htmx swaps the timeline results, tell screen readers and keep focus sensible.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (target && target.id === "results") {
      var heading = target.querySelector("h2.count");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
      }
    }
  });
  // Mark the results busy while a request is in flight.
  document.addEventListener("htmx:beforeRequest", function () {
    var results = document.getElementById("results");
    if (results) results.setAttribute("aria-busy", "true");
  });
  document.addEventListener("htmx:afterRequest", function () {
    var results = document.getElementById("results");
    if (results) results.setAttribute("aria-busy", "false");
  });
})();
