// The print button works only with JavaScript, so it stays hidden without it.
document.querySelectorAll("[data-print-wrapper]").forEach((wrapper) => {
  wrapper.hidden = false;
  wrapper.querySelector("[data-print]").addEventListener("click", () => window.print());
});
