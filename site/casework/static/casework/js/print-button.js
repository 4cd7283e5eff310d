// The print button only exists when JavaScript can print; the hint covers the rest.
(function () {
  var button = document.getElementById("print-button");
  if (!button || !window.print) return;
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
