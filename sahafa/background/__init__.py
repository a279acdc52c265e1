"""Background work: Django's tasks framework (the django-tasks backport), retries, the
worker that `sahafa serve` runs beside the web server, and `sahafa tasks`."""
