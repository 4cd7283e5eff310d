// Print buttons work only with JavaScript, so they stay hidden without it: a button marked
// `data-print` (or the `data-print-wrapper` around it) is shown here and prints the page.
// Used by public pages (policies) and the back office's printable documents.
document.querySelectorAll("[data-print]").forEach((button) => {
  if (!window.print) return;
  const wrapper = button.closest("[data-print-wrapper]");
  if (wrapper) wrapper.hidden = false;
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
