// The desk: fix a statement's span by selecting its words in the context view, not by typing
// character offsets. The context view carries the offset of its first character
// (data-desk-offset); text marked data-desk-skip (the "…" at either end) is not article text.
// Offsets count Unicode code points, as Python does. No inline script: loaded as a static file.
"use strict";
(function () {
  function textBefore(root, node, offset) {
    var range = document.createRange();
    range.setStart(root, 0);
    range.setEnd(node, offset);
    var fragment = range.cloneContents();
    fragment.querySelectorAll("[data-desk-skip]").forEach(function (el) { el.remove(); });
    return fragment.textContent;
  }

  function length(text) { return Array.from(text).length; }

  // The article offsets [start, end) of the selection inside root, whitespace trimmed; null if none.
  function selectedSpan(root) {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return null; }
    var range = selection.getRangeAt(0);
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) { return null; }
    var base = parseInt(root.getAttribute("data-desk-offset"), 10) || 0;
    var before = textBefore(root, range.startContainer, range.startOffset);
    var through = textBefore(root, range.endContainer, range.endOffset);
    var text = through.slice(before.length);
    var start = base + length(before) + length(text) - length(text.replace(/^\s+/, ""));
    var end = base + length(through) - (length(text) - length(text.replace(/\s+$/, "")));
    if (end <= start) { return null; }
    return { start: start, end: end, text: text.trim() };
  }

  window.addEventListener("DOMContentLoaded", function () {
    var root = document.querySelector(".desk-context[data-desk-offset]");
    var picker = document.getElementById("desk-span-picker");
    var startField = document.getElementById("id_start");
    var endField = document.getElementById("id_end");
    if (!root || !picker || !startField || !endField) { return; }
    var words = picker.querySelector("[data-desk-picked-text]");
    var where = picker.querySelector("[data-desk-picked-offsets]");
    var use = picker.querySelector("button");
    var picked = null;
    document.addEventListener("selectionchange", function () {
      var span = selectedSpan(root);
      if (!span) { return; }  // keep the last selection offered while the user clicks the button
      picked = span;
      words.textContent = span.text;
      where.textContent = span.start + "–" + span.end;
      picker.hidden = false;
    });
    use.addEventListener("click", function () {
      if (!picked) { return; }
      startField.value = String(picked.start);
      endField.value = String(picked.end);
      [startField, endField].forEach(function (field) {
        field.classList.add("desk-filled");
        field.dispatchEvent(new Event("change", { bubbles: true }));
      });
      picker.setAttribute("data-desk-used", picked.start + "-" + picked.end);
      startField.scrollIntoView({ block: "center" });
    });
  });
}());
