// Review queue keys: j/k move between cards, a accepts, r rejects, ? lists the keys.
// Progressive: every action is also a button; nothing here runs while a field has focus.
(function () {
  "use strict";
  var current = -1;

  function cards() {
    return Array.prototype.slice.call(document.querySelectorAll("article.candidate"));
  }

  function select(index) {
    var all = cards();
    if (!all.length) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (card, i) {
      card.classList.toggle("current", i === current);
      if (i === current) card.setAttribute("aria-current", "true");
      else card.removeAttribute("aria-current");
    });
    all[current].focus({ preventScroll: true });
    all[current].scrollIntoView({ block: "nearest" });
  }

  function typing(target) {
    if (!target || !target.closest) return false;
    return Boolean(
      target.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])")
    );
  }

  function decide(action) {
    var card = cards()[current];
    if (!card) return;
    var button = card.querySelector("form[action$='/" + action + "'] button");
    if (!button) return;
    // Come back to the card that takes this one's place.
    var after = cards()[current + 1] || cards()[current - 1];
    var next = button.form.querySelector("input[name=next]");
    if (next && after) next.value = next.value.split("#")[0] + "#" + after.id;
    button.click();
  }

  function help(show) {
    var box = document.getElementById("keys-help");
    if (!box) return;
    box.hidden = show === undefined ? !box.hidden : !show;
    if (!box.hidden) box.querySelector(".keys-close").focus();
    else if (current >= 0) cards()[current].focus({ preventScroll: true });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (typing(event.target)) return;
    var handled = true;
    if (event.key === "j") select(current + 1);
    else if (event.key === "k") select(current < 0 ? 0 : current - 1);
    else if (event.key === "a" && current >= 0) decide("accept");
    else if (event.key === "r" && current >= 0) decide("reject");
    else if (event.key === "?") help();
    else if (event.key === "Escape") help(false);
    else handled = false;
    if (handled) event.preventDefault();
  });

  document.addEventListener("DOMContentLoaded", function () {
    var close = document.querySelector("#keys-help .keys-close");
    if (close) close.addEventListener("click", function () { help(false); });
    var all = cards();
    var hash = window.location.hash.slice(1);
    var index = all.findIndex(function (card) { return card.id === hash; });
    if (index >= 0) select(index);
  });
})();
