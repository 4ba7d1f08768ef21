-- CreateEnum
CREATE TYPE "SharedTarget" AS ENUM ('LIVE', 'PENDING');

-- DropForeignKey
ALTER TABLE "ArticlePresence" DROP CONSTRAINT "ArticlePresence_articleId_fkey";

-- DropForeignKey
ALTER TABLE "ArticlePresence" DROP CONSTRAINT "ArticlePresence_userId_fkey";

-- DropTable
DROP TABLE "ArticlePresence";

-- CreateTable
CREATE TABLE "RevisionContributor" (
    "revisionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "RevisionContributor_pkey" PRIMARY KEY ("revisionId","userId")
);

-- CreateTable
CREATE TABLE "SharedDocument" (
    "articleId" TEXT NOT NULL,
    "target" "SharedTarget" NOT NULL,
    "state" BYTEA NOT NULL,
    "articleVersion" INTEGER NOT NULL,
    "syncedContent" JSONB NOT NULL,
    "openUntil" TIMESTAMP(3),
    "windowStartedAt" TIMESTAMP(3),
    "windowContributorIds" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SharedDocument_pkey" PRIMARY KEY ("articleId","target")
);

-- CreateIndex
CREATE INDEX "RevisionContributor_userId_idx" ON "RevisionContributor"("userId");

-- AddForeignKey
ALTER TABLE "RevisionContributor" ADD CONSTRAINT "RevisionContributor_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevisionContributor" ADD CONSTRAINT "RevisionContributor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedDocument" ADD CONSTRAINT "SharedDocument_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
