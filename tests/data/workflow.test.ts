import { describe, expect, it } from "vitest";
import { addCorrection, cancelSchedule, publishArticle, publishDueArticles, scheduleArticle, sendBack, submitForReview, unpublishArticle } from "@/lib/data/articles/workflow";
import { ForbiddenError, WorkflowError } from "@/lib/data/errors";
import { findPublishedPage, getPublishedArticle } from "@/lib/data/articles/public";
import { makeArticle, makeUser, rawDb, uid } from "../support/factories";
import { recordExpiries } from "../support/cache-tags";

describe("publishing", () => {
  it("refuses a journalist, and changes nothing", async () => {
    const journalist = await makeUser("JOURNALIST");
    const article = await makeArticle(journalist, { status: "IN_REVIEW" });
    await expect(publishArticle(journalist, article.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await rawDb().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("IN_REVIEW");
  });

  it("publishes, records a revision and an audit entry, and expires exactly the affected cache tags", async () => {
    const journalist = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(journalist, { status: "IN_REVIEW" });
    const before = new Date(Date.now() - 1000);
    await publishArticle(editor, article.id);

    const after = await rawDb().article.findUniqueOrThrow({ where: { id: article.id }, include: { section: true } });
    expect(after.status).toBe("PUBLISHED");
    expect(after.publishedAt).not.toBeNull();
    expect(await rawDb().revision.count({ where: { articleId: article.id, kind: "STATUS", status: "PUBLISHED" } })).toBe(1);
    expect(await rawDb().auditLog.count({ where: { action: "article.publish", targetId: article.id, actorId: editor.id } })).toBe(1);

    const tags = (await rawDb().cacheTag.findMany({ where: { expiredAt: { gte: before } } })).map((t) => t.tag);
    expect(tags).toEqual(expect.arrayContaining([`article:${after.slug}`, "home", "latest", `section:${after.section.slug}`, `author:${journalist.slug}`]));

    expect(await getPublishedArticle(after.section.slug, after.slug)).toMatchObject({ id: article.id });
    expect((await findPublishedPage({ sectionSlug: after.section.slug }, 1)).items.map((a) => a.id)).toContain(article.id);
  });

  it("unpublishes to ARCHIVED, which public queries never return", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor, { status: "PUBLISHED" });
    await unpublishArticle(editor, article.id);
    expect(await getPublishedArticle(article.section.slug, article.slug)).toBeNull();
    expect((await rawDb().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("ARCHIVED");
  });

  it("taking a story down, or putting it back, expires its former addresses too (each cached as a 308 to it)", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor, { status: "PUBLISHED" });
    const former = `former-${uid()}`;
    await rawDb().slugRedirect.create({ data: { entity: "ARTICLE", oldSlug: former, targetId: article.id } });
    const expiries = await recordExpiries();
    try {
      await unpublishArticle(editor, article.id);
      expect(await expiries.expiredWith(`article:${article.slug}`)).toEqual(expect.arrayContaining([`article:${former}`, "gone"]));
      await rawDb().article.update({ where: { id: article.id }, data: { slug: `${article.slug}-back` } });
      await publishArticle(editor, article.id);
      expect(await expiries.expiredWith(`article:${article.slug}-back`)).toEqual(expect.arrayContaining([`article:${former}`, "gone"]));
    } finally {
      await expiries.close();
    }
  });
});


describe("editorial workflow", () => {
  it("refuses to publish without a dateline and lists what is missing", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor, { status: "IN_REVIEW" });
    await rawDb().article.update({ where: { id: article.id }, data: { datelineCity: "" } });
    const attempt = publishArticle(editor, article.id);
    await expect(attempt).rejects.toBeInstanceOf(WorkflowError);
    await expect(attempt).rejects.toMatchObject({ missing: expect.arrayContaining([expect.stringMatching(/dateline/)]) });
    expect((await rawDb().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("IN_REVIEW");
  });

  it("lets an author submit, the desk send back with a note, and records both", async () => {
    const author = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(author);
    await submitForReview(author, article.id);
    await expect(submitForReview(author, article.id)).rejects.toBeInstanceOf(WorkflowError);
    await expect(sendBack(author, article.id, "no")).rejects.toBeInstanceOf(ForbiddenError);
    await sendBack(editor, article.id, "Needs a second source.");
    expect((await rawDb().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("CHANGES_REQUESTED");
    expect(await rawDb().editorialNote.findFirst({ where: { articleId: article.id } })).toMatchObject({ body: "Needs a second source.", authorId: editor.id });
    const actions = (await rawDb().auditLog.findMany({ where: { targetId: article.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["article.submit", "article.send_back"]);
  });

  it("never lets another journalist submit someone else's article", async () => {
    const author = await makeUser("JOURNALIST");
    const stranger = await makeUser("JOURNALIST");
    const article = await makeArticle(author);
    await expect(submitForReview(stranger, article.id)).rejects.toThrow(/not found/);
  });

  it("publishes scheduled articles when due, never early, exactly once across concurrent runs", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor, { status: "IN_REVIEW" });
    const at = new Date(Date.now() + 60_000);
    await scheduleArticle(editor, article.id, at);
    expect((await publishDueArticles({ now: new Date(at.getTime() - 1_000) })).includes(article.id)).toBe(false);
    expect((await rawDb().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("SCHEDULED");

    const runs = await Promise.all([publishDueArticles({ now: at }), publishDueArticles({ now: at }), publishDueArticles({ now: at })]);
    expect(runs.flat().filter((id) => id === article.id)).toHaveLength(1);
    const after = await rawDb().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after.status).toBe("PUBLISHED");
    expect(after.scheduledAt).toBeNull();
    expect(await rawDb().auditLog.count({ where: { targetId: article.id, action: "article.publish_scheduled" } })).toBe(1);
  });

  it("catches up on a schedule missed while no server ran", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor, { status: "IN_REVIEW" });
    await scheduleArticle(editor, article.id, new Date(Date.now() + 1_000), { now: new Date() });
    // Pretend the server was down for a day past the scheduled time.
    await rawDb().article.update({ where: { id: article.id }, data: { scheduledAt: new Date(Date.now() - 86_400_000) } });
    expect(await publishDueArticles()).toContain(article.id);
  });

  it("refuses a schedule in the past and lets the desk cancel one", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor, { status: "IN_REVIEW" });
    await expect(scheduleArticle(editor, article.id, new Date(Date.now() - 1_000))).rejects.toThrow("Choose a time in the future.");
    await scheduleArticle(editor, article.id, new Date(Date.now() + 3_600_000));
    await cancelSchedule(editor, article.id);
    expect((await rawDb().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("IN_REVIEW");
  });

  it("adds a correction that moves the modified time and expires the article's page", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor, { status: "PUBLISHED" });
    const before = new Date(Date.now() - 1000);
    await addCorrection(editor, { articleId: article.id, kind: "CORRECTION", text: "An earlier version misstated the date." });
    const after = await rawDb().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after.revisedAt!.getTime()).toBeGreaterThan(before.getTime());
    expect(await rawDb().cacheTag.findUnique({ where: { tag: `article:${article.slug}` } })).not.toBeNull();
    const page = await getPublishedArticle(article.section.slug, article.slug);
    expect(page?.corrections.map((c) => c.text)).toEqual(["An earlier version misstated the date."]);
    const journalist = await makeUser("JOURNALIST");
    await expect(addCorrection(journalist, { articleId: article.id, kind: "UPDATE", text: "Not allowed to add this." })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
