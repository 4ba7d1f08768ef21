-- AlterTable
ALTER TABLE "Edition" ADD COLUMN     "breakingArticleId" TEXT;

-- Alerts already sent count: each story's first breaking alert that went out (or is going out) is its one alert.
UPDATE "Edition" e SET "breakingArticleId" = e.items[1]
FROM (
  SELECT DISTINCT ON (items[1]) id FROM "Edition"
  WHERE kind = 'BREAKING' AND status IN ('SENDING', 'SENT') AND cardinality(items) = 1
  ORDER BY items[1], "createdAt", id
) first_alert
WHERE e.id = first_alert.id;

-- CreateIndex
CREATE UNIQUE INDEX "Edition_breakingArticleId_key" ON "Edition"("breakingArticleId");
