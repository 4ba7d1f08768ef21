-- AlterTable
ALTER TABLE "ArticlePresence" ADD COLUMN     "displacedAt" TIMESTAMP(3),
ADD COLUMN     "displacedById" TEXT;
