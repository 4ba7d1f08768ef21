-- Search's "Did you mean …" per language edition (docs/decisions/0029-language-editions.md): each edition has its
-- own known words, so the Spanish search never suggests an English word and the other way round.

-- AlterTable
ALTER TABLE "SearchWord" DROP CONSTRAINT "SearchWord_pkey",
ADD COLUMN     "editionId" TEXT NOT NULL DEFAULT 'en',
ADD CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("editionId", "word");

-- Hand-written from here: what schema.prisma cannot express.

-- Adds the words of some articles' reader-visible text to their editions (one array element per article, the two
-- arrays in step): the same words as before (what to_tsvector('simple') splits out, lower-cased, not stemmed, 3 to 40
-- characters, without digits or the punctuation of addresses and hyphenated compounds), counted once per article.
-- Upserted in order, so concurrent publications lock the same rows in the same order and never deadlock.
CREATE FUNCTION "SearchWord_add"(editions text[], texts text[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO "SearchWord" ("editionId", word, documents)
    SELECT t.edition, w.word, count(*)
    FROM unnest(editions, texts) AS t(edition, body)
    CROSS JOIN LATERAL (
        SELECT DISTINCT lexeme AS word FROM unnest(to_tsvector('simple', t.body))
        WHERE length(lexeme) BETWEEN 3 AND 40 AND lexeme !~ '[0-9_/.@:+-]'
    ) w
    GROUP BY t.edition, w.word
    ORDER BY t.edition, w.word
    ON CONFLICT ("editionId", word) DO UPDATE SET documents = "SearchWord".documents + EXCLUDED.documents
$$;

CREATE OR REPLACE FUNCTION "SearchWord_collect_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "SearchWord_add"(
        ARRAY(SELECT "editionId" FROM new_rows WHERE status = 'PUBLISHED' ORDER BY id),
        ARRAY(SELECT concat_ws(' ', headline, dek, "bodyText") FROM new_rows WHERE status = 'PUBLISHED' ORDER BY id));
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "SearchWord_collect_updated"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changed "Article"[];
BEGIN
    changed := ARRAY(
        SELECT a FROM new_rows a JOIN old_rows o ON o.id = a.id
        WHERE a.status = 'PUBLISHED'
          AND (o.status IS DISTINCT FROM a.status OR o.headline IS DISTINCT FROM a.headline
               OR o.dek IS DISTINCT FROM a.dek OR o."bodyText" IS DISTINCT FROM a."bodyText"));
    PERFORM "SearchWord_add"(
        ARRAY(SELECT c."editionId" FROM unnest(changed) c),
        ARRAY(SELECT concat_ws(' ', c.headline, c.dek, c."bodyText") FROM unnest(changed) c));
    RETURN NULL;
END;
$$;

DROP FUNCTION "SearchWord_add"(text[]);

-- The words so far were every edition's together: learn them again, each under its article's edition.
TRUNCATE "SearchWord";
SELECT "SearchWord_add"(
    ARRAY(SELECT "editionId" FROM "Article" WHERE status = 'PUBLISHED' ORDER BY id),
    ARRAY(SELECT concat_ws(' ', headline, dek, "bodyText") FROM "Article" WHERE status = 'PUBLISHED' ORDER BY id));
