// Embedded posts load only when the reader asks: the placeholder's button is replaced by
// the provider's frame (the page's Content-Security-Policy allows exactly that frame).
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest(".embed-load");
    if (!button) return;
    var embed = button.closest(".embed");
    var frame = document.createElement("iframe");
    frame.src = embed.dataset.embedSrc;
    frame.title = embed.dataset.embedTitle;
    frame.className = "embed-frame embed-frame-" + embed.dataset.embedProvider;
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-presentation");
    frame.setAttribute("allow", "encrypted-media; picture-in-picture; fullscreen");
    // The site sends no referrer across origins; some players refuse to play without one.
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.setAttribute("allowfullscreen", "");
    button.replaceWith(frame);
    embed.classList.add("embed-loaded");
  });
})();
