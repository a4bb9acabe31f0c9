// The image library picker, opened by the body editor's figure dialog ("Browse…"):
// hands the chosen rendition back through the CKEditor file-browser protocol it speaks.
document.addEventListener("DOMContentLoaded", () => {
  const picker = document.querySelector(".image-picker");
  if (!picker) return;
  const funcNum = picker.dataset.funcNum;
  picker.querySelectorAll(".image-picker__choice").forEach((button) => {
    button.addEventListener("click", () => {
      const opener = window.opener;
      if (!opener || !opener.CKEDITOR || !funcNum) return;
      opener.CKEDITOR.tools.callFunction(funcNum, button.dataset.url, {
        id: button.dataset.id,
        alternative_text: button.dataset.alt,
        caption: button.dataset.caption,
      });
      window.close();
    });
  });
});
