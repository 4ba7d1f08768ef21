-- AlterTable
ALTER TABLE "LanguageEdition" ADD COLUMN     "isPublic" BOOLEAN NOT NULL DEFAULT true;
