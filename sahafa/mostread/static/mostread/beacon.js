// One page view of the article, counted by /beacon/view (sahafa/mostread). The page itself
// stays cached and shared; only this small request counts.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.dataset.beacon) return;
  var url = script.dataset.beacon;
  function send() {
    if (navigator.sendBeacon && navigator.sendBeacon(url)) return;
    if (window.fetch) {
      fetch(url, { method: "POST", credentials: "same-origin", keepalive: true });
    }
  }
  // A page opened in a background tab counts when the reader looks at it.
  if (document.visibilityState === "hidden") {
    document.addEventListener("visibilitychange", function onVisible() {
      if (document.visibilityState !== "visible") return;
      document.removeEventListener("visibilitychange", onVisible);
      send();
    });
  } else {
    send();
  }
})();
