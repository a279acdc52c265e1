// New entries of a live blog without reloading the page (sahafa/live). The page, stored
// and shared by the page cache, carries every published entry and the version it shows;
// this asks /live/<id>/entries?after=<version> for what changed since, every few seconds
// while the tab is visible and the coverage is open, and puts the answer in place.
(function () {
  "use strict";
  var region = document.querySelector("[data-live-url]");
  if (!region || !window.fetch) return;
  var list = region.querySelector(".live-entries");
  var url = region.dataset.liveUrl;
  var version = Number(region.dataset.liveVersion) || 0;
  var seconds = Math.max(Number(region.dataset.liveSeconds) || 15, 2);
  var open = true;
  var timer = null;
  var asking = false;

  function entryNode(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function apply(answer) {
    if (answer.version === version) return;
    var nodes = {};
    Array.prototype.forEach.call(list.children, function (node) {
      nodes[node.dataset.entry] = node;
    });
    answer.entries.forEach(function (entry) {
      var node = entryNode(entry.html);
      if (!nodes[entry.id]) node.classList.add("live-entry--new");
      nodes[entry.id] = node;
    });
    // Reading order: the pinned entry, then newest first; what was taken down goes.
    var wanted = answer.ids.map(function (id) { return nodes[id]; }).filter(Boolean);
    Array.prototype.slice.call(list.children).forEach(function (node) {
      if (wanted.indexOf(node) < 0) list.removeChild(node);
    });
    wanted.forEach(function (node, index) {
      if (list.children[index] !== node) list.insertBefore(node, list.children[index] || null);
    });
    var empty = region.querySelector(".live-empty");
    if (empty) empty.hidden = wanted.length > 0;
    version = answer.version;
    region.dataset.liveVersion = String(version);
    if (!answer.open) end();
  }

  function end() {
    open = false;
    stop();
    region.classList.remove("live-blog--open");
    region.querySelector(".live-state--open").hidden = true;
    region.querySelector(".live-state--ended").hidden = false;
  }

  function ask() {
    timer = null;
    if (asking || !open || document.hidden) return;
    asking = true;
    fetch(url + "?after=" + version, { headers: { Accept: "application/json" } })
      .then(function (response) {
        // 404: the story left the site or is no longer live; stop asking.
        if (response.status === 404) end();
        return response.ok ? response.json() : null;
      })
      .then(function (answer) { if (answer) apply(answer); })
      .catch(function () { /* offline for a moment: ask again at the next tick */ })
      .then(function () { asking = false; schedule(); });
  }

  function schedule() {
    if (open && !document.hidden && timer === null) timer = setTimeout(ask, seconds * 1000);
  }

  function stop() {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  document.addEventListener("visibilitychange", function () {
    // Hidden: no requests at all. Visible again: catch up at once.
    if (document.hidden) stop();
    else if (open && timer === null) ask();
  });
  schedule();
})();
