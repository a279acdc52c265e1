"""One interface over two full-text engines, chosen from the database in use.

Both rank by text relevance with field weights (headline > kicker/standfirst > tags, authors,
section > body) blended with recency (docs/search.md):

    score = relevance × (1 + RECENCY_BOOST / (1 + age_in_days / RECENCY_DAYS))

Candidates are joined against the queryset they are given, which the caller builds from
``Article.objects.published()``: the index also holds scheduled articles, and they must stay
invisible until their time.
"""

from contextlib import contextmanager
from datetime import UTC

from django.db import connection

from sahafa.articles.models import Article

# bm25 weights for FTS5's columns, in order: headline, summary, meta, body.
SQLITE_WEIGHTS = (20.0, 4.0, 2.0, 1.0)
# ts_rank_cd's weights are given as {D, C, B, A}: body, meta, summary, headline.
POSTGRESQL_WEIGHTS = "{0.05, 0.1, 0.2, 1.0}"
RECENCY_BOOST = 0.5
RECENCY_DAYS = 7.0
# An article whose headline alone has every word asked for (any word, when falling back).
HEADLINE_FACTOR = 2.0


class SQLiteBackend:
    """FTS5 over the analyzed terms, ranked with bm25()."""

    def ranked(self, query, *, match_all, visible, now, limit, offset):
        visible_sql, visible_params = visible.values("id", "published_at").query.sql_with_params()
        weights = ", ".join(str(weight) for weight in SQLITE_WEIGHTS)
        # bm25() only works in the query over the FTS table itself, so the matches are
        # materialized first and then joined to the visible articles by id. The visible
        # matches are materialized too and counted on their own: a COUNT(*) OVER () would
        # hold every row for a full sort, where ORDER BY … LIMIT keeps only the best
        # (about a sixth less time for «الرياض», 12,000 matches; docs/benchmarks.md).
        sql = f"""
            WITH matches AS MATERIALIZED (
                SELECT rowid AS id, bm25(search_fts, {weights}) AS rank
                FROM search_fts WHERE search_fts MATCH %s
            ), in_headline AS MATERIALIZED (
                SELECT rowid AS id FROM search_fts WHERE search_fts MATCH %s
            ), visible_matches AS MATERIALIZED (
                SELECT matches.id, matches.rank, visible.published_at
                FROM matches JOIN ({visible_sql}) AS visible ON visible.id = matches.id
            )
            SELECT id,
                   -rank
                   * (1.0 + %s / (1.0 + (julianday(%s) - julianday(published_at)) / %s))
                   * (CASE WHEN id IN (SELECT id FROM in_headline) THEN %s ELSE 1.0 END)
                   AS score,
                   (SELECT COUNT(*) FROM visible_matches) AS total
            FROM visible_matches
            ORDER BY score DESC, published_at DESC, id DESC
            LIMIT %s OFFSET %s
        """
        params = [
            self.match_expression(query, match_all=match_all),
            f"headline : ({self.positive_expression(query, match_all=match_all)})",
            *visible_params,
            RECENCY_BOOST,
            now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
            RECENCY_DAYS,
            HEADLINE_FACTOR,
            limit,
            offset,
        ]
        return _fetch(sql, params)

    @staticmethod
    def positive_expression(query, *, match_all):
        return f" {'AND' if match_all else 'OR'} ".join(map(_fts5_clause, query.required))

    @staticmethod
    def match_expression(query, *, match_all):
        """An FTS5 query made only of quoted strings of our terms, joined by AND/OR/NOT.

        With all terms required, the words as typed are also OR-ed in as one phrase: it
        matches nothing new (it implies every clause) but bm25 scores it, so an article
        carrying the reader's words in the reader's order comes first.
        """
        positive = SQLiteBackend.positive_expression(query, match_all=match_all)
        as_typed = [clause[0] for clause in query.required]
        if match_all and len(as_typed) > 1 and all(len(phrase) == 1 for phrase in as_typed):
            positive = f"({positive}) OR {_fts5_string(term for (term,) in as_typed)}"
        if not query.excluded:
            return positive
        excluded = " OR ".join(_fts5_clause(clause) for clause in query.excluded)
        return f"({positive}) NOT ({excluded})"

    @contextmanager
    def bulk_load(self):
        """Suspend the triggers that keep search_fts in step row by row, and rebuild the FTS
        index from search_searchentry in one pass at the end. Run inside a transaction."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master "
                "WHERE type = 'trigger' AND tbl_name = 'search_searchentry'"
            )
            triggers = cursor.fetchall()
            for name, _sql in triggers:
                cursor.execute(f'DROP TRIGGER "{name}"')
            yield
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
            for _name, sql in triggers:
                cursor.execute(sql)

    def optimize(self):
        # Statistics for the articles too: with them, the planner joins the matches through
        # the articles' covering index `article_visible_idx` instead of their rows.
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            cursor.execute(f"ANALYZE {Article._meta.db_table}")

    def index_size(self):
        """Bytes of the FTS5 index's shadow tables."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'search_fts%' "
                "OR name = 'search_searchentry'"
            )
            return cursor.fetchone()[0] or 0


def _fts5_string(phrase):
    # An FTS5 string is a phrase of the tokens inside it; a double quote is written twice.
    return '"' + " ".join(phrase).replace('"', '""') + '"'


def _fts5_clause(clause):
    if len(clause) == 1:
        return _fts5_string(clause[0])
    return "(" + " OR ".join(map(_fts5_string, clause)) + ")"


class PostgreSQLBackend:
    """A weighted tsvector (GIN-indexed) over the analyzed terms, ranked with ts_rank_cd()."""

    def ranked(self, query, *, match_all, visible, now, limit, offset):
        visible_sql, visible_params = visible.values("id", "published_at").query.sql_with_params()
        tsquery_sql, tsquery_params = self.tsquery(query, match_all=match_all)
        sql = f"""
            SELECT entry.article_id,
                   ts_rank_cd(%s, entry.document, search.query, 1)
                   * (1.0 + %s / (1.0 +
                       EXTRACT(EPOCH FROM (%s - visible.published_at)) / 86400.0 / %s))
                   * (CASE WHEN ts_filter(entry.document, '{{a}}') @@ search.query
                      THEN %s ELSE 1.0 END) AS score,
                   COUNT(*) OVER () AS total
            FROM search_searchentry AS entry
            JOIN ({visible_sql}) AS visible ON visible.id = entry.article_id
            CROSS JOIN (SELECT {tsquery_sql} AS query) AS search
            WHERE entry.document @@ search.query
            ORDER BY score DESC, visible.published_at DESC, entry.article_id DESC
            LIMIT %s OFFSET %s
        """
        params = [
            POSTGRESQL_WEIGHTS,
            RECENCY_BOOST,
            now,
            RECENCY_DAYS,
            HEADLINE_FACTOR,
            *visible_params,
            *tsquery_params,
            limit,
            offset,
        ]
        return _fetch(sql, params)

    @staticmethod
    def tsquery(query, *, match_all):
        """A tsquery expression whose every term arrives as a bound parameter of
        phraseto_tsquery(): operators come from us, text from the query."""
        required_sql, params = _tsquery_clauses(query.required, " && " if match_all else " || ")
        if not query.excluded:
            return required_sql, params
        excluded_sql, excluded_params = _tsquery_clauses(query.excluded, " || ")
        return f"{required_sql} && !!{excluded_sql}", params + excluded_params

    @contextmanager
    def bulk_load(self):
        # The generated tsvector column and its GIN index need no help.
        yield

    def optimize(self):
        # Fresh statistics for both sides of the join: after a bulk import the planner may
        # still think few articles are published and probe the index once per article.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE search_searchentry, {Article._meta.db_table}")

    def index_size(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_total_relation_size('search_searchentry')")
            return cursor.fetchone()[0]


def _tsquery_clauses(clauses, operator):
    parts, params = [], []
    for clause in clauses:
        parts.append("(" + " || ".join(["phraseto_tsquery('simple', %s)"] * len(clause)) + ")")
        params += [" ".join(phrase) for phrase in clause]
    return "(" + operator.join(parts) + ")", params


def _fetch(sql, params):
    """([(article id, score)] in rank order, total number of matches)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [(row[0], row[1]) for row in rows], (rows[0][2] if rows else 0)


def current_backend():
    if connection.vendor == "postgresql":
        return PostgreSQLBackend()
    return SQLiteBackend()
