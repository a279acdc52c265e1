"""What the search migrations share (the loader skips modules starting with "_")."""


def run_for_vendor(statements_by_vendor):
    """A RunPython function running the statements listed for the database in use."""

    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return run
