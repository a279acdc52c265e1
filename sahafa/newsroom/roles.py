"""The newsroom's roles, as Django groups created by data migrations (permissions are
fixed in each migration, so a later change is a new migration)."""

WRITER = "كاتب"
EDITOR = "محرر"
COMMENT_MODERATOR = "مشرف التعليقات"
