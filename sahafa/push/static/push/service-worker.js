// Sahafa's service worker (sahafa/push), served at /service-worker.js so that its scope is
// the whole site. It only shows «عاجل» alerts: it caches nothing and handles no requests.
"use strict";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

// An address on this site only: an alert never opens another site.
function sameSite(url) {
  try {
    var target = new URL(url, self.location.origin);
    return target.origin === self.location.origin ? target.href : "/";
  } catch (error) {
    return "/";
  }
}

self.addEventListener("push", function (event) {
  var alert = {};
  try {
    alert = event.data ? event.data.json() : {};
  } catch (error) {
    alert = {};
  }
  event.waitUntil(
    self.registration.showNotification(alert.title || "عاجل", {
      body: alert.body || "",
      tag: alert.tag || "sahafa-alert",
      icon: alert.icon,
      lang: "ar",
      dir: "rtl",
      data: { url: sameSite(alert.url || "/") },
    })
  );
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var url = (event.notification.data && event.notification.data.url) || "/";
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (open) {
      for (var i = 0; i < open.length; i++) {
        if (open[i].url === url && "focus" in open[i]) return open[i].focus();
      }
      return self.clients.openWindow(url);
    })
  );
});
