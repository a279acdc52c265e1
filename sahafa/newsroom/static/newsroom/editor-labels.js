// Arabic for the rich-text editor's toolbar. django-prose-editor writes the titles of its
// toolbar buttons and the labels of its menus (headings, block style, table) in English,
// without gettext, and offers no setting for them; this file passes each one through the
// newsroom's catalogue (sahafa/newsroom/locale/ar/LC_MESSAGES/djangojs.po, loaded before
// it), on the toolbars there are now and on any the editor builds later. The icons' own
// text (a Material Icons ligature such as «format_bold») is left alone.
"use strict";
(function () {
  const DEFAULT_STYLE = /^(.*): default$/;

  function translated(label) {
    const found = DEFAULT_STYLE.exec(label);
    if (found) return `${found[1]}: ${gettext("default")}`;
    return gettext(label);
  }

  function relabel(toolbar) {
    for (const element of toolbar.querySelectorAll("[title]")) {
      const title = translated(element.title);
      if (title !== element.title) element.title = title;
    }
    for (const element of toolbar.querySelectorAll("*")) {
      if (element.children.length || element.classList.contains("material-icons")) continue;
      const text = element.textContent.trim();
      const label = text && translated(text);
      if (label && label !== text) element.textContent = label;
    }
  }

  function relabelAll() {
    document.querySelectorAll(".prose-menubar").forEach(relabel);
  }

  if (typeof gettext !== "function") return;
  // The editor builds its toolbar when it starts and rebuilds menus as it likes.
  new MutationObserver(relabelAll).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
  document.addEventListener("DOMContentLoaded", relabelAll);
})();
