"""The full-page cache for anonymous readers: pages stored in Django's cache with the
surrogate keys they show, served before Django builds a request, forgotten exactly when
what they show changes (and purged from a CDN), with HTTP caching headers and gzip."""
