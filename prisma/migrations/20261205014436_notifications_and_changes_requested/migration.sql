-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('SUBMITTED', 'SENT_BACK', 'PUBLISHED', 'PUBLISHED_BY_SCHEDULE', 'CORRECTED', 'NOTE', 'UPDATE_SUBMITTED', 'UPDATE_SENT_BACK', 'UPDATE_PUBLISHED');

-- CreateEnum
CREATE TYPE "NotificationEmail" AS ENUM ('NONE', 'PENDING', 'SENDING', 'SENT', 'FAILED');

-- AlterEnum
ALTER TYPE "ArticleStatus" ADD VALUE 'CHANGES_REQUESTED';

-- AlterEnum
ALTER TYPE "PendingUpdateStatus" ADD VALUE 'CHANGES_REQUESTED';

-- AlterTable
ALTER TABLE "EditorialNote" ADD COLUMN     "requestsChanges" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "bySchedule" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailNotifications" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "articleId" TEXT NOT NULL,
    "actorId" TEXT,
    "headline" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailState" "NotificationEmail" NOT NULL DEFAULT 'NONE',
    "emailAttempts" INTEGER NOT NULL DEFAULT 0,
    "emailClaimedAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Notification_articleId_idx" ON "Notification"("articleId");

-- CreateIndex
CREATE INDEX "Notification_emailState_createdAt_idx" ON "Notification"("emailState", "createdAt");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
