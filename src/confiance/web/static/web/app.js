// Copy a rewrite to the clipboard (the coach page's "Copy" buttons).
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy]");
  if (!button) return;
  var source = document.getElementById(button.getAttribute("data-copy"));
  if (!source || !navigator.clipboard) return;
  navigator.clipboard.writeText(source.textContent.trim()).then(function () {
    var done = button.getAttribute("data-copied");
    if (done) { button.textContent = done; }
  });
});
