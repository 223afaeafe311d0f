// The fact-checkers' desk: reload a page whose extraction is still pending or running.
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  var waiting = document.querySelector("[data-desk-refresh]");
  if (waiting) {
    var seconds = parseInt(waiting.getAttribute("data-desk-refresh"), 10) || 3;
    window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
  }
  // Typing a new claim wording selects "new claim".
  var wording = document.querySelector("#desk-accept textarea[name=new_claim_text]");
  var radio = document.getElementById("desk-new-claim");
  if (wording && radio) {
    wording.addEventListener("input", function () { radio.checked = true; });
  }
});
