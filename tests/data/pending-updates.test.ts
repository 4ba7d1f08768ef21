/**
 * Editorial integrity (issue 20): a journalist's changes to a scheduled or published article wait as a pending update
 * until the desk publishes them; the URL and the byline of such an article are the desk's; every live change is a
 * revision.
 */
import { describe, expect, it } from "vitest";
import { getArticleForEditor, saveArticle } from "@/lib/data/articles/editor";
import { discardUpdate, publishUpdate, sendBackUpdate, submitUpdate } from "@/lib/data/articles/updates";
import { listArticlesForDashboard, listUpdatesForReview } from "@/lib/data/articles/dashboard";
import { getPublishedArticle } from "@/lib/data/articles/public";
import { listRevisions, restoreRevision } from "@/lib/data/articles/revisions";
import { scheduleArticle, unpublishArticle } from "@/lib/data/articles/workflow";
import { ConflictError, ForbiddenError, NotFoundError, WorkflowError } from "@/lib/data/errors";
import { documentFromParagraphs } from "@/lib/content/document";
import type { SessionUser } from "@/lib/data/types";
import { saveInput } from "../support/article-saves";
import { makeArticle, makeUser, rawDb, uid } from "../support/factories";

const LONG_TEXT =
  "The council voted again on Thursday and changed the plan: the oldest pipes in the north districts will be replaced first, " +
  "crews will work at night to keep water running for schools and clinics, and a public map will show each week's work so " +
  "families can plan around the cuts. The mayor said the fund would cover the first two years.";

/** A published article by `author`, a minute old, with an editor to review it. */
async function publishedStory(author: SessionUser) {
  const article = await makeArticle(author, { status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000) });
  return { article, editor: await makeUser("EDITOR") };
}

const row = (id: string) => rawDb().article.findUniqueOrThrow({ where: { id }, include: { authors: { orderBy: { position: "asc" } } } });
const pendingOf = (articleId: string) => rawDb().pendingUpdate.findUnique({ where: { articleId } });

/** The journalist's save of a new headline and text, as the editor page sends it. */
async function writeUpdate(journalist: SessionUser, articleId: string, headline = `Council changes the water plan ${uid()}`, text = LONG_TEXT) {
  return saveArticle(journalist, await saveInput(journalist, articleId, { headline, body: documentFromParagraphs([text]) }));
}

describe("a journalist's save of a published article", () => {
  it("is kept as a pending update: the live article, its public page and its cache tags are unchanged", async () => {
    const journalist = await makeUser("JOURNALIST");
    const { article, editor } = await publishedStory(journalist);
    const before = await row(article.id);
    const since = new Date();
    const saved = await writeUpdate(journalist, article.id, "Eight words only, and a new headline too");

    expect(saved).toMatchObject({ pending: true, version: before.version + 1 });
    const after = await row(article.id);
    expect({ headline: after.headline, bodyHtml: after.bodyHtml, bodyText: after.bodyText, revisedAt: after.revisedAt, slug: after.slug }).toEqual({
      headline: before.headline,
      bodyHtml: before.bodyHtml,
      bodyText: before.bodyText,
      revisedAt: null,
      slug: before.slug,
    });
    expect(await getPublishedArticle(article.section.slug, article.slug)).toMatchObject({ headline: before.headline });
    expect(await rawDb().cacheTag.findMany({ where: { expiredAt: { gte: since } } })).toEqual([]);
    expect(await pendingOf(article.id)).toMatchObject({ status: "DRAFT", headline: "Eight words only, and a new headline too", bodyText: LONG_TEXT });

    // The journalist's editor shows the pending text; the desk's shows the live text and describes the update.
    expect(await getArticleForEditor(journalist, article.id)).toMatchObject({ headline: "Eight words only, and a new headline too", editsLive: false, pendingUpdate: { status: "DRAFT" } });
    const desk = await getArticleForEditor(editor, article.id);
    expect(desk).toMatchObject({ headline: before.headline, editsLive: true });
    expect(desk.pendingUpdate).toMatchObject({ live: { headline: before.headline }, pending: { headline: "Eight words only, and a new headline too", bodyText: LONG_TEXT } });
    expect((await listRevisions(journalist, article.id))[0]).toMatchObject({ kind: "MANUAL", isPendingUpdate: true });
  });

  it("keeps the save path's version and conflict rules: autosaves go on, a stale save is a 409 kept as a revision", async () => {
    const journalist = await makeUser("JOURNALIST");
    const { article } = await publishedStory(journalist);
    const first = await writeUpdate(journalist, article.id);
    const next = await saveArticle(journalist, { ...(await saveInput(journalist, article.id)), mode: "autosave", dek: "A new dek for the update, still pending." });
    expect(next.version).toBe(first.version + 1);
    const stale = { ...(await saveInput(journalist, article.id)), baseVersion: first.version, body: documentFromParagraphs(["Words from a stale tab."]) };
    await expect(saveArticle(journalist, stale)).rejects.toBeInstanceOf(ConflictError);
    expect(await rawDb().revision.findFirst({ where: { articleId: article.id, kind: "CONFLICT" } })).toMatchObject({ bodyText: "Words from a stale tab.", isPendingUpdate: true });
    expect((await pendingOf(article.id))?.dek).toBe("A new dek for the update, still pending.");
  });

  it("is kept pending for a scheduled article too", async () => {
    const journalist = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(journalist, { status: "IN_REVIEW" });
    await scheduleArticle(editor, article.id, new Date(Date.now() + 86_400_000));
    await writeUpdate(journalist, article.id, "A scheduled story rewritten");
    expect((await row(article.id)).headline).toBe(article.headline);
    expect((await pendingOf(article.id))?.headline).toBe("A scheduled story rewritten");
  });

  it("cannot change the slug, the section or the byline of a published or scheduled article, pending or not", async () => {
    const journalist = await makeUser("JOURNALIST");
    const other = await makeUser("JOURNALIST");
    const { article, editor } = await publishedStory(journalist);
    const scheduled = await makeArticle(journalist, { status: "IN_REVIEW" });
    await scheduleArticle(editor, scheduled.id, new Date(Date.now() + 86_400_000));
    const section = await rawDb().section.create({ data: { name: `Elsewhere ${uid()}`, slug: `elsewhere-${uid()}` } });
    for (const target of [article, scheduled]) {
      const before = await row(target.id);
      for (const change of [{ slug: `renamed-${uid()}` }, { sectionId: section.id }, { authorIds: [journalist.id, other.id] }]) {
        const attempt = saveArticle(journalist, await saveInput(journalist, target.id, { ...change, headline: "Sneaked in with it" }));
        await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
        await expect(attempt).rejects.toMatchObject({ permission: "article:update:live" });
      }
      const after = await row(target.id);
      expect([after.slug, after.sectionId, after.authors.map((a) => a.userId), after.version]).toEqual([before.slug, before.sectionId, [journalist.id], before.version]);
      expect(await pendingOf(target.id)).toBeNull();
    }
    // The desk changes them live.
    const newSlug = `desk-renamed-${uid()}`;
    await saveArticle(editor, await saveInput(editor, article.id, { slug: newSlug, authorIds: [journalist.id, other.id] }));
    expect(await row(article.id)).toMatchObject({ slug: newSlug, authors: [{ userId: journalist.id }, { userId: other.id }] });
  });
});

describe("the review of a pending update", () => {
  it("submit → the desk's queue lists it apart from new stories → publish applies it, with a revision, the Updated time and the cache tags", async () => {
    const journalist = await makeUser("JOURNALIST");
    const coAuthor = await makeUser("JOURNALIST");
    const { article, editor } = await publishedStory(journalist);
    await rawDb().articleAuthor.create({ data: { articleId: article.id, userId: coAuthor.id, position: 1 } });
    const headline = `The council changes its water plan ${uid()}`;
    await writeUpdate(journalist, article.id, headline);
    await expect(publishUpdate(editor, article.id)).rejects.toThrow("There is no update waiting for review on this article.");
    await submitUpdate(journalist, article.id);
    expect(await pendingOf(article.id)).toMatchObject({ status: "IN_REVIEW", submittedAt: expect.any(Date) });
    expect((await listUpdatesForReview(editor)).map((u) => u.articleId)).toContain(article.id);
    expect((await listArticlesForDashboard(editor, { status: "IN_REVIEW", perPage: 200 })).items.map((a) => a.id)).not.toContain(article.id);

    // Meanwhile the desk renames the article live: the update keeps the desk's URL and byline.
    const newSlug = `renamed-by-the-desk-${uid()}`;
    await saveArticle(editor, await saveInput(editor, article.id, { slug: newSlug }));
    const since = new Date();
    await publishUpdate(editor, article.id);

    const after = await row(article.id);
    expect(after).toMatchObject({ headline, bodyText: LONG_TEXT, slug: newSlug, status: "PUBLISHED" });
    expect(after.authors.map((a) => a.userId)).toEqual([journalist.id, coAuthor.id]);
    expect(after.revisedAt!.getTime()).toBeGreaterThanOrEqual(since.getTime());
    expect(await pendingOf(article.id)).toBeNull();
    expect(await rawDb().revision.count({ where: { articleId: article.id, kind: "UPDATE", headline } })).toBe(1);
    expect(await rawDb().auditLog.count({ where: { targetId: article.id, action: { in: ["article.update_submit", "article.update_publish"] } } })).toBe(2);
    const tags = (await rawDb().cacheTag.findMany({ where: { expiredAt: { gte: since } } })).map((t) => t.tag);
    expect(tags).toEqual(expect.arrayContaining([`article:${newSlug}`, "home", "latest", `section:${article.section.slug}`, `author:${journalist.slug}`]));
    const page = await getPublishedArticle(article.section.slug, newSlug);
    expect(page).toMatchObject({ headline, revisedAt: after.revisedAt });
    expect((await getArticleForEditor(journalist, article.id)).pendingUpdate).toBeNull();
  });

  it("enforces the publish checklist on the update's content, and changes nothing when it fails", async () => {
    const journalist = await makeUser("JOURNALIST");
    const { article, editor } = await publishedStory(journalist);
    await writeUpdate(journalist, article.id, "A new headline", "Eight words only, the rest was deleted here.");
    await submitUpdate(journalist, article.id);
    const before = await row(article.id);
    const attempt = publishUpdate(editor, article.id);
    await expect(attempt).rejects.toBeInstanceOf(WorkflowError);
    await expect(attempt).rejects.toMatchObject({ missing: [expect.stringMatching(/^Write at least 50 words in the body \(it has 8\)/)] });
    expect(await row(article.id)).toMatchObject({ headline: before.headline, bodyText: before.bodyText, version: before.version });
    expect(await pendingOf(article.id)).toMatchObject({ status: "IN_REVIEW", headline: "A new headline" });
  });

  it("the desk sends it back with a note the journalist sees; the journalist submits again", async () => {
    const journalist = await makeUser("JOURNALIST");
    const { article, editor } = await publishedStory(journalist);
    await writeUpdate(journalist, article.id);
    await submitUpdate(journalist, article.id);
    await expect(sendBackUpdate(journalist, article.id, "no")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(publishUpdate(journalist, article.id)).rejects.toBeInstanceOf(ForbiddenError);
    await sendBackUpdate(editor, article.id, "Attribute the mayor's figure.");
    expect(await pendingOf(article.id)).toMatchObject({ status: "CHANGES_REQUESTED", submittedAt: null });
    expect(await rawDb().editorialNote.findFirst({ where: { articleId: article.id } })).toMatchObject({ body: "Attribute the mayor's figure.", authorId: editor.id });
    expect((await row(article.id)).headline).toBe(article.headline);
    await submitUpdate(journalist, article.id);
    expect((await pendingOf(article.id))?.status).toBe("IN_REVIEW");
  });

  it("the journalist discards it: the live text comes back in the editor, the discarded text stays in the history", async () => {
    const journalist = await makeUser("JOURNALIST");
    const stranger = await makeUser("JOURNALIST");
    const { article } = await publishedStory(journalist);
    await writeUpdate(journalist, article.id, "A rewrite to throw away");
    await expect(discardUpdate(stranger, article.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitUpdate(stranger, article.id)).rejects.toBeInstanceOf(NotFoundError);
    await discardUpdate(journalist, article.id);
    expect(await pendingOf(article.id)).toBeNull();
    expect(await getArticleForEditor(journalist, article.id)).toMatchObject({ headline: article.headline, pendingUpdate: null });
    expect(await rawDb().revision.findFirst({ where: { articleId: article.id, kind: "DISCARD" } })).toMatchObject({ headline: "A rewrite to throw away", isPendingUpdate: true });
    await expect(discardUpdate(journalist, article.id)).rejects.toBeInstanceOf(WorkflowError);
  });

  it("restoring a revision as the journalist goes to the pending update, not live", async () => {
    const journalist = await makeUser("JOURNALIST");
    const { article } = await publishedStory(journalist);
    await writeUpdate(journalist, article.id, "First pending headline");
    const first = (await listRevisions(journalist, article.id)).find((r) => r.headline === "First pending headline")!;
    await writeUpdate(journalist, article.id, "Second pending headline");
    await restoreRevision(journalist, first.id);
    expect((await row(article.id)).headline).toBe(article.headline);
    expect((await pendingOf(article.id))?.headline).toBe("First pending headline");
  });

  it("an article taken off the site takes its pending update in: its authors edit it directly again", async () => {
    const journalist = await makeUser("JOURNALIST");
    const { article, editor } = await publishedStory(journalist);
    await writeUpdate(journalist, article.id, "Pending when it was unpublished");
    await unpublishArticle(editor, article.id);
    expect(await row(article.id)).toMatchObject({ status: "ARCHIVED", headline: "Pending when it was unpublished", bodyText: LONG_TEXT });
    expect(await pendingOf(article.id)).toBeNull();
    const saved = await writeUpdate(journalist, article.id, "Edited directly now");
    expect(saved.pending).toBe(false);
    expect((await row(article.id)).headline).toBe("Edited directly now");
  });
});

describe("the desk's live edits", () => {
  it("go live as before, and every save of a published article is a revision", async () => {
    const journalist = await makeUser("JOURNALIST");
    const { article, editor } = await publishedStory(journalist);
    for (let i = 0; i < 3; i++) await saveArticle(editor, { ...(await saveInput(editor, article.id)), mode: "autosave", headline: `Desk headline ${i}` });
    expect((await row(article.id)).headline).toBe("Desk headline 2");
    const autosaves = (await listRevisions(editor, article.id)).filter((r) => r.kind === "AUTOSAVE").map((r) => r.headline);
    expect(autosaves).toEqual(["Desk headline 2", "Desk headline 1", "Desk headline 0"]);
  });

  it("leave a journalist's pending update in place, and both keep their images in use", async () => {
    const journalist = await makeUser("JOURNALIST");
    const { article, editor } = await publishedStory(journalist);
    const image = await rawDb().media.create({
      data: { uploaderId: journalist.id, hash: `pending-${uid()}`, storageKey: `pending/${uid()}`, filename: "p.jpg", mimeType: "image/jpeg", bytes: 1, width: 8, height: 6, alt: "A pipe" },
    });
    await saveArticle(journalist, await saveInput(journalist, article.id, { featuredImageId: image.id }));
    await saveArticle(editor, await saveInput(editor, article.id, { dek: "The desk's own change, live at once, long enough to read." }));
    expect((await row(article.id)).dek).toBe("The desk's own change, live at once, long enough to read.");
    expect((await pendingOf(article.id))?.featuredImageId).toBe(image.id);
    expect(await rawDb().mediaUsage.findMany({ where: { articleId: article.id }, select: { mediaId: true } })).toEqual([{ mediaId: image.id }]);
  });
});
