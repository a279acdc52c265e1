from django.contrib.auth.management import create_permissions
from django.db import migrations


# Permission codenames per group, as "app_label.codename".
PERMISSIONS = {
    "كاتب": [
        "articles.add_article",
        "articles.change_article",
        "articles.view_article",
        "articles.view_section",
        "articles.view_tag",
        "articles.add_tag",
        "articles.view_author",
    ],
    "محرر": [
        "articles.add_article",
        "articles.change_article",
        "articles.delete_article",
        "articles.view_article",
        "articles.publish_article",
        "articles.edit_any_article",
        "articles.add_section",
        "articles.change_section",
        "articles.view_section",
        "articles.add_tag",
        "articles.change_tag",
        "articles.delete_tag",
        "articles.view_tag",
        "articles.add_author",
        "articles.change_author",
        "articles.view_author",
    ],
    "مشرف التعليقات": [
        "articles.view_article",
    ],
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for perm in perms:
            app_label, codename = perm.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
