// The side-by-side form's glossary flags, rechecked as the translator types. The server
// checks the same rule (desk/services/glossary.py) on every save and "Check the glossary";
// without this script the page works the same, the flags only wait for the next save.
(function () {
  "use strict";
  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  function contains(text, phrase) {
    var pattern = new RegExp("(^|[^\\p{L}\\p{N}_])" + escapeRegExp(phrase.trim()) + "(?![\\p{L}\\p{N}_])", "iu");
    return pattern.test(text);
  }
  function recheck(textarea) {
    var cell = textarea.closest(".desk-grid__english");
    if (!cell) return;
    var written = textarea.value.trim();
    var missing = 0;
    cell.querySelectorAll(".desk-flag").forEach(function (flag) {
      var isMissing = written !== "" && !contains(written, flag.dataset.rendering || "");
      flag.classList.toggle("desk-flag--missing", isMissing);
      flag.querySelector(".desk-flag__state").textContent = isMissing ? "Missing:" : "Glossary:";
      if (isMissing) missing += 1;
    });
    var row = cell.closest(".desk-grid__row");
    if (row) row.classList.toggle("desk-grid__row--flagged", missing > 0);
  }
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches(".desk-grid__english textarea")) {
      recheck(event.target);
    }
  });
})();
