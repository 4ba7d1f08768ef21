import { describe, expect, it } from "vitest";
import { createDraftArticle, getArticleForEditor, saveArticle } from "@/lib/data/articles/editor";
import { ConflictError, DataValidationError, ForbiddenError, NotFoundError } from "@/lib/data/errors";
import { locateArticle } from "@/lib/data/articles/public";
import { restoreRevision, listRevisions } from "@/lib/data/articles/revisions";
import { documentFromParagraphs } from "@/lib/content/document";
import { saveInput } from "../support/article-saves";
import { makeArticle, makeSection, makeUser, rawDb, uid } from "../support/factories";

describe("the editor's saves", () => {
  it("creates a draft bylined to its creator and saves new text as a new version", async () => {
    await makeSection();
    const journalist = await makeUser("JOURNALIST");
    const { id } = await createDraftArticle(journalist);
    const input = await saveInput(journalist, id, { headline: "Fresh words", body: documentFromParagraphs(["Hello <b>readers</b>."]) });
    const saved = await saveArticle(journalist, input);
    expect(saved.version).toBe(input.baseVersion + 1);
    const row = await rawDb().article.findUniqueOrThrow({ where: { id } });
    expect(row.bodyHtml).toBe("<p>Hello &lt;b&gt;readers&lt;/b&gt;.</p>");
    expect(row.bodyText).toBe("Hello <b>readers</b>.");
  });

  it("refuses a journalist's save of another journalist's article as not found, and changes nothing", async () => {
    const owner = await makeUser("JOURNALIST");
    const other = await makeUser("JOURNALIST");
    const article = await makeArticle(owner);
    const input = await saveInput(owner, article.id, { headline: "Hijacked" });
    await expect(saveArticle(other, input)).rejects.toBeInstanceOf(NotFoundError);
    const after = await rawDb().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after.headline).toBe(article.headline);
    expect(after.version).toBe(article.version);
  });

  it("lets an editor save any article, recording who edited it, and a co-author save their own", async () => {
    const owner = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const coAuthor = await makeUser("JOURNALIST");
    const article = await makeArticle(owner);
    await rawDb().articleAuthor.create({ data: { articleId: article.id, userId: coAuthor.id, position: 1 } });
    const saved = await saveArticle(editor, await saveInput(owner, article.id, { headline: "Edited by the desk", body: documentFromParagraphs(["New words."]) }));
    expect(saved.version).toBe(article.version + 1);
    const after = await rawDb().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after).toMatchObject({ headline: "Edited by the desk", bodyHtml: "<p>New words.</p>", lastEditedById: editor.id });
    const again = await saveArticle(coAuthor, await saveInput(coAuthor, article.id, { headline: "Co-written" }));
    expect(again.version).toBe(article.version + 2);
  });

  it("refuses a save based on an old version (409) and keeps the refused text as a revision", async () => {
    const journalist = await makeUser("JOURNALIST");
    const article = await makeArticle(journalist);
    const first = await saveInput(journalist, article.id, { headline: "Mine first" });
    const second = { ...first, headline: "Theirs second", body: documentFromParagraphs(["The words that must not be lost."]) };
    await saveArticle(journalist, first);
    await expect(saveArticle(journalist, second)).rejects.toBeInstanceOf(ConflictError);
    const conflict = await rawDb().revision.findFirst({ where: { articleId: article.id, kind: "CONFLICT" } });
    expect(conflict?.bodyText).toBe("The words that must not be lost.");
  });

  it("accepts exactly one of several saves sent at once on the same version; the others are conflicts kept as revisions", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor);
    const base = await saveInput(editor, article.id, { mode: "autosave" });
    const texts = Array.from({ length: 5 }, (_, i) => `Simultaneous save ${i} ${uid()}.`);
    const results = await Promise.allSettled(texts.map((text) => saveArticle(editor, { ...base, body: documentFromParagraphs([text]) })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason)).toEqual(Array(4).fill(expect.any(ConflictError)));
    const row = await rawDb().article.findUniqueOrThrow({ where: { id: article.id }, select: { version: true, bodyText: true } });
    expect(row.version).toBe(base.baseVersion + 1);
    const revisions = await rawDb().revision.findMany({ where: { articleId: article.id }, select: { bodyText: true } });
    for (const text of texts) expect([row.bodyText, ...revisions.map((r) => r.bodyText)]).toContain(text);
  });

  it("saves of different articles that create the same new tag at once all succeed, with one tag and one audit entry", async () => {
    const editor = await makeUser("EDITOR");
    const articles = await Promise.all(Array.from({ length: 4 }, () => makeArticle(editor)));
    const name = `Breaking ${uid()}`;
    const inputs = await Promise.all(articles.map((a) => saveInput(editor, a.id, { tags: [name] })));
    const results = await Promise.allSettled(inputs.map((input) => saveArticle(editor, input)));
    expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : "saved"))).toEqual(Array(4).fill("saved"));
    const tags = await rawDb().tag.findMany({ where: { name }, select: { id: true } });
    expect(tags).toHaveLength(1);
    expect(await rawDb().articleTag.count({ where: { tagId: tags[0]!.id } })).toBe(4);
    expect(await rawDb().auditLog.count({ where: { action: "tag.create", targetId: tags[0]!.id } })).toBe(1);
  });

  it("names the slug only when the slug is what another article uses", async () => {
    const editor = await makeUser("EDITOR");
    const [first, second] = await Promise.all([makeArticle(editor), makeArticle(editor)]);
    const error = await saveArticle(editor, await saveInput(editor, second.id, { slug: first.slug })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect(error).toMatchObject({ field: "slug" });
  });

  it("keeps the old URL working when a published article's slug changes", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor, { status: "PUBLISHED" });
    const newSlug = `renamed-${uid()}`;
    await saveArticle(editor, await saveInput(editor, article.id, { slug: newSlug }));
    expect(await locateArticle(article.section.slug, article.slug, article.editionId)).toEqual({ kind: "moved", sectionSlug: article.section.slug, slug: newSlug });
  });

  it("refuses a slug another article has", async () => {
    const editor = await makeUser("EDITOR");
    const a = await makeArticle(editor);
    const b = await makeArticle(editor);
    await expect(saveArticle(editor, await saveInput(editor, b.id, { slug: a.slug }))).rejects.toMatchObject({ field: "slug" });
  });

  it("lets editors create tags on the fly; a journalist's new name is only a proposal (tests/data/tag-proposals.test.ts)", async () => {
    const journalist = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(journalist);
    const name = `Brand new ${uid()}`;
    await saveArticle(journalist, await saveInput(journalist, article.id, { tags: [name] }));
    expect(await rawDb().tag.findFirst({ where: { name } })).toBeNull();
    const other = `Desk made ${uid()}`;
    await saveArticle(editor, await saveInput(editor, article.id, { tags: [other] }));
    expect(await rawDb().tag.findFirst({ where: { name: other } })).not.toBeNull();
    expect((await getArticleForEditor(journalist, article.id)).tags).toEqual([other]);
  });

  it("keeps co-authors in order and refuses a journalist removing themselves", async () => {
    const me = await makeUser("JOURNALIST");
    const other = await makeUser("JOURNALIST");
    const article = await makeArticle(me);
    await saveArticle(me, await saveInput(me, article.id, { authorIds: [other.id, me.id] }));
    expect((await getArticleForEditor(me, article.id)).authors.map((a) => a.id)).toEqual([other.id, me.id]);
    await expect(saveArticle(me, await saveInput(me, article.id, { authorIds: [other.id] }))).rejects.toMatchObject({ field: "authorIds" });
  });

  // Review rv-data: the byline took deactivated accounts, when a live entry's refuses them.
  it("refuses adding a deactivated account to the byline, naming the person, but keeps one already on it saveable", async () => {
    const editor = await makeUser("EDITOR");
    const departed = await makeUser("JOURNALIST");
    const article = await makeArticle(editor, { status: "PUBLISHED" });
    const theirs = await makeArticle(departed, { status: "PUBLISHED" });
    await rawDb().user.update({ where: { id: departed.id }, data: { status: "DEACTIVATED", name: `Former ${departed.name}` } });

    const attempt = saveArticle(editor, await saveInput(editor, article.id, { authorIds: [editor.id, departed.id] }));
    await expect(attempt).rejects.toBeInstanceOf(DataValidationError);
    await expect(attempt).rejects.toMatchObject({ field: "authorIds", message: `Former ${departed.name}'s account is not active: only active staff can be added to the byline.` });
    expect((await getArticleForEditor(editor, article.id)).authors.map((a) => a.id)).toEqual([editor.id]);

    // Their own story keeps its byline through the desk's edits, and takes a co-author beside them.
    await saveArticle(editor, await saveInput(editor, theirs.id, { headline: "The bridge reopens after a year of repairs" }));
    await saveArticle(editor, await saveInput(editor, theirs.id, { authorIds: [departed.id, editor.id] }));
    expect((await getArticleForEditor(editor, theirs.id)).authors.map((a) => a.id)).toEqual([departed.id, editor.id]);
  });

  it("refuses a journalist co-author removing the other authors from a published article's byline (issue 20, finding 10)", async () => {
    const owner = await makeUser("JOURNALIST");
    const coAuthor = await makeUser("JOURNALIST");
    const article = await makeArticle(owner, { status: "PUBLISHED" });
    await rawDb().articleAuthor.create({ data: { articleId: article.id, userId: coAuthor.id, position: 1 } });
    const attempt = saveArticle(coAuthor, await saveInput(coAuthor, article.id, { authorIds: [coAuthor.id] }));
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    await expect(attempt).rejects.toMatchObject({ permission: "article:update:live" });
    const byline = await rawDb().articleAuthor.findMany({ where: { articleId: article.id }, orderBy: { position: "asc" }, select: { userId: true } });
    expect(byline.map((a) => a.userId)).toEqual([owner.id, coAuthor.id]);
  });

  it("adds at most one autosave revision every few minutes, and one per manual save", async () => {
    const me = await makeUser("JOURNALIST");
    const article = await makeArticle(me);
    for (let i = 0; i < 3; i++) await saveArticle(me, await saveInput(me, article.id, { mode: "autosave", headline: `Autosave ${i}` }));
    await saveArticle(me, await saveInput(me, article.id, { mode: "manual", headline: "Manual" }));
    const kinds = (await listRevisions(me, article.id)).map((r) => r.kind);
    expect(kinds.filter((k) => k === "AUTOSAVE")).toHaveLength(1);
    expect(kinds.filter((k) => k === "MANUAL")).toHaveLength(1);
  });

  it("restores an old revision as a new version", async () => {
    const me = await makeUser("JOURNALIST");
    const article = await makeArticle(me);
    await saveArticle(me, await saveInput(me, article.id, { headline: "Version A", body: documentFromParagraphs(["Old text."]) }));
    const old = (await listRevisions(me, article.id)).find((r) => r.headline === "Version A")!;
    await saveArticle(me, await saveInput(me, article.id, { headline: "Version B", body: documentFromParagraphs(["New text."]) }));
    await restoreRevision(me, old.id);
    const after = await rawDb().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after.headline).toBe("Version A");
    expect(after.bodyText).toBe("Old text.");
    expect((await listRevisions(me, article.id))[0]?.kind).toBe("RESTORE");
  });
});
