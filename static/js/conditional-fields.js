// Fields that matter only for some answers (an employer's credit code, the court case
// number in litigation) carry data-shown-when="name:value1,value2". They are hidden while
// the radio button `name` has another value or none; without JavaScript every field shows and the
// server discards what does not apply. A field with an error is never hidden.
(function () {
  var blocks = document.querySelectorAll("[data-shown-when]");
  if (!blocks.length) return;
  function update(form) {
    blocks.forEach(function (block) {
      if (block.closest("form") !== form) return;
      var parts = block.getAttribute("data-shown-when").split(":");
      var checked = form.querySelector('input[name="' + parts[0] + '"]:checked');
      var values = parts[1].split(",");
      var show = (checked && values.indexOf(checked.value) !== -1) ||
        block.classList.contains("form-group--error");
      block.hidden = !show;
    });
  }
  document.querySelectorAll("form").forEach(function (form) {
    if (!form.querySelector("[data-shown-when]")) return;
    update(form);
    form.addEventListener("change", function () { update(form); });
  });
})();
