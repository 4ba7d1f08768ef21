/**
 * Deleting articles (issue 20): the desk deletes what is not out (drafts, in review, unpublished), a journalist only
 * their own never-published draft; an audit entry keeps the headline and the URL, and a URL that was ever published
 * keeps answering 410 Gone, as an unpublished one's does, also after the desk files it elsewhere.
 */
import { describe, expect, it, vi } from "vitest";
import { deleteArticle } from "@/lib/data/articles/delete";
import { isGonePath } from "@/lib/data/articles/gone";
import { saveArticle } from "@/lib/data/articles/editor";
import { createPreviewLink } from "@/lib/data/articles/previews";
import { addCorrection, publishArticle, scheduleArticle, unpublishArticle } from "@/lib/data/articles/workflow";
import { ForbiddenError, NotFoundError, WorkflowError } from "@/lib/data/errors";
import { saveInput } from "../support/article-saves";
import { makeArticle, makeSection, makeUser, rawDb, uid } from "../support/factories";
import { makeSpanishEdition } from "../support/search-factories";
import { articleAnswer } from "../support/article-route";
import { expireElsewhere } from "../support/cache-tags";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

const exists = async (id: string) => (await rawDb().article.count({ where: { id } })) === 1;
const DATABASE_URL = process.env.DATABASE_URL;

describe("deleting an article", () => {
  it("lets the desk delete a draft, an article in review and an unpublished one, with an audit entry naming it", async () => {
    const journalist = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    for (const status of ["DRAFT", "IN_REVIEW", "ARCHIVED"] as const) {
      const article = await makeArticle(journalist, { status, publishedAt: status === "ARCHIVED" ? new Date(Date.now() - 86_400_000) : null });
      await deleteArticle(editor, article.id);
      expect(await exists(article.id)).toBe(false);
      const entry = await rawDb().auditLog.findFirst({ where: { action: "article.delete", targetId: article.id } });
      expect(entry).toMatchObject({ actorId: editor.id, details: { headline: article.headline, slug: article.slug, path: `/${article.section.slug}/${article.slug}`, status } });
    }
  });

  it("takes its revisions, notes, previews and corrections with it, and leaves its images in the library", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor, { status: "PUBLISHED" });
    const image = await rawDb().media.create({
      data: { uploaderId: editor.id, hash: `delete-${uid()}`, storageKey: `delete/${uid()}`, filename: "d.jpg", mimeType: "image/jpeg", bytes: 1, width: 8, height: 6, alt: "A pipe" },
    });
    await saveArticle(editor, await saveInput(editor, article.id, { featuredImageId: image.id }));
    await addCorrection(editor, { articleId: article.id, kind: "CORRECTION", text: "An earlier version misspelled the street." });
    await rawDb().editorialNote.create({ data: { articleId: article.id, authorId: editor.id, body: "Checked." } });
    await unpublishArticle(editor, article.id);
    await createPreviewLink(editor, article.id);
    await deleteArticle(editor, article.id);
    const where = { articleId: article.id };
    const db = rawDb();
    expect([await db.revision.count({ where }), await db.editorialNote.count({ where }), await db.previewLink.count({ where }), await db.correction.count({ where }), await db.mediaUsage.count({ where })]).toEqual([0, 0, 0, 0, 0]);
    expect(await db.media.count({ where: { id: image.id } })).toBe(1);
  });

  it("refuses a published or scheduled article: it must be unpublished first", async () => {
    const editor = await makeUser("EDITOR");
    const published = await makeArticle(editor, { status: "PUBLISHED" });
    await expect(deleteArticle(editor, published.id)).rejects.toThrow("Unpublish this article before deleting it.");
    const scheduled = await makeArticle(editor, { status: "IN_REVIEW" });
    await scheduleArticle(editor, scheduled.id, new Date(Date.now() + 86_400_000));
    await expect(deleteArticle(editor, scheduled.id)).rejects.toBeInstanceOf(WorkflowError);
    expect([await exists(published.id), await exists(scheduled.id)]).toEqual([true, true]);
  });

  it("lets a journalist delete only a draft of their own that was never published", async () => {
    const journalist = await makeUser("JOURNALIST");
    const other = await makeUser("JOURNALIST");
    const own = await makeArticle(journalist);
    await deleteArticle(journalist, own.id);
    expect(await exists(own.id)).toBe(false);

    const inReview = await makeArticle(journalist, { status: "IN_REVIEW" });
    const once = await makeArticle(journalist, { status: "DRAFT", publishedAt: new Date(Date.now() - 86_400_000) });
    const coWritten = await makeArticle(other);
    await rawDb().articleAuthor.create({ data: { articleId: coWritten.id, userId: journalist.id, position: 1 } });
    for (const article of [inReview, once, coWritten]) {
      await expect(deleteArticle(journalist, article.id)).rejects.toMatchObject({ permission: "article:delete:any" });
      expect(await exists(article.id)).toBe(true);
    }
    await expect(deleteArticle(journalist, coWritten.id)).rejects.toBeInstanceOf(ForbiddenError);
    const strangers = await makeArticle(other);
    await expect(deleteArticle(journalist, strangers.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps answering 410 at every URL a deleted article was published at, until a published article answers there", async () => {
    const editor = await makeUser("EDITOR");
    // Published years ago (publishing keeps a first publish time): other files' tests look at the newest articles.
    const longAgo = new Date(Date.now() - 3 * 365 * 86_400_000);
    const article = await makeArticle(editor, { status: "IN_REVIEW", publishedAt: longAgo });
    await publishArticle(editor, article.id);
    const renamed = `renamed-${uid()}`;
    await saveArticle(editor, await saveInput(editor, article.id, { slug: renamed }));
    await unpublishArticle(editor, article.id);
    const since = new Date();
    await deleteArticle(editor, article.id);

    const paths = [`/${article.section.slug}/${renamed}`, `/${article.section.slug}/${article.slug}`];
    expect((await rawDb().gonePath.findMany({ where: { articleId: article.id }, orderBy: { path: "asc" } })).map((g) => g.path)).toEqual([...paths].sort());
    expect((await rawDb().cacheTag.findMany({ where: { expiredAt: { gte: since } } })).map((t) => t.tag)).toContain("gone");
    expect(await rawDb().slugRedirect.count({ where: { targetId: article.id } })).toBe(0);
    for (const path of paths) expect(await isGonePath(path, DATABASE_URL)).toBe(true);

    // A new story published at the old address answers there (the 410 list reloads on the publish's notification).
    const successor = await makeArticle(editor, { status: "IN_REVIEW", sectionId: article.sectionId, publishedAt: longAgo });
    await rawDb().article.update({ where: { id: successor.id }, data: { slug: renamed } });
    await publishArticle(editor, successor.id);
    await expect.poll(() => isGonePath(paths[0]!, DATABASE_URL)).toBe(false);
    expect(await isGonePath(paths[1]!, DATABASE_URL)).toBe(true);
  });

  it("writes no 410 for an article that was never published", async () => {
    const editor = await makeUser("EDITOR");
    const draft = await makeArticle(editor);
    await deleteArticle(editor, draft.id);
    expect(await rawDb().gonePath.count({ where: { articleId: draft.id } })).toBe(0);
    expect(await isGonePath(`/${draft.section.slug}/${draft.slug}`, DATABASE_URL)).toBe(false);
  });

  it("answers 410 for a Spanish article at its Spanish URL (prefix and the section's Spanish slug), unpublished or deleted, never at an English one", async () => {
    await makeSpanishEdition();
    const editor = await makeUser("EDITOR");
    const longAgo = new Date(Date.now() - 3 * 365 * 86_400_000);
    const [translated, untranslated] = await Promise.all([makeArticle(editor, { status: "IN_REVIEW", publishedAt: longAgo }), makeArticle(editor, { status: "IN_REVIEW", publishedAt: longAgo })]);
    const localSlug = `seccion-${uid()}`;
    await rawDb().sectionTranslation.create({ data: { sectionId: translated.sectionId, editionId: "es", name: "Sección", slug: localSlug } });
    await rawDb().article.updateMany({ where: { id: { in: [translated.id, untranslated.id] } }, data: { editionId: "es", searchConfig: "spanish" } });
    for (const article of [translated, untranslated]) {
      await publishArticle(editor, article.id);
      await unpublishArticle(editor, article.id);
    }

    const spanishPath = `/es/${localSlug}/${translated.slug}`;
    await expect.poll(() => isGonePath(spanishPath, DATABASE_URL)).toBe(true);
    await expect.poll(() => isGonePath(`/es/${untranslated.section.slug}/${untranslated.slug}`, DATABASE_URL), { message: "a section without a Spanish name keeps its slug" }).toBe(true);
    expect(await isGonePath(`/${translated.section.slug}/${translated.slug}`, DATABASE_URL), "never at the English address").toBe(false);

    await deleteArticle(editor, translated.id);
    expect((await rawDb().gonePath.findMany({ where: { articleId: translated.id } })).map((g) => g.path)).toEqual([spanishPath]);
    await expect.poll(() => isGonePath(spanishPath, DATABASE_URL)).toBe(true);
  });
});

describe("an unpublished article", () => {
  it("keeps answering 410 at the address it was published at after the desk files it under another section", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor, { status: "PUBLISHED" });
    await unpublishArticle(editor, article.id);
    expect(await articleAnswer(null, article.section.slug, article.slug)).toBe("410");
    const other = await makeSection();
    await saveArticle(editor, await saveInput(editor, article.id, { sectionId: other.id }));
    // The move itself announces nothing (an archived article's save expires no tag), so the in-memory gone list
    // changes at the next change anyone makes anywhere; one unrelated expiry stands for it.
    await expireElsewhere([`unrelated-${uid()}`]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await articleAnswer(null, article.section.slug, article.slug)).toBe("410");
    // Put back in its new section, it answers there, and its former address leads to it.
    await publishArticle(editor, article.id);
    expect(await articleAnswer(null, other.slug, article.slug)).toBe("200");
    expect(await articleAnswer(null, article.section.slug, article.slug)).toBe(`308 /${other.slug}/${article.slug}`);
  });

  it("a Spanish story answers 410 after its take-down at the section's default slug under /es/ too, where it answered 200", async () => {
    await makeSpanishEdition();
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor, { status: "PUBLISHED" });
    const localSlug = `seccion-${uid()}`;
    await rawDb().sectionTranslation.create({ data: { sectionId: article.sectionId, editionId: "es", name: "Sección", slug: localSlug } });
    await rawDb().article.update({ where: { id: article.id }, data: { editionId: "es", searchConfig: "spanish" } });
    expect([await articleAnswer("es", localSlug, article.slug), await articleAnswer("es", article.section.slug, article.slug)]).toEqual(["200", "200"]);
    await unpublishArticle(editor, article.id);
    await expect.poll(() => isGonePath(`/es/${localSlug}/${article.slug}`, DATABASE_URL)).toBe(true);
    expect([await articleAnswer("es", localSlug, article.slug), await articleAnswer("es", article.section.slug, article.slug)]).toEqual(["410", "410"]);
    expect(await articleAnswer(null, article.section.slug, article.slug), "never at the English address").toBe("404");
  });
});
