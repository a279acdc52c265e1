from django.contrib.auth.management import create_permissions
from django.db import migrations

PIN_PERMISSIONS = ["view_relatedpin", "add_relatedpin", "change_relatedpin", "delete_relatedpin"]
# The editors' group, created by sahafa/newsroom/migrations/0001_newsroom_groups.py.
EDITOR = "محرر"


def pin_permissions(apps):
    related = apps.get_app_config("related")
    related.models_module = True
    create_permissions(related, apps=apps, verbosity=0)
    related.models_module = None
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="related", codename__in=PIN_PERMISSIONS
    )


def grant(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name=EDITOR):
        group.permissions.add(*pin_permissions(apps))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name=EDITOR):
        group.permissions.remove(*pin_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("related", "0001_initial"),
        ("newsroom", "0001_newsroom_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
