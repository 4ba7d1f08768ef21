-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "editionId" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "searchConfig" TEXT NOT NULL DEFAULT 'english',
ADD COLUMN     "translationGroupId" TEXT,
ADD COLUMN     "translationOutdated" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "translationSourceId" TEXT;

-- CreateTable
CREATE TABLE "LanguageEdition" (
    "id" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchConfig" TEXT NOT NULL DEFAULT 'simple',
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LanguageEdition_pkey" PRIMARY KEY ("id")
);

-- Hand-written: the default edition, English, which every existing article belongs to (the column's default above).
INSERT INTO "LanguageEdition" ("id", "locale", "name", "searchConfig", "isDefault", "position")
VALUES ('en', 'en-US', 'English', 'english', true, 0);

-- CreateTable
CREATE TABLE "SectionTranslation" (
    "sectionId" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SectionTranslation_pkey" PRIMARY KEY ("sectionId","editionId")
);

-- CreateTable
CREATE TABLE "TagTranslation" (
    "tagId" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,

    CONSTRAINT "TagTranslation_pkey" PRIMARY KEY ("tagId","editionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SectionTranslation_editionId_slug_key" ON "SectionTranslation"("editionId", "slug");

-- AddForeignKey
ALTER TABLE "SectionTranslation" ADD CONSTRAINT "SectionTranslation_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SectionTranslation" ADD CONSTRAINT "SectionTranslation_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "LanguageEdition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE UNIQUE INDEX "TagTranslation_editionId_slug_key" ON "TagTranslation"("editionId", "slug");

-- AddForeignKey
ALTER TABLE "TagTranslation" ADD CONSTRAINT "TagTranslation_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TagTranslation" ADD CONSTRAINT "TagTranslation_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "LanguageEdition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Article_translationSourceId_idx" ON "Article"("translationSourceId");

-- CreateIndex
CREATE INDEX "Article_editionId_status_publishedAt_idx" ON "Article"("editionId", "status", "publishedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Article_translationGroupId_editionId_key" ON "Article"("translationGroupId", "editionId");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "LanguageEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_translationSourceId_fkey" FOREIGN KEY ("translationSourceId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: search per edition (docs/decisions/0029-language-editions.md).
-- Accents are ignored in Spanish and in the fallback: text-search configurations that run unaccent before the
-- stemmer, so "inversion" finds "inversión" and ts_headline marks the accented word. English keeps its configuration
-- as it was, so an existing site searches exactly as before.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION dateline_spanish (COPY = pg_catalog.spanish);
ALTER TEXT SEARCH CONFIGURATION dateline_spanish ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
CREATE TEXT SEARCH CONFIGURATION dateline_simple (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION dateline_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- The search column now reads each article's configuration. A generated column may only use immutable expressions,
-- so the configuration is chosen by CASE among constants (a text cast to regconfig would depend on search_path).
-- Dropping the column drops its GIN index: recreate it under the name Prisma gives it.
ALTER TABLE "Article" DROP COLUMN "searchVector";
ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(CASE "searchConfig" WHEN 'english' THEN 'english'::regconfig WHEN 'spanish' THEN 'dateline_spanish'::regconfig ELSE 'dateline_simple'::regconfig END, coalesce(headline, '')), 'A') ||
    setweight(to_tsvector(CASE "searchConfig" WHEN 'english' THEN 'english'::regconfig WHEN 'spanish' THEN 'dateline_spanish'::regconfig ELSE 'dateline_simple'::regconfig END, coalesce(dek, '')), 'B') ||
    setweight(to_tsvector(CASE "searchConfig" WHEN 'english' THEN 'english'::regconfig WHEN 'spanish' THEN 'dateline_spanish'::regconfig ELSE 'dateline_simple'::regconfig END, coalesce("bodyText", '')), 'C')
) STORED;
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- Only the configurations the search column knows.
ALTER TABLE "Article" ADD CONSTRAINT "Article_searchConfig_check" CHECK ("searchConfig" IN ('english', 'spanish', 'simple'));
ALTER TABLE "LanguageEdition" ADD CONSTRAINT "LanguageEdition_searchConfig_check" CHECK ("searchConfig" IN ('english', 'spanish', 'simple'));
-- At most one default edition.
CREATE UNIQUE INDEX "LanguageEdition_one_default" ON "LanguageEdition" ("isDefault") WHERE "isDefault";
