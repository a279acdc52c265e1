"""One interface over two full-text engines, chosen from the database in use.

Both rank by text relevance with field weights (headline > kicker/standfirst > tags, authors,
section > body) blended with recency (docs/search.md):

    score = relevance × (1 + RECENCY_BOOST / (1 + age_in_days / RECENCY_DAYS))

Candidates are joined against the queryset they are given, which the caller builds from
``Article.objects.published()``: the index also holds scheduled articles, and they must stay
invisible until their time.
"""

import math
from contextlib import contextmanager
from datetime import UTC

from django.db import connection, transaction

from sahafa.articles.models import Article

from .models import SearchTerm

# bm25 weights for FTS5's columns, in order: headline, summary, meta, body.
SQLITE_WEIGHTS = (20.0, 4.0, 2.0, 1.0)
# ts_rank_cd's weights are given as {D, C, B, A}: body, meta, summary, headline.
POSTGRESQL_WEIGHTS = "{0.05, 0.1, 0.2, 1.0}"  # search_rankbound's too (migration 0002)
RECENCY_BOOST = 0.5
RECENCY_DAYS = 7.0
# An article whose headline alone has every word asked for (any word, when falling back).
HEADLINE_FACTOR = 2.0


# bm25() as FTS5 computes it (fts5_aux.c): k1 and b, and the floor of a phrase's idf.
BM25_K1 = 1.2
BM25_IDF_FLOOR = 1e-6
# With at least this many matches and no filter, the SQLite backend scores only the matches
# whose headline holds the words, when it can prove that no other match can reach the page.
BOUNDED_FROM = 1000


class SQLiteBackend:
    """FTS5 over the analyzed terms, ranked with bm25()."""

    def ranked(self, query, *, match_all, visible, now, limit, offset):
        """``visible`` is a queryset of the articles a match may be, or None for every
        public one (``Article.objects.published(now)``), which allows the bounded ranking."""
        if visible is None:
            bounded = self._bounded(query, match_all, now, limit, offset)
            if bounded is not None:
                return bounded
            visible = Article.objects.published(now).order_by()
        return self._every_match(query, match_all, visible, now, limit, offset)

    def _bounded(self, query, match_all, now, limit, offset):
        """The same answer as `_every_match` for a frequent word, scoring a few hundred
        matches instead of thousands, or None when it cannot be sure.

        bm25() reads each match's size and positions (about 1.4 µs a match: 17 ms for
        «الرياض»'s 12,000). Only matches whose headline holds the words get
        HEADLINE_FACTOR, and no match's bm25 reaches 2.2 × the sum of its phrases' idf
        (each phrase adds idf × f(k1 + 1) / (f + k1 × (…) ) with (…) > 0). So when the
        best headline matches score above that bound times the largest recency factor
        (the newest public article's), no other match can come before them, and only
        they need bm25. A phrase held by few rows (a clitic's other reading, the words as
        typed) would loosen that bound most, so its matches are scored too and it is left
        out of the bound. The count is every match less the hidden ones
        (`Article.objects.hidden`): two counts FTS5 answers from its index, without the
        join of every match to the articles (12 ms for «الرياض»)."""
        if _most_matches(query, match_all) < BOUNDED_FROM:
            return None
        expression = self.match_expression(query, match_all=match_all)
        headline = self.headline_expression(query, match_all=match_all)
        hidden_sql, hidden_params = Article.objects.hidden(now).query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH %s", [expression]
            )
            (matches,) = cursor.fetchone()
            if matches < BOUNDED_FROM:
                return None
            cursor.execute(
                "SELECT COUNT(*) FROM search_fts "
                f"WHERE search_fts MATCH %s AND +rowid IN ({hidden_sql})",
                [expression, *hidden_params],
            )
            (hidden,) = cursor.fetchone()
            rare, ceiling = [], 0.0
            for phrase in _positive_phrases(query, match_all):
                holding, idf = _idf(cursor, phrase)
                if holding < BOUNDED_FROM:
                    rare.append(_fts5_string(phrase))
                else:
                    ceiling += idf
            ceiling *= _largest_recency(now) * (BM25_K1 + 1.0)
        weights = ", ".join(str(weight) for weight in SQLITE_WEIGHTS)
        visible_sql, visible_params = (
            Article.objects.published(now).order_by().values("id", "published_at").query
        ).sql_with_params()
        sql = f"""
            WITH in_headline AS MATERIALIZED (
                SELECT rowid AS id FROM search_fts WHERE search_fts MATCH %s
            ), with_rare AS MATERIALIZED (
                SELECT rowid AS id FROM search_fts WHERE search_fts MATCH %s
            ), candidates AS MATERIALIZED (
                -- `+rowid`: FTS5 walks the matches and the lists are probed; offered a
                -- list, it would seek (and parse the query) once per id, 100× slower.
                SELECT rowid AS id, bm25(search_fts, {weights}) AS rank
                FROM search_fts WHERE search_fts MATCH %s
                AND (+rowid IN (SELECT id FROM in_headline) OR +rowid IN (SELECT id FROM with_rare))
            )
            SELECT candidates.id,
                   -rank
                   * (1.0 + %s / (1.0 + (julianday(%s) - julianday(published_at)) / %s))
                   * (CASE WHEN candidates.id IN (SELECT id FROM in_headline)
                      THEN %s ELSE 1.0 END) AS score
            FROM candidates JOIN ({visible_sql}) AS visible ON visible.id = candidates.id
            ORDER BY score DESC, published_at DESC, candidates.id DESC
            LIMIT %s
        """
        params = [
            headline,
            # No row holds this phrase of our terms, which are never empty strings.
            " OR ".join(rare) or '""',
            expression,
            RECENCY_BOOST,
            now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
            RECENCY_DAYS,
            HEADLINE_FACTOR,
            *visible_params,
            offset + limit,
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if len(rows) < offset + limit or not rows[-1][1] > ceiling:
            return None
        return [(row[0], row[1]) for row in rows[offset:]], matches - hidden

    def _every_match(self, query, match_all, visible, now, limit, offset):
        expression = self.match_expression(query, match_all=match_all)
        headline = self.headline_expression(query, match_all=match_all)
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
            expression,
            headline,
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
    def headline_expression(query, *, match_all):
        """Matches whose headline holds the words (any of them, when ``match_all`` is off)."""
        return f"headline : ({SQLiteBackend.positive_expression(query, match_all=match_all)})"

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


def _most_matches(query, match_all):
    """At most how many entries can match, from the vocabulary's counts (one indexed read):
    a phrase is in no more entries than its rarest term, a clause in no more than its
    phrases together; all clauses in no more than the rarest clause, any in no more than
    their sum. Only decides whether counting the matches is worth it."""
    terms = {term for clause in query.required for phrase in clause for term in phrase}
    documents = dict(SearchTerm.objects.filter(term__in=terms).values_list("term", "documents"))
    clauses = [
        sum(min(documents.get(term, 0) for term in phrase) for phrase in clause)
        for clause in query.required
    ]
    if not clauses:
        return 0
    return min(clauses) if match_all else sum(clauses)


def _largest_recency(now):
    """The largest recency factor any public article has now: the newest one's (1.5 for
    one published this moment). × 1.001: `now` is written to the second in the query, so
    an article published in that second may come out a hair younger than zero days."""
    newest = (
        Article.objects.published(now)
        .order_by("-published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    age_days = (now - newest).total_seconds() / 86400 if newest else 0.0
    return 1.001 * (1.0 + RECENCY_BOOST / (1.0 + max(0.0, age_days) / RECENCY_DAYS))


def _positive_phrases(query, match_all):
    """Every phrase of the FTS5 expression that a match can hold (exclusions add nothing
    to a match's bm25)."""
    phrases = [phrase for clause in query.required for phrase in clause]
    as_typed = [clause[0] for clause in query.required]
    if match_all and len(as_typed) > 1 and all(len(phrase) == 1 for phrase in as_typed):
        phrases.append(tuple(term for (term,) in as_typed))
    return phrases


def _idf(cursor, phrase):
    """(the rows holding ``phrase``, its idf as FTS5's bm25() computes it): the idf is
    log((N - n + 0.5) / (n + 0.5)), N the rows of the index (the first varint of its
    averages record), n those holding the phrase, floored at BM25_IDF_FLOOR."""
    cursor.execute(
        "SELECT (SELECT block FROM search_fts_data WHERE id = 1), "
        "(SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH %s)",
        [_fts5_string(phrase)],
    )
    averages, holding = cursor.fetchone()
    rows = _varint(averages)
    idf = math.log((rows - holding + 0.5) / (holding + 0.5))
    return holding, (idf if idf > 0 else BM25_IDF_FLOOR)


def _varint(data):
    """The first SQLite varint of ``data`` (big-endian, 7 bits a byte, the ninth byte whole)."""
    value = 0
    for index, byte in enumerate(data[:9]):
        if index == 8:
            return (value << 8) | byte
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value
    return value


def _fts5_string(phrase):
    # An FTS5 string is a phrase of the tokens inside it; a double quote is written twice.
    return '"' + " ".join(phrase).replace('"', '""') + '"'


def _fts5_clause(clause):
    if len(clause) == 1:
        return _fts5_string(clause[0])
    return "(" + " OR ".join(map(_fts5_string, clause)) + ")"


class PostgreSQLBackend:
    """A weighted tsvector (GIN-indexed) over the analyzed terms to match, ranked with
    ts_rank_cd() over a shorter one, `ranking` (migration 0002).

    Every function given a tsvector reads it whole, a few µs a row, so a frequent word's
    thousands of matches made it slow (docs/benchmarks.md, «السعودية»). So the matches come
    from the GIN index alone, whether the headline holds the words from the headline's own
    GIN index, and the score from `ranking`: the same fields and weights with the body cut
    at its lead, a third of the bytes. And as on SQLite, a frequent word ranks only its
    headline matches when they are sure to fill the page (`_bounded`)."""

    def ranked(self, query, *, match_all, visible, now, limit, offset):
        bounded = visible is None
        if bounded:
            visible = Article.objects.published(now).order_by()
        if _most_matches(query, match_all) < BOUNDED_FROM:
            # Few enough for the planner to read them through the GIN index by itself.
            return self._every_match(query, match_all, visible, now, limit, offset)
        with _through_indexes():
            answer = bounded and self._bounded(query, match_all, now, limit, offset)
            return answer or self._every_match(query, match_all, visible, now, limit, offset)

    def _bounded(self, query, match_all, now, limit, offset):
        """The same answer as `_every_match` for a frequent word, ranking only the matches
        whose headline holds it, or None when it cannot be sure.

        For a query of single words (any of them), a match whose headline holds none of
        them scores its words' positions' weights over ln(1 + its size), each word no more
        than `search_rankbound` says (kept by triggers, migration 0002), and gets no
        HEADLINE_FACTOR. So when the page's last headline match outscores the sum of those
        bounds times the largest recency factor, no other match can come before it. The
        count is every match less the hidden ones, both from the GIN index."""
        phrases = [phrase for clause in query.required for phrase in clause]
        if (
            query.excluded
            or (match_all and len(query.required) > 1)
            # One word each, which the `simple` parser keeps whole (not «covid-19»).
            or not all(len(phrase) == 1 and phrase[0].isalpha() for phrase in phrases)
        ):
            return None
        tsquery_sql, tsquery_params = self.tsquery(query, match_all=match_all)
        hidden_sql, hidden_params = Article.objects.hidden(now).query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                SELECT (SELECT COUNT(*) FROM search_searchentry
                        WHERE document @@ search.query),
                       (SELECT COUNT(*) FROM search_searchentry
                        WHERE article_id IN ({hidden_sql}) AND document @@ search.query),
                       (SELECT COALESCE(SUM(rank), 0) FROM search_rankbound
                        WHERE lexeme = ANY(tsvector_to_array(to_tsvector('simple', %s))))
                FROM (SELECT {tsquery_sql} AS query) AS search
                """,
                [*hidden_params, " ".join(phrase[0] for phrase in phrases), *tsquery_params],
            )
            matches, hidden, ceiling = cursor.fetchone()
            if matches < BOUNDED_FROM:
                return None
            # × 1.0001: ts_rank_cd() computes in single precision.
            ceiling *= _largest_recency(now) * 1.0001
            visible_sql, visible_params = (
                Article.objects.published(now).order_by().values("id", "published_at").query
            ).sql_with_params()
            cursor.execute(
                f"""
                WITH in_headline AS MATERIALIZED (
                    SELECT entry.article_id, ts_rank_cd(%s, entry.ranking, search.query, 1) AS rank
                    FROM search_searchentry AS entry
                    CROSS JOIN (SELECT {tsquery_sql} AS query) AS search
                    WHERE to_tsvector('simple', entry.headline) @@ search.query
                )
                SELECT in_headline.article_id, {_SCORE.format(in_headline="TRUE")} AS score
                FROM in_headline JOIN ({visible_sql}) AS visible
                ON visible.id = in_headline.article_id
                ORDER BY score DESC, visible.published_at DESC, in_headline.article_id DESC
                LIMIT %s
                """,
                [
                    POSTGRESQL_WEIGHTS,
                    *tsquery_params,
                    *_score_params(now),
                    *visible_params,
                    offset + limit,
                ],
            )
            rows = cursor.fetchall()
        if len(rows) < offset + limit or not rows[-1][1] > ceiling:
            return None
        return [(row[0], row[1]) for row in rows[offset:]], matches - hidden

    def _every_match(self, query, match_all, visible, now, limit, offset):
        visible_sql, visible_params = visible.values("id", "published_at").query.sql_with_params()
        tsquery_sql, tsquery_params = self.tsquery(query, match_all=match_all)
        # Each match is ranked where it is read (a MATERIALIZED step): later steps would
        # carry its `ranking` through the join and the count.
        sql = f"""
            WITH matches AS MATERIALIZED (
                SELECT entry.article_id,
                       ts_rank_cd(%s, entry.ranking, search.query, 1) AS rank,
                       entry.article_id IN (
                           SELECT article_id FROM search_searchentry
                           WHERE to_tsvector('simple', headline) @@ search.query
                       ) AS in_headline
                FROM search_searchentry AS entry
                CROSS JOIN (SELECT {tsquery_sql} AS query) AS search
                WHERE entry.document @@ search.query
            )
            SELECT matches.article_id, {_SCORE.format(in_headline="matches.in_headline")} AS score,
                   COUNT(*) OVER () AS total
            FROM matches JOIN ({visible_sql}) AS visible ON visible.id = matches.article_id
            ORDER BY score DESC, visible.published_at DESC, matches.article_id DESC
            LIMIT %s OFFSET %s
        """
        params = [
            POSTGRESQL_WEIGHTS,
            *tsquery_params,
            *_score_params(now),
            *visible_params,
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


# A ranked match's score: its rank (`rank`) × recency (`visible.published_at`) × the
# headline factor when `{in_headline}`.
_SCORE = """rank
    * (1.0 + %s / (1.0 + date_part('epoch', %s - visible.published_at) / 86400.0 / %s))
    * (CASE WHEN {in_headline} THEN %s ELSE 1.0 END)"""


def _score_params(now):
    return [RECENCY_BOOST, now, RECENCY_DAYS, HEADLINE_FACTOR]


@contextmanager
def _through_indexes():
    """Sequential scans off for the queries inside. The planner prices `@@` on a stored
    row as nearly free and scans the whole table for a frequent word, though each row's
    document is then read from TOAST (77 ms for «السعودية», 8 ms through the index).
    Transaction-local: inside a caller's transaction, set back as it was."""
    if not connection.in_atomic_block:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)"
        )
        (before, _off) = cursor.fetchone()
        yield
        cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [before])


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
