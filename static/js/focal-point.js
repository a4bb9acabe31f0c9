// Image library: click the picture to set its focal point (the focal_x / focal_y fields).
document.addEventListener("DOMContentLoaded", () => {
  const picker = document.querySelector("[data-focal-picker]");
  const x = document.getElementById("id_focal_x");
  const y = document.getElementById("id_focal_y");
  if (!picker || !x || !y) return;
  const image = picker.querySelector("img");
  const marker = picker.querySelector(".focal-picker__marker");
  const place = () => {
    marker.style.left = `${Number(x.value) * 100}%`;
    marker.style.top = `${Number(y.value) * 100}%`;
  };
  image.addEventListener("click", (event) => {
    const box = image.getBoundingClientRect();
    x.value = ((event.clientX - box.left) / box.width).toFixed(3);
    y.value = ((event.clientY - box.top) / box.height).toFixed(3);
    place();
  });
  x.addEventListener("input", place);
  y.addEventListener("input", place);
  place();
});
