from django.contrib.auth.management import create_permissions
from django.db import migrations

# The groups created by sahafa/newsroom/migrations/0001_newsroom_groups.py.
WRITER = "كاتب"
EDITOR = "محرر"
WRITERS = [
    "view_image", "add_image", "change_image",
    "view_leadimage", "add_leadimage", "change_leadimage", "delete_leadimage",
]  # fmt: skip
EDITORS = [*WRITERS, "delete_image"]


def permissions(apps, codenames):
    media = apps.get_app_config("media")
    media.models_module = True
    create_permissions(media, apps=apps, verbosity=0)
    media.models_module = None
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="media", codename__in=codenames
    )


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in [(WRITER, WRITERS), (EDITOR, EDITORS)]:
        for group in Group.objects.filter(name=name):
            group.permissions.add(*permissions(apps, codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=[WRITER, EDITOR]):
        group.permissions.remove(*permissions(apps, EDITORS))


class Migration(migrations.Migration):
    dependencies = [
        ("media", "0001_library"),
        ("newsroom", "0001_newsroom_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
