/* Drag-to-order for the admin's positioned inlines (the byline, a newsletter's stories).

   Each row gets a drag handle and Move up / Move down buttons (for the keyboard). The
   position inputs stay the source of truth: they are renumbered 0..n-1 in the rows' order
   after every move and before the form is sent, and the server renumbers again
   (articles.admin_widgets.PositionedInlineFormSet). Without JavaScript, editors type the
   numbers. */
(function () {
  "use strict";

  const HANDLE =
    '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">' +
    '<circle cx="5" cy="3" r="1.5"/><circle cx="11" cy="3" r="1.5"/>' +
    '<circle cx="5" cy="8" r="1.5"/><circle cx="11" cy="8" r="1.5"/>' +
    '<circle cx="5" cy="13" r="1.5"/><circle cx="11" cy="13" r="1.5"/></svg>';
  const UP =
    '<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">' +
    '<path d="M8 3l5 6H3z"/></svg>';
  const DOWN =
    '<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">' +
    '<path d="M8 13L3 7h10z"/></svg>';

  function rowsOf(group) {
    return Array.from(group.querySelectorAll("tbody tr.form-row")).filter(
      (row) => !row.classList.contains("empty-form") && row.querySelector("[name$='-position']")
    );
  }

  function isFilled(row) {
    const id = row.querySelector("input[type=hidden][name$='-id']");
    if (id && id.value) return true;
    return Array.from(row.querySelectorAll("select, input[type=text]")).some(
      (input) => !input.name.endsWith("-position") && input.value
    );
  }

  function isDeleted(row) {
    const box = row.querySelector("input[type=checkbox][name$='-DELETE']");
    return Boolean(box && box.checked);
  }

  function renumber(group) {
    let position = 0;
    rowsOf(group).forEach((row) => {
      const input = row.querySelector("[name$='-position']");
      // An empty extra row keeps its value, so it still counts as untouched.
      if (isFilled(row) && !isDeleted(row)) input.value = String(position++);
    });
  }

  function label(row) {
    const select = row.querySelector("select");
    const chosen = select && select.selectedOptions[0];
    return chosen && chosen.value ? chosen.textContent.trim() : "this row";
  }

  function move(group, row, offset) {
    const rows = rowsOf(group);
    const index = rows.indexOf(row);
    const target = rows[index + offset];
    if (!target) return;
    if (offset < 0) target.before(row);
    else target.after(row);
    renumber(group);
    relabel(group);
  }

  function equip(group, row) {
    if (row.querySelector(".sortable-inline__tools")) return;
    const cell = row.querySelector("td.field-position");
    if (!cell) return;
    const tools = document.createElement("span");
    tools.className = "sortable-inline__tools";
    tools.innerHTML =
      `<span class="sortable-inline__handle" title="Drag to reorder">${HANDLE}</span>` +
      `<button type="button" class="sortable-inline__move" data-offset="-1">${UP}</button>` +
      `<button type="button" class="sortable-inline__move" data-offset="1">${DOWN}</button>`;
    cell.prepend(tools);
    const name = label(row);
    tools.querySelectorAll("button").forEach((button) => {
      const up = button.dataset.offset === "-1";
      button.setAttribute("aria-label", `Move ${name} ${up ? "up" : "down"}`);
      button.addEventListener("click", () => move(group, row, Number(button.dataset.offset)));
    });
    const handle = tools.querySelector(".sortable-inline__handle");
    handle.addEventListener("mousedown", () => {
      row.draggable = true;
    });
    row.addEventListener("dragstart", (event) => {
      group.dataset.dragging = row.id || "row";
      row.classList.add("sortable-inline__row--dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", name);
    });
    row.addEventListener("dragend", () => {
      row.draggable = false;
      row.classList.remove("sortable-inline__row--dragging");
      delete group.dataset.dragging;
      renumber(group);
      relabel(group);
    });
  }

  function relabel(group) {
    rowsOf(group).forEach((row, index) => {
      row.querySelectorAll("[aria-label$=', new row'], [aria-label*=', row ']").forEach((el) => {
        el.setAttribute("aria-label", el.getAttribute("aria-label").replace(/, (new )?row( \d+)?$/, `, row ${index + 1}`));
      });
      const name = label(row);
      row.querySelectorAll(".sortable-inline__move").forEach((button) => {
        const up = button.dataset.offset === "-1";
        button.setAttribute("aria-label", `Move ${name} ${up ? "up" : "down"}`);
      });
    });
  }

  function setUp(group) {
    const tbody = group.querySelector("tbody");
    if (!tbody || !rowsOf(group).length) return;
    group.classList.add("sortable-inline");
    rowsOf(group).forEach((row) => equip(group, row));
    tbody.addEventListener("dragover", (event) => {
      const dragged = group.querySelector(".sortable-inline__row--dragging");
      const over = event.target.closest("tr.form-row");
      if (!dragged || !over || over === dragged || over.classList.contains("empty-form")) return;
      event.preventDefault();
      const box = over.getBoundingClientRect();
      if (event.clientY < box.top + box.height / 2) over.before(dragged);
      else over.after(dragged);
    });
    tbody.addEventListener("drop", (event) => {
      if (group.querySelector(".sortable-inline__row--dragging")) event.preventDefault();
    });
    const form = group.closest("form");
    if (form) form.addEventListener("submit", () => renumber(group), true);
    if (window.django && window.django.jQuery) {
      window.django.jQuery(group).on("change", "select", () => {
        renumber(group);
        relabel(group);
      });
    }
    group.addEventListener("change", () => renumber(group));
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".js-inline-admin-formset").forEach((group) => {
      if (group.querySelector("fieldset.positioned-inline")) setUp(group);
    });
  });
  // Rows added with "Add another" get their tools too.
  document.addEventListener("formset:added", (event) => {
    const group = event.target.closest(".js-inline-admin-formset");
    if (group && group.classList.contains("sortable-inline")) {
      equip(group, event.target);
      renumber(group);
      relabel(group);
    }
  });
})();
