from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATION = [
    "comments.view_comment",
    "comments.change_comment",
    "comments.moderate_comment",
    "comments.view_commentlogentry",
    "comments.view_blockedsender",
    "comments.add_blockedsender",
    "comments.change_blockedsender",
    "comments.delete_blockedsender",
    "comments.view_blockedphrase",
    "comments.add_blockedphrase",
    "comments.change_blockedphrase",
    "comments.delete_blockedphrase",
    "comments.view_closingrule",
    "comments.add_closingrule",
    "comments.change_closingrule",
    "comments.delete_closingrule",
]
# Groups created by sahafa/newsroom/migrations/0001_newsroom_groups.py.
GROUPS = ["مشرف التعليقات", "محرر"]


def _permissions(apps):
    comments = apps.get_app_config("comments")
    comments.models_module = True
    create_permissions(comments, apps=apps, verbosity=0)
    comments.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label="comments", codename=perm.split(".")[1])
        for perm in MODERATION
    ]


def grant(apps, schema_editor):
    permissions = _permissions(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    permissions = _permissions(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("newsroom", "0001_newsroom_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
