-- CreateEnum
CREATE TYPE "SubscriberStatus" AS ENUM ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED', 'SUPPRESSED');

-- CreateEnum
CREATE TYPE "NewsletterKind" AS ENUM ('DIGEST', 'SECTION', 'BREAKING');

-- CreateEnum
CREATE TYPE "EditionStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'SENDING', 'SENT', 'CANCELLED');

-- CreateEnum
CREATE TYPE "NewsletterSendState" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'SUPPRESSED');

-- AlterTable
ALTER TABLE "Settings" ADD COLUMN     "brandColor" TEXT NOT NULL DEFAULT '#a4161a';

-- CreateTable
CREATE TABLE "Subscriber" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "status" "SubscriberStatus" NOT NULL DEFAULT 'PENDING',
    "pendingLists" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "confirmNonce" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "unsubscribedAt" TIMESTAMP(3),
    "suppressedAt" TIMESTAMP(3),
    "suppressedWhy" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Subscriber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewsletterMembership" (
    "subscriberId" TEXT NOT NULL,
    "list" TEXT NOT NULL,
    "kind" "NewsletterKind" NOT NULL,
    "sectionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewsletterMembership_pkey" PRIMARY KEY ("subscriberId","list")
);

-- CreateTable
CREATE TABLE "NewsletterConsent" (
    "id" TEXT NOT NULL,
    "subscriberId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "lists" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewsletterConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewsletterSignUpAttempt" (
    "id" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "ipHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewsletterSignUpAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Edition" (
    "id" TEXT NOT NULL,
    "kind" "NewsletterKind" NOT NULL,
    "sectionId" TEXT,
    "dayKey" TEXT,
    "subject" TEXT NOT NULL,
    "intro" TEXT NOT NULL DEFAULT '',
    "items" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "itemsEdited" BOOLEAN NOT NULL DEFAULT false,
    "status" "EditionStatus" NOT NULL DEFAULT 'DRAFT',
    "scheduledFor" TIMESTAMP(3),
    "createdById" TEXT,
    "html" TEXT,
    "text" TEXT,
    "queuedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Edition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewsletterSend" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "subscriberId" TEXT NOT NULL,
    "state" "NewsletterSendState" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT NOT NULL DEFAULT '',
    "unsubscribedAt" TIMESTAMP(3),

    CONSTRAINT "NewsletterSend_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Subscriber_email_key" ON "Subscriber"("email");

-- CreateIndex
CREATE INDEX "Subscriber_status_createdAt_idx" ON "Subscriber"("status", "createdAt");

-- CreateIndex
CREATE INDEX "NewsletterMembership_list_idx" ON "NewsletterMembership"("list");

-- CreateIndex
CREATE INDEX "NewsletterConsent_subscriberId_createdAt_idx" ON "NewsletterConsent"("subscriberId", "createdAt");

-- CreateIndex
CREATE INDEX "NewsletterSignUpAttempt_emailHash_createdAt_idx" ON "NewsletterSignUpAttempt"("emailHash", "createdAt");

-- CreateIndex
CREATE INDEX "NewsletterSignUpAttempt_ipHash_createdAt_idx" ON "NewsletterSignUpAttempt"("ipHash", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Edition_dayKey_key" ON "Edition"("dayKey");

-- CreateIndex
CREATE INDEX "Edition_status_scheduledFor_idx" ON "Edition"("status", "scheduledFor");

-- CreateIndex
CREATE INDEX "NewsletterSend_state_nextAttemptAt_idx" ON "NewsletterSend"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "NewsletterSend_sentAt_idx" ON "NewsletterSend"("sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "NewsletterSend_editionId_subscriberId_key" ON "NewsletterSend"("editionId", "subscriberId");

-- AddForeignKey
ALTER TABLE "NewsletterMembership" ADD CONSTRAINT "NewsletterMembership_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsletterMembership" ADD CONSTRAINT "NewsletterMembership_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsletterConsent" ADD CONSTRAINT "NewsletterConsent_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Edition" ADD CONSTRAINT "Edition_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsletterSend" ADD CONSTRAINT "NewsletterSend_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsletterSend" ADD CONSTRAINT "NewsletterSend_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;
