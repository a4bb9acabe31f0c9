/* The meter policy's preview follows the wording fields as an editor types (the server renders
   the same preview on load and after a save, from paywall/wording.py's rules). */
(function () {
  "use strict";

  function field(name) { return document.getElementById("id_" + name); }
  function value(name) { const input = field(name); return input ? input.value : ""; }
  function lines(text) { return text.split("\n").map(function (line) { return line.trim(); }).filter(Boolean); }

  function fillBenefit(line) {
    return line.split("{gift_links}").join(value("gift_links_per_month"))
      .split("{gift_days}").join(value("gift_link_days"));
  }

  function notice(remaining) {
    if (remaining <= 0) return value("meter_notice_last");
    if (remaining === 1) return value("meter_notice_one_left");
    return value("meter_notice_left").split("{remaining}").join(String(remaining));
  }

  function update() {
    document.querySelectorAll("[data-preview]").forEach(function (node) {
      node.textContent = value(node.dataset.preview);
      node.hidden = !node.textContent.trim();
    });
    document.querySelectorAll("[data-preview-lines]").forEach(function (list) {
      const name = list.dataset.previewLines;
      list.replaceChildren.apply(list, lines(value(name)).map(function (line) {
        const item = document.createElement("li");
        item.textContent = name === "plan_benefits" ? fillBenefit(line) : line;
        return item;
      }));
    });
    document.querySelectorAll("[data-preview-notice]").forEach(function (node) {
      node.textContent = notice(Number(node.dataset.previewNotice));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    const form = document.getElementById("meterpolicy_form");
    if (form) form.addEventListener("input", update);
  });
})();
