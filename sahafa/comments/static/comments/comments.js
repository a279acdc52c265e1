// Progressive enhancement for the comment form; everything works without it.
// "Remember me" keeps name, email and website in this browser's localStorage only: the
// server never puts them into a page, so no cached page can carry someone's email.
(function () {
  "use strict";
  var form = document.getElementById("commentform");
  if (!form || !window.localStorage) return;
  var KEY = "sahafa.commenter";
  var fields = ["author", "email", "url"];
  var remember = form.elements.remember;
  var saved = null;
  try { saved = JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { saved = null; }
  if (saved) {
    fields.forEach(function (name) {
      var input = form.elements[name];
      if (input && !input.value && saved[name]) input.value = saved[name];
    });
    if (remember) remember.checked = true;
  }
  form.addEventListener("submit", function () {
    if (remember && remember.checked) {
      var values = {};
      fields.forEach(function (name) { values[name] = form.elements[name].value; });
      localStorage.setItem(KEY, JSON.stringify(values));
    } else {
      localStorage.removeItem(KEY);
    }
  });
})();
