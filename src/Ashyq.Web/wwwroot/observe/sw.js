// The observers' app works without a network: its shell, texts and forms are cached when installed and refreshed
// whenever the network answers; submissions are never cached here (the page queues them and sends them itself).
const CACHE = 'ashyq-observe-v1';
const SHELL = ['/observe/', '/observe/app.js', '/observe/app.css', '/observe/manifest.webmanifest', '/observe/icon.svg',
  '/observe/strings.json', '/api/observation/forms'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !SHELL.includes(url.pathname)) {
    return;
  }
  // Network first, so a new version of the forms arrives at once; the cache when there is no network.
  event.respondWith(fetch(event.request)
    .then(response => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then(cache => cache.put(url.pathname, copy));
      }
      return response;
    })
    .catch(() => caches.match(url.pathname)));
});
