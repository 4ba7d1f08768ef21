-- CreateTable
CREATE TABLE "EditionSlugRedirect" (
    "id" TEXT NOT NULL,
    "entity" "RedirectEntity" NOT NULL,
    "editionId" TEXT NOT NULL,
    "oldSlug" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EditionSlugRedirect_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EditionSlugRedirect_entity_editionId_oldSlug_key" ON "EditionSlugRedirect"("entity", "editionId", "oldSlug");

-- AddForeignKey
ALTER TABLE "EditionSlugRedirect" ADD CONSTRAINT "EditionSlugRedirect_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "LanguageEdition"("id") ON DELETE CASCADE ON UPDATE CASCADE;
