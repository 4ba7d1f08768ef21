-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "leftBlankAt" TIMESTAMP(3),
ADD COLUMN     "proposedTags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "PendingUpdate" ADD COLUMN     "proposedTags" TEXT[] DEFAULT ARRAY[]::TEXT[];
