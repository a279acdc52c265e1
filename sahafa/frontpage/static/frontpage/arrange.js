// The front-page desk (sahafa/frontpage): an editor drags a placement's row above or below
// another, and the positions of each slot are numbered again in the rows' new order; saving
// the list stores them. The position inputs stay, for the keyboard and for small screens.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  const rows = document.querySelector("#result_list tbody");
  if (!rows) {
    return;
  }
  let dragged = null;
  for (const row of rows.rows) {
    row.draggable = true;
    row.classList.add("frontpage-draggable");
  }
  rows.addEventListener("dragstart", function (event) {
    dragged = event.target.closest("tr");
    event.dataTransfer.effectAllowed = "move";
    dragged.classList.add("frontpage-dragging");
  });
  rows.addEventListener("dragend", function () {
    if (dragged) {
      dragged.classList.remove("frontpage-dragging");
    }
    dragged = null;
  });
  rows.addEventListener("dragover", function (event) {
    if (dragged) {
      event.preventDefault();
    }
  });
  rows.addEventListener("drop", function (event) {
    const target = event.target.closest("tr");
    if (!dragged || !target || target === dragged) {
      return;
    }
    event.preventDefault();
    const below = dragged.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING;
    rows.insertBefore(dragged, below ? target.nextSibling : target);
    numberEachSlot();
  });

  function numberEachSlot() {
    const counts = new Map();
    for (const row of rows.rows) {
      const slot = row.querySelector(".field-slot").textContent.trim();
      counts.set(slot, (counts.get(slot) || 0) + 1);
      const position = row.querySelector("input[name$='-position']");
      if (Number(position.value) !== counts.get(slot)) {
        position.value = counts.get(slot);
        position.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }
  }
});
