/* The composer's inbox row follows the subject and preview line as an editor types them. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    const empty = "(no preview line: the mail app shows the email's first words)";
    ["subject", "preheader"].forEach(function (name) {
      const input = document.getElementById("id_" + name);
      const line = document.querySelector('[data-inbox="' + name + '"]');
      if (!input || !line) return;
      input.addEventListener("input", function () {
        line.textContent = input.value.trim() || (name === "preheader" ? empty : "");
      });
    });
  });
})();
