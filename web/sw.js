// Spanmark's service worker: keeps one whole build (shell, JS, wasm, styles, word lists) in a
// cache named after its files' hashes, so the page opens offline and never mixes two builds.
// scripts/web/finish-build.mjs writes the build's file list over the next line.
const BUILD = { version: 'unbuilt', files: [] };

const CACHE = `spanmark-${BUILD.version}`;
const SHELL = new URL('./', self.location.href).href;

// Fetch every file of this build (bypassing the HTTP cache, checked against its hash); if one
// is missing or changed (a deploy happened meanwhile), the install fails and is retried later.
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        BUILD.files.map(async ({ url, integrity }) => {
          const response = await fetch(new Request(url, { cache: 'reload', integrity }));
          if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
          await cache.put(url, response);
        }),
      ),
    ),
  );
});

// The new build takes over only when the page asks (the user chose "reload").
self.addEventListener('message', (event) => {
  if (event.data === 'activate') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((k) => k.startsWith('spanmark-') && k !== CACHE).map((k) => caches.delete(k))),
    ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const page = request.mode === 'navigate' && (url.href.split(/[?#]/)[0] === SHELL || url.pathname.endsWith('/index.html'));
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(page ? SHELL : request, { ignoreSearch: true });
      return hit || fetch(request);
    }),
  );
});
