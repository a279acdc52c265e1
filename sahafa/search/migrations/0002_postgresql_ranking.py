from django.db import migrations

from ._vendor import run_for_vendor

# PostgreSQL only: SQLite's FTS5 index has all it needs (backends.py).
#
# `ranking` is `document` with the body cut at its lead (its first 600 characters of terms,
# at a term's end), kept in the row (STORAGE MAIN): matches are ranked on it, a third of the
# bytes of the whole document, which only the GIN index reads. The headline's own GIN index
# tells which matches hold the words in the headline with one probe per query.
#
# `search_rankbound` holds, for each lexeme, the most that `ts_rank_cd(ranking, lexeme)`
# (weights D, C, B, A = 0.05, 0.1, 0.2, 1.0; normalization 1) gives an entry whose headline
# lacks it: the weights of its positions over ln(1 + the positions of the entry). Triggers
# raise it as entries are written, so it is never below the truth (a removed entry may leave
# it above, which is safe); it starts afresh when the last entry goes (`sahafa reindex`,
# `flush`).
# A frequent word's matches then need only their headline matches ranked when the page's
# last one outscores every other (PostgreSQLBackend._bounded).
LEAD_CHARS = 600
BOUNDS_OF = """
    INSERT INTO search_rankbound AS bound (lexeme, rank)
    SELECT lexeme.lexeme, MAX((
        0.2::float8 * cardinality(array_positions(lexeme.weights, 'B'))
        + 0.1::float8 * cardinality(array_positions(lexeme.weights, 'C'))
        + 0.05::float8 * cardinality(array_positions(lexeme.weights, 'D'))
    ) / ln(1 + size.positions))
    FROM {entries} AS entry
    CROSS JOIN LATERAL (
        SELECT SUM(GREATEST(cardinality(positions), 1)) AS positions FROM unnest(entry.ranking)
    ) AS size
    CROSS JOIN LATERAL unnest(entry.ranking) AS lexeme
    WHERE NOT 'A' = ANY(lexeme.weights)
    GROUP BY lexeme.lexeme
    ON CONFLICT (lexeme) DO UPDATE SET rank = excluded.rank WHERE bound.rank < excluded.rank
"""
FORWARD = [
    f"""ALTER TABLE search_searchentry ADD COLUMN ranking tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, headline), 'A')
        || setweight(to_tsvector('simple'::regconfig, summary), 'B')
        || setweight(to_tsvector('simple'::regconfig, meta), 'C')
        || setweight(to_tsvector('simple'::regconfig, CASE
            WHEN length(body) <= {LEAD_CHARS} THEN body
            ELSE regexp_replace(left(body, {LEAD_CHARS + 1}), '\\S*$', '')
        END), 'D')
    ) STORED""",
    "ALTER TABLE search_searchentry ALTER COLUMN ranking SET STORAGE MAIN",
    """CREATE INDEX search_entry_headline_gin ON search_searchentry
        USING gin (to_tsvector('simple'::regconfig, headline))""",
    "CREATE TABLE search_rankbound (lexeme text PRIMARY KEY, rank double precision NOT NULL)",
    f"""CREATE FUNCTION search_raise_rank_bounds() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        {BOUNDS_OF.format(entries="written")};
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION search_forget_rank_bounds() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NOT EXISTS (SELECT FROM search_searchentry) THEN
            DELETE FROM search_rankbound;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER search_rank_bounds_after_insert AFTER INSERT ON search_searchentry
        REFERENCING NEW TABLE AS written
        FOR EACH STATEMENT EXECUTE FUNCTION search_raise_rank_bounds()""",
    """CREATE TRIGGER search_rank_bounds_after_update AFTER UPDATE ON search_searchentry
        REFERENCING NEW TABLE AS written
        FOR EACH STATEMENT EXECUTE FUNCTION search_raise_rank_bounds()""",
    """CREATE TRIGGER search_rank_bounds_after_delete AFTER DELETE ON search_searchentry
        FOR EACH STATEMENT EXECUTE FUNCTION search_forget_rank_bounds()""",
    # `flush` (and the tests' reset between transactional tests) truncates.
    """CREATE TRIGGER search_rank_bounds_after_truncate AFTER TRUNCATE ON search_searchentry
        FOR EACH STATEMENT EXECUTE FUNCTION search_forget_rank_bounds()""",
    # An existing index: each row written again keeps its `ranking` in the row and fires
    # the trigger that fills `search_rankbound`.
    "UPDATE search_searchentry SET headline = headline",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS search_rank_bounds_after_truncate ON search_searchentry",
    "DROP TRIGGER IF EXISTS search_rank_bounds_after_delete ON search_searchentry",
    "DROP TRIGGER IF EXISTS search_rank_bounds_after_update ON search_searchentry",
    "DROP TRIGGER IF EXISTS search_rank_bounds_after_insert ON search_searchentry",
    "DROP FUNCTION IF EXISTS search_forget_rank_bounds()",
    "DROP FUNCTION IF EXISTS search_raise_rank_bounds()",
    "DROP TABLE IF EXISTS search_rankbound",
    "DROP INDEX IF EXISTS search_entry_headline_gin",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS ranking",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run_for_vendor({"postgresql": FORWARD}), run_for_vendor({"postgresql": BACKWARD})
        )
    ]
