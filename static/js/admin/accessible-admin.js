/* Names for the admin's unlabelled controls, on every admin page (loaded by admin/base_site.html).

   A tabular inline labels its columns with <th> headers, not <label>s, so a screen reader
   announces its inputs without a name; Select2 (the admin's autocomplete) draws its own
   combobox without one either. Each control gets the name its column or field shows. */
(function () {
  "use strict";

  function columnName(cell) {
    const table = cell.closest("table");
    if (!table || !cell.parentElement) return "";
    const index = Array.prototype.indexOf.call(cell.parentElement.children, cell);
    const header = table.querySelectorAll("thead th")[index];
    return header ? header.textContent.trim() : "";
  }

  function fieldName(control) {
    if (control.id) {
      const label = document.querySelector('label[for="' + control.id + '"]');
      if (label) return label.textContent.replace(/:\s*$/, "").trim();
    }
    const cell = control.closest("td");
    return cell ? columnName(cell) : "";
  }

  function nameControls(root) {
    root.querySelectorAll(".tabular td input, .tabular td select, .tabular td textarea").forEach(function (control) {
      if (control.type === "hidden" || control.labels && control.labels.length || control.getAttribute("aria-label")) return;
      const name = columnName(control.closest("td"));
      if (name) control.setAttribute("aria-label", name);
    });
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      const name = fieldName(select);
      const container = select.nextElementSibling;
      if (!name || !container) return;
      container.querySelectorAll('[role="combobox"], [role="textbox"]').forEach(function (part) {
        if (!part.getAttribute("aria-label")) part.setAttribute("aria-label", name);
      });
    });
    // The rich-text editor (django-prose-editor) draws an editable area with no name.
    root.querySelectorAll(".ProseMirror[contenteditable]").forEach(function (area) {
      if (area.getAttribute("aria-label") || area.getAttribute("aria-labelledby")) return;
      const row = area.closest(".form-row, .fieldBox");
      const label = row && row.querySelector("label");
      if (label) area.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
    });
    // The horizontal filter's search icon names itself with aria-label on a bare <span>,
    // which ARIA does not allow: it is an image with a name.
    root.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
    // Django's split date and time inputs sit under one label that names neither.
    root.querySelectorAll(".datetime input.vDateField, .datetime input.vTimeField").forEach(function (input) {
      if (input.labels && input.labels.length || input.getAttribute("aria-label")) return;
      const row = input.closest(".form-row, .fieldBox, td");
      const label = row && row.querySelector("label");
      const field = label ? label.textContent.replace(/:\s*$/, "").trim() : "";
      const part = input.classList.contains("vDateField") ? "date" : "time";
      input.setAttribute("aria-label", field ? field + ", " + part : part);
    });
  }

  // Select2 and added inline rows draw their controls after the page loads: name them as they
  // appear (batched to one pass per frame).
  let pending = false;
  function soon() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; nameControls(document); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    nameControls(document);
    new MutationObserver(soon).observe(document.body, { childList: true, subtree: true });
  });
})();
