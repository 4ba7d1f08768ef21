-- Search's "Did you mean …": the words of published articles, with a trigram index (pg_trgm) that finds the known
-- words nearest a misspelt one (lib/data/search.ts; docs/decisions/0018-readers-and-setup.md).

-- pg_trgm is one of PostgreSQL's contrib modules: embedded-postgres ships it, as do Debian's and Ubuntu's
-- postgresql packages (other distributions: postgresql-contrib) and the managed services. It is a trusted extension,
-- so the database's owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,
    "documents" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- Hand-written from here: what schema.prisma cannot express.

-- Adds the words of some articles' reader-visible text (headline, dek and body, one array element per article):
-- what to_tsvector('simple') splits out (lower-cased, not stemmed), 3 to 40 characters, without digits or the
-- punctuation of addresses and hyphenated compounds (whose parts are words of their own). A word counts once per
-- article. Words are upserted in order, so concurrent publications lock them in the same order and wait for each
-- other instead of deadlocking.
CREATE FUNCTION "SearchWord_add"(texts text[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO "SearchWord" (word, documents)
    SELECT w.word, count(*)
    FROM unnest(texts) AS t(body)
    CROSS JOIN LATERAL (
        SELECT DISTINCT lexeme AS word FROM unnest(to_tsvector('simple', t.body))
        WHERE length(lexeme) BETWEEN 3 AND 40 AND lexeme !~ '[0-9_/.@:+-]'
    ) w
    GROUP BY w.word
    ORDER BY w.word
    ON CONFLICT (word) DO UPDATE SET documents = "SearchWord".documents + EXCLUDED.documents
$$;

-- Statement-level triggers with transition tables: a bulk insert (the seed, a scheduler run) costs one upsert of its
-- words, not one per article. An update counts when an article becomes published, or its published headline, dek
-- or body text changes.
CREATE FUNCTION "SearchWord_collect_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "SearchWord_add"(ARRAY(SELECT concat_ws(' ', headline, dek, "bodyText") FROM new_rows WHERE status = 'PUBLISHED'));
    RETURN NULL;
END;
$$;

CREATE FUNCTION "SearchWord_collect_updated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "SearchWord_add"(ARRAY(
        SELECT concat_ws(' ', a.headline, a.dek, a."bodyText")
        FROM new_rows a JOIN old_rows o ON o.id = a.id
        WHERE a.status = 'PUBLISHED'
          AND (o.status IS DISTINCT FROM a.status OR o.headline IS DISTINCT FROM a.headline
               OR o.dek IS DISTINCT FROM a.dek OR o."bodyText" IS DISTINCT FROM a."bodyText")
    ));
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Article_search_words_insert"
    AFTER INSERT ON "Article"
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "SearchWord_collect_inserted"();

CREATE TRIGGER "Article_search_words_update"
    AFTER UPDATE ON "Article"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "SearchWord_collect_updated"();

-- The words of what is published already.
SELECT "SearchWord_add"(ARRAY(SELECT concat_ws(' ', headline, dek, "bodyText") FROM "Article" WHERE status = 'PUBLISHED'));
