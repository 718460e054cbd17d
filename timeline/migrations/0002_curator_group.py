"""The "curator" group, with exactly the permissions curation needs (idempotent).

Permissions are normally created by a post_migrate signal, i.e. after this migration would
run on a fresh database, so they are created here first (``create_permissions`` is
idempotent). The same list lives in ``timeline.services.curation`` for the ``create_curator_group``
command; it is copied here because migrations must not import app code that may change.
"""

from django.db import migrations

CURATOR_GROUP = "curator"
CURATOR_PERMISSIONS = {
    "event": ("view", "add", "change", "delete"),
    "eventactor": ("view", "add", "change", "delete"),
    "excerpt": ("view", "add", "change"),
    "article": ("view", "add", "change"),
    "actor": ("view", "add", "change"),
    "place": ("view", "add", "change"),
    "publisher": ("view", "add", "change"),
}


def create_curator_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=CURATOR_GROUP)
    codenames = [f"{a}_{m}" for m, actions in CURATOR_PERMISSIONS.items() for a in actions]
    perms = Permission.objects.filter(content_type__app_label="timeline", codename__in=codenames)
    group.permissions.set(perms)


def remove_curator_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=CURATOR_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_curator_group, remove_curator_group)]
