-- CreateEnum
CREATE TYPE "LiveEntryChange" AS ENUM ('POSTED', 'EDITED', 'DELETED');

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "coverageEndAt" TIMESTAMP(3),
ADD COLUMN     "coverageStartAt" TIMESTAMP(3),
ADD COLUMN     "isLive" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "liveSeq" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "LiveEntry" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "body" JSONB NOT NULL,
    "bodyHtml" TEXT NOT NULL DEFAULT '',
    "bodyText" TEXT NOT NULL DEFAULT '',
    "isKeyEvent" BOOLEAN NOT NULL DEFAULT false,
    "isPinned" BOOLEAN NOT NULL DEFAULT false,
    "postedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "postedById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveEntryAuthor" (
    "entryId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "LiveEntryAuthor_pkey" PRIMARY KEY ("entryId","userId")
);

-- CreateTable
CREATE TABLE "LiveEntryRevision" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "change" "LiveEntryChange" NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL DEFAULT '',
    "isKeyEvent" BOOLEAN NOT NULL DEFAULT false,
    "isPinned" BOOLEAN NOT NULL DEFAULT false,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveEntryRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveEntryDraft" (
    "articleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "body" JSONB NOT NULL,
    "isKeyEvent" BOOLEAN NOT NULL DEFAULT false,
    "isPinned" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveEntryDraft_pkey" PRIMARY KEY ("articleId","userId")
);

-- CreateIndex
CREATE INDEX "LiveEntry_articleId_deletedAt_postedAt_idx" ON "LiveEntry"("articleId", "deletedAt", "postedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "LiveEntry_articleId_seq_key" ON "LiveEntry"("articleId", "seq");

-- CreateIndex
CREATE INDEX "LiveEntryAuthor_userId_idx" ON "LiveEntryAuthor"("userId");

-- CreateIndex
CREATE INDEX "LiveEntryRevision_entryId_createdAt_idx" ON "LiveEntryRevision"("entryId", "createdAt");

-- AddForeignKey
ALTER TABLE "LiveEntry" ADD CONSTRAINT "LiveEntry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntry" ADD CONSTRAINT "LiveEntry_postedById_fkey" FOREIGN KEY ("postedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntryAuthor" ADD CONSTRAINT "LiveEntryAuthor_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LiveEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntryAuthor" ADD CONSTRAINT "LiveEntryAuthor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntryRevision" ADD CONSTRAINT "LiveEntryRevision_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LiveEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntryRevision" ADD CONSTRAINT "LiveEntryRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntryDraft" ADD CONSTRAINT "LiveEntryDraft_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntryDraft" ADD CONSTRAINT "LiveEntryDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
