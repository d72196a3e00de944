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

// Explanations shown on hover or keyboard focus can be dismissed with Escape without moving
// the pointer or the focus (WCAG 1.4.13); they come back on the next hover or focus.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".finding-wrap").forEach(function (wrap) {
    if (wrap.matches(":hover") || wrap.contains(document.activeElement)) {
      wrap.classList.add("tip-dismissed");
    }
  });
});
["focusin", "mouseover"].forEach(function (type) {
  document.addEventListener(type, function (event) {
    var wrap = event.target.closest && event.target.closest(".finding-wrap");
    if (!wrap || (type === "mouseover" && wrap.contains(event.relatedTarget))) return;
    wrap.classList.remove("tip-dismissed");
    keepTipOnScreen(wrap);
  });
});

// A mark near the right edge of a phone's screen would push its explanation off the screen
// and make the page scroll sideways (WCAG 1.4.10): slide the explanation back into view.
function keepTipOnScreen(wrap) {
  var tip = wrap.querySelector(".tip");
  if (!tip) return;
  var margin = 8;
  var room = document.documentElement.clientWidth - margin;
  tip.style.left = "0px";
  var box = tip.getBoundingClientRect();
  var shift = 0;
  if (box.right > room) shift = room - box.right;
  if (box.left + shift < margin) shift = margin - box.left;
  tip.style.left = shift + "px";
}

// When htmx replaces the element that held the keyboard focus (a ledger row after "Kept", the
// "add to the ledger" buttons of a transcript), put the focus back inside its replacement
// instead of losing it to the top of the page (WCAG 2.4.3).
var replacedFocus = null;
document.addEventListener("htmx:beforeSwap", function (event) {
  var target = event.detail.target;
  replacedFocus = target && target.contains(document.activeElement)
    ? { id: target.id, parent: target.parentElement } : null;
});
document.addEventListener("htmx:afterSettle", function () {
  if (!replacedFocus) return;
  // Replaced whole (outerHTML): found again by its id, or else inside its parent.
  var scope = (replacedFocus.id && document.getElementById(replacedFocus.id)) || replacedFocus.parent;
  replacedFocus = null;
  var next = scope && scope.isConnected && scope.querySelector(
    "button, a[href], input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])"
  );
  if (next) next.focus();
});
