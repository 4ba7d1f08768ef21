-- Hand-written: what schema.prisma cannot express (see the comments there and docs/database.md).
-- `npm run db:migration` checks that Prisma's engine still sees the schema and the migrations as equal after it.

-- Article.searchVector: a generated full-text column over headline (weight A), dek (B) and body text (C).
-- PostgreSQL cannot turn a column into a generated one, so it is dropped and added again; the app never writes it.
-- Dropping the column drops its GIN index: recreate it under the name Prisma gives it.
ALTER TABLE "Article" DROP COLUMN "searchVector";
ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(headline, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(dek, '')), 'B') ||
    setweight(to_tsvector('english', coalesce("bodyText", '')), 'C')
) STORED;
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- User.email is stored lower-cased, so its unique index is case-insensitive. The app lower-cases; this enforces it.
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase_check" CHECK ("email" = lower("email"));

-- AuditLog is append-only: UPDATE and DELETE are refused for every role, the app's included.
CREATE FUNCTION "AuditLog_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP
        USING HINT = 'Audit entries are never changed or removed; record a new entry instead.';
END;
$$;

CREATE TRIGGER "AuditLog_append_only"
    BEFORE UPDATE OR DELETE ON "AuditLog"
    FOR EACH ROW EXECUTE FUNCTION "AuditLog_refuse_change"();

-- Settings holds a single row, with id 1.
ALTER TABLE "Settings" ADD CONSTRAINT "Settings_single_row_check" CHECK ("id" = 1);
