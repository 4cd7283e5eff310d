// Show one masked value in place: the same POST the button makes without JavaScript
// (the server logs it either way), asked for as JSON so the page does not reload.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest("form[data-reveal]");
  if (!form) return;
  event.preventDefault();
  const button = form.querySelector("button");
  if (button) button.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) throw new Error(String(response.status));
    const data = await response.json();
    const path = form.querySelector("input[name=path]").value;
    const target = form.parentElement.querySelector(`[data-reveal-value="${path}"]`);
    if (target) {
      target.textContent = data.value;
      target.setAttribute("tabindex", "-1");
      form.remove();
      target.focus();
    }
  } catch (error) {
    form.submit();
  }
});

// Move focus to the error summary so keyboard and screen-reader users start there.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});
