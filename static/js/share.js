// "Copy link" on the article page. Without JavaScript the link stays selectable in its field.
document.querySelectorAll("[data-copy-link]").forEach((button) => {
  const box = button.closest(".share__copy");
  const field = box.querySelector("[data-share-url]");
  const status = box.querySelector("[data-copy-status]");
  if (!navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = "Link copied.";
    } catch {
      field.select();
      status.textContent = "Press Ctrl+C (or ⌘C) to copy the selected link.";
    }
  });
});
