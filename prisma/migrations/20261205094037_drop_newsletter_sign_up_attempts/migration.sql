-- DropTable
DROP TABLE "NewsletterSignUpAttempt";
