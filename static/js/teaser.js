// "Keep reading… Show less": a <details> teaser opens and closes without JavaScript. With it,
// "Show less" brings the teaser's start back into view when the reader has scrolled past it,
// instead of leaving them further down the page than the text now reaches.
document.querySelectorAll("details[data-teaser]").forEach((details) => {
  const root = details.closest("[data-teaser-root]") || details;
  const summary = details.querySelector("summary");
  details.addEventListener("toggle", () => {
    if (details.open) return;
    if (root.getBoundingClientRect().top < 0) {
      const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      root.scrollIntoView({ block: "start", behavior: still ? "auto" : "smooth" });
    }
    summary.focus({ preventScroll: true });
  });
});
