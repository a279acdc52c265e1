// «تنبيهات الأخبار العاجلة» (sahafa/push): the reader opts in with a click; only then does
// the browser ask for permission. The subscription is posted to the site as JSON. The
// texts come from the page (data-* attributes, translated there).
(function () {
  "use strict";
  var box = document.querySelector("[data-push-key]");
  if (!box || !("serviceWorker" in navigator) || !("PushManager" in window) ||
      !("Notification" in window) || !window.fetch) {
    return;
  }
  var turnOn = box.querySelector(".push-on");
  var turnOff = box.querySelector(".push-off");
  var status = box.querySelector(".push-status");

  function say(name) {
    status.textContent = box.dataset[name] || "";
  }

  function showSubscribed(subscribed) {
    turnOn.hidden = subscribed;
    turnOff.hidden = !subscribed;
  }

  function serverKey() {
    var text = box.dataset.pushKey.replace(/-/g, "+").replace(/_/g, "/");
    var raw = window.atob(text + "===".slice((text.length + 3) % 4));
    var key = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) key[i] = raw.charCodeAt(i);
    return key;
  }

  // A signed-in journalist's session is checked by its CSRF token; readers have none.
  function headers() {
    var found = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    var sent = { "Content-Type": "application/json" };
    if (found) sent["X-CSRFToken"] = decodeURIComponent(found[1]);
    return sent;
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: headers(),
      body: JSON.stringify(body),
    }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
    });
  }

  function currentSubscription() {
    return navigator.serviceWorker.getRegistration("/").then(function (registration) {
      return registration ? registration.pushManager.getSubscription() : null;
    });
  }

  turnOn.addEventListener("click", function () {
    turnOn.disabled = true;
    Notification.requestPermission()
      .then(function (permission) {
        if (permission !== "granted") {
          say("denied");
          return;
        }
        return navigator.serviceWorker
          .register(box.dataset.pushWorker, { scope: "/" })
          .then(function () {
            return navigator.serviceWorker.ready;
          })
          .then(function (registration) {
            return registration.pushManager.subscribe({
              userVisibleOnly: true,
              applicationServerKey: serverKey(),
            });
          })
          .then(function (subscription) {
            return post(box.dataset.pushSubscribe, subscription.toJSON());
          })
          .then(function () {
            showSubscribed(true);
            say("done");
          });
      })
      .catch(function () {
        say("failed");
      })
      .then(function () {
        turnOn.disabled = false;
      });
  });

  turnOff.addEventListener("click", function () {
    currentSubscription()
      .then(function (subscription) {
        if (!subscription) return;
        return post(box.dataset.pushUnsubscribe, { endpoint: subscription.endpoint }).then(
          function () {
            return subscription.unsubscribe();
          }
        );
      })
      .then(function () {
        showSubscribed(false);
        say("off");
      })
      .catch(function () {
        say("failed");
      });
  });

  box.hidden = false;
  currentSubscription()
    .then(function (subscription) {
      showSubscribed(Boolean(subscription));
    })
    .catch(function () {
      showSubscribed(false);
    });
})();
