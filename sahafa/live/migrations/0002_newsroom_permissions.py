from django.contrib.auth.management import create_permissions
from django.db import migrations

# Writers draft entries in any live blog; editors run the blogs and publish (roles.py).
# change_liveblog: to save entries from the blog's page, whose own fields are read-only.
WRITING = ["view_liveblog", "change_liveblog", "view_entry", "add_entry", "change_entry"]
PERMISSIONS = {
    "كاتب": WRITING,
    "محرر": [
        *WRITING,
        "add_liveblog",
        "delete_liveblog",
        "run_liveblog",
        "delete_entry",
        "publish_entry",
    ],
}


def _permission(apps, codename):
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label="live", codename=codename
    )


def grant(apps, schema_editor):
    live = apps.get_app_config("live")
    live.models_module = True
    create_permissions(live, apps=apps, verbosity=0)
    live.models_module = None
    for group in apps.get_model("auth", "Group").objects.filter(name__in=PERMISSIONS):
        group.permissions.add(*(_permission(apps, c) for c in PERMISSIONS[group.name]))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=PERMISSIONS):
        group.permissions.remove(*(_permission(apps, c) for c in PERMISSIONS[group.name]))


class Migration(migrations.Migration):
    dependencies = [
        ("live", "0001_live_blogs_and_entries"),
        ("newsroom", "0001_newsroom_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
