-- AlterTable
ALTER TABLE "Settings" ADD COLUMN     "adParagraph" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "houseAdEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "houseAdLinkUrl" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "houseAdText" TEXT NOT NULL DEFAULT 'Your message could be here: advertise with us.';
