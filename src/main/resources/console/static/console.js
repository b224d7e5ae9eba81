// The review console's only script, served from the jar ('self' in the Content-Security-Policy).
// Everything works without it; it adds "select all", a count of the selection, and a focus on the
// outcome of the last decision so keyboard and screen-reader users hear it first.
(function () {
  "use strict";
  var all = document.getElementById("select-all");
  var count = document.getElementById("selected-count");
  var boxes = Array.prototype.slice.call(
    document.querySelectorAll('#bulk input[type=checkbox][name=proposal]'));
  function update() {
    var n = boxes.filter(function (b) { return b.checked; }).length;
    if (count) { count.textContent = String(n); }
    if (all) {
      all.checked = n > 0 && n === boxes.length;
      all.indeterminate = n > 0 && n < boxes.length;
    }
  }
  if (all) {
    all.addEventListener("change", function () {
      boxes.forEach(function (b) { b.checked = all.checked; });
      update();
    });
  }
  boxes.forEach(function (b) { b.addEventListener("change", update); });
  update();
  var outcome = document.getElementById("outcome");
  if (outcome) { outcome.focus(); }
})();
