"""Running the site and its background work: `sahafa serve` (granian, with a task worker
beside it), `sahafa worker`, `sahafa tasks`, and tasks that retry, on Django's tasks
framework (the django-tasks backport)."""
