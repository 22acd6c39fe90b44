/* canpath employer page, after questionnaire.js (conditions, saved answers, NOC search): the
   region list shows only the chosen province's economic regions, and the routes found get the
   focus. No library; the page works without it. */
(function () {
  "use strict";

  var form = document.getElementById("employer");
  if (!form) return;
  var region = form.querySelector("select[data-region]");

  /* A region of another province is never kept: choose the same name in the province shown
     (two provinces can both have a "Northeast"), else none. */
  function fixRegion() {
    if (!region) return;
    var chosen = region.selectedOptions[0];
    if (!chosen || !chosen.closest("[hidden]")) return;
    var same = Array.prototype.find.call(region.options, function (option) {
      return option.value === chosen.value && !option.closest("[hidden]");
    });
    if (same) same.selected = true;
    else region.value = "";
    region.dispatchEvent(new Event("change", { bubbles: true }));  /* saved like any answer */
  }

  form.addEventListener("change", fixRegion);
  form.addEventListener("input", fixRegion);
  fixRegion();

  var routes = document.getElementById("heading-routes");
  if (routes && !document.getElementById("error-summary")) routes.focus();
})();
