-- AlterTable
ALTER TABLE "Edition" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "NewsletterConsent" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "Subscriber" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';
