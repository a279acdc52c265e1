// Keeps this journalist's edit lock while the article's form is open (sahafa/editlocks):
// a POST every few seconds renews it; when another journalist took it over, the answer
// says so and the warning is shown (the server refuses the save in any case).
"use strict";
(function () {
  const lock = document.getElementById("edit-lock");
  if (!lock) {
    return;
  }
  const lost = document.getElementById("edit-lock-lost");
  const token = document.querySelector("input[name=csrfmiddlewaretoken]");
  const timer = window.setInterval(renew, Number(lock.dataset.heartbeatSeconds) * 1000);

  function renew() {
    fetch(lock.dataset.heartbeatUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": token ? token.value : "" },
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        if (!answer.held) {
          window.clearInterval(timer);
          lost.textContent = answer.message;
          lost.hidden = false;
        }
      })
      .catch(function () {
        // Offline for a moment: the next beat tries again; the lock lasts several beats.
      });
  }
})();
