-- CreateEnum
CREATE TYPE "PendingUpdateStatus" AS ENUM ('DRAFT', 'IN_REVIEW');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RevisionKind" ADD VALUE 'UPDATE';
ALTER TYPE "RevisionKind" ADD VALUE 'DISCARD';

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "isPendingUpdate" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PendingUpdate" (
    "articleId" TEXT NOT NULL,
    "status" "PendingUpdateStatus" NOT NULL DEFAULT 'DRAFT',
    "headline" TEXT NOT NULL,
    "dek" TEXT NOT NULL DEFAULT '',
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL DEFAULT '',
    "datelineCity" TEXT NOT NULL DEFAULT '',
    "seoTitle" TEXT NOT NULL DEFAULT '',
    "seoDescription" TEXT NOT NULL DEFAULT '',
    "featuredImageId" TEXT,
    "tagIds" TEXT[],
    "lastEditedById" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingUpdate_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "GonePath" (
    "path" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "deletedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GonePath_pkey" PRIMARY KEY ("path")
);

-- CreateIndex
CREATE INDEX "PendingUpdate_status_submittedAt_idx" ON "PendingUpdate"("status", "submittedAt");

-- AddForeignKey
ALTER TABLE "PendingUpdate" ADD CONSTRAINT "PendingUpdate_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingUpdate" ADD CONSTRAINT "PendingUpdate_featuredImageId_fkey" FOREIGN KEY ("featuredImageId") REFERENCES "Media"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingUpdate" ADD CONSTRAINT "PendingUpdate_lastEditedById_fkey" FOREIGN KEY ("lastEditedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
