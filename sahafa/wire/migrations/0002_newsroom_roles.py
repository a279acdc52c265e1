from django.contrib.auth.management import create_permissions
from django.db import migrations

# Writers and editors read the queue and make drafts of its items (drafting also needs
# articles.add_article, which both have); editors alone configure the agencies' feeds.
PERMISSIONS = {
    "كاتب": [
        "view_feed",
        "view_wireitem",
        "view_articlesource",
        "change_articlesource",
    ],
    "محرر": [
        "add_feed",
        "change_feed",
        "delete_feed",
        "view_feed",
        "view_wireitem",
        "view_articlesource",
        "change_articlesource",
    ],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("wire")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="wire", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=list(PERMISSIONS)):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="wire"))


class Migration(migrations.Migration):
    dependencies = [
        ("wire", "0001_initial"),
        ("newsroom", "0001_newsroom_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
