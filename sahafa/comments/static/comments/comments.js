// Progressive enhancement for the comment form; everything works without it.
// 1. "Remember me" keeps name, email and website in this browser's localStorage only: the
//    server never puts them into a page, so no cached page can carry someone's email.
// 2. The form posts without a reload: the answer is the same page the browser would have
//    been sent to (the article, or the form with its errors), and its comments region
//    replaces ours.
(function () {
  "use strict";
  var KEY = "sahafa.commenter";
  var FIELDS = ["author", "email", "url"];

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function restore(form) {
    var store = storage();
    var saved = null;
    try { saved = store && JSON.parse(store.getItem(KEY) || "null"); } catch (e) { saved = null; }
    if (!saved) return;
    FIELDS.forEach(function (name) {
      var input = form.elements[name];
      if (input && !input.value && saved[name]) input.value = saved[name];
    });
    if (form.elements.remember) form.elements.remember.checked = true;
  }

  function rememberOrForget(form) {
    var store = storage();
    if (!store) return;
    if (form.elements.remember && form.elements.remember.checked) {
      var values = {};
      FIELDS.forEach(function (name) { values[name] = form.elements[name].value; });
      store.setItem(KEY, JSON.stringify(values));
    } else {
      store.removeItem(KEY);
    }
  }

  function replaceWithAnswer(html, answerUrl) {
    var answer = new DOMParser().parseFromString(html, "text/html");
    var region = document.getElementById("comments");
    var freshRegion = answer.getElementById("comments");
    if (region && freshRegion) {
      region.replaceWith(freshRegion);
      history.replaceState(null, "", answerUrl);
      var shown = freshRegion.querySelector(".comment--held") || freshRegion;
      shown.scrollIntoView({ block: "center" });
    } else {
      var respond = document.getElementById("respond");
      var freshRespond = answer.getElementById("respond");
      if (!respond || !freshRespond) return false;
      respond.replaceWith(freshRespond);
    }
    enhance();
    return true;
  }

  function enhance() {
    var form = document.getElementById("commentform");
    if (!form || form.dataset.enhanced) return;
    form.dataset.enhanced = "1";
    restore(form);
    form.addEventListener("submit", function (event) {
      rememberOrForget(form);
      if (!window.fetch || !window.DOMParser) return;
      event.preventDefault();
      var button = form.querySelector("[type=submit]");
      if (button) button.disabled = true;
      fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" })
        .then(function (response) {
          return response.text().then(function (html) {
            if (!replaceWithAnswer(html, response.url)) form.submit();
          });
        })
        .catch(function () { form.submit(); });
    });
  }

  enhance();
})();
