// Disable the send button after the first click; the server also ignores resubmissions.
document.addEventListener("submit", function (event) {
  var button = event.target.querySelector("[data-prevent-double-click]");
  if (button) { setTimeout(function () { button.disabled = true; }, 0); }
});
