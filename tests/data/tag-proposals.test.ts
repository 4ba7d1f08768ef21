/**
 * Tags a journalist proposes (lib/data/articles/tag-proposals.ts): kept by name on the article or its pending update,
 * never a tag nor shown to readers until the article is published, then created (audited) and added after its tags,
 * whoever publishes it: an editor by hand, the schedule, or an editor publishing the update.
 */
import { describe, expect, it } from "vitest";
import { getArticleForEditor, saveArticle } from "@/lib/data/articles/editor";
import { getPublishedArticle } from "@/lib/data/articles/public";
import { publishUpdate, submitUpdate } from "@/lib/data/articles/updates";
import { publishArticle, publishDueArticles, scheduleArticle } from "@/lib/data/articles/workflow";
import { saveInput } from "../support/article-saves";
import { makeArticle, makeUser, rawDb, uid } from "../support/factories";

async function existingTag() {
  const id = uid();
  return rawDb().tag.create({ data: { name: `Water ${id}`, slug: `water-${id}` } });
}

/** A journalist's draft, and an editor. */
async function draftAndDesk(options: Parameters<typeof makeArticle>[1] = {}) {
  const journalist = await makeUser("JOURNALIST");
  const editor = await makeUser("EDITOR");
  return { journalist, editor, article: await makeArticle(journalist, options) };
}

const tagsOf = async (articleId: string) =>
  (await rawDb().articleTag.findMany({ where: { articleId }, orderBy: { position: "asc" }, select: { tag: { select: { name: true } } } })).map((t) => t.tag.name);

describe("a journalist's proposed tag", () => {
  it("is kept on the draft, not created, and shown after the article's tags in the editor of both journalist and desk", async () => {
    const { journalist, editor, article } = await draftAndDesk();
    const water = await existingTag();
    const proposal = `Reservoir levels ${uid()}`;
    await saveArticle(journalist, await saveInput(journalist, article.id, { tags: [proposal, water.name] }));

    expect(await rawDb().tag.findFirst({ where: { name: proposal } })).toBeNull();
    expect(await tagsOf(article.id)).toEqual([water.name]);
    expect(await rawDb().article.findUniqueOrThrow({ where: { id: article.id }, select: { proposedTags: true } })).toEqual({ proposedTags: [proposal] });
    for (const reader of [journalist, editor]) {
      expect(await getArticleForEditor(reader, article.id)).toMatchObject({ tags: [water.name, proposal], proposedTags: [proposal] });
    }

    // The desk saving the draft keeps the proposal a proposal; a name of its own is created at once.
    const deskTag = `Desk tag ${uid()}`;
    await saveArticle(editor, await saveInput(editor, article.id, { tags: [water.name, proposal, deskTag] }));
    expect(await rawDb().tag.findFirst({ where: { name: proposal } })).toBeNull();
    expect(await tagsOf(article.id)).toEqual([water.name, deskTag]);
  });

  it("becomes a tag, audited, when an editor publishes the article, and readers see it then", async () => {
    const { journalist, editor, article } = await draftAndDesk();
    const water = await existingTag();
    const proposal = `Flood barrier ${uid()}`;
    await saveArticle(journalist, await saveInput(journalist, article.id, { tags: [water.name, proposal] }));
    expect((await getPublishedArticle(article.section.slug, article.slug))?.tags ?? []).toEqual([]);

    await publishArticle(editor, article.id);
    const created = await rawDb().tag.findFirstOrThrow({ where: { name: proposal } });
    expect(await tagsOf(article.id)).toEqual([water.name, proposal]);
    expect((await rawDb().article.findUniqueOrThrow({ where: { id: article.id } })).proposedTags).toEqual([]);
    const audit = await rawDb().auditLog.findFirstOrThrow({ where: { action: "tag.create", targetId: created.id } });
    expect(audit).toMatchObject({ actorId: editor.id, details: { name: proposal, proposedFor: article.id } });
    const published = await getPublishedArticle(article.section.slug, article.slug);
    expect(published?.tags.map((t) => t.name)).toEqual([water.name, proposal]);
  });

  it("turned down by an editor (removed before publishing) is never created", async () => {
    const { journalist, editor, article } = await draftAndDesk();
    const proposal = `Turned down ${uid()}`;
    await saveArticle(journalist, await saveInput(journalist, article.id, { tags: [proposal] }));
    await saveArticle(editor, await saveInput(editor, article.id, { tags: [] }));
    await publishArticle(editor, article.id);
    expect(await rawDb().tag.findFirst({ where: { name: proposal } })).toBeNull();
    expect(await tagsOf(article.id)).toEqual([]);
  });

  it("is created when the schedule publishes the article (by the system), joining a tag made meanwhile rather than a twin", async () => {
    const { journalist, editor, article } = await draftAndDesk();
    const [first, second] = [`Night crews ${uid()}`, `Pipe map ${uid()}`];
    await saveArticle(journalist, await saveInput(journalist, article.id, { tags: [first, second] }));
    const at = new Date(Date.now() + 60_000);
    await scheduleArticle(editor, article.id, at);
    expect(await rawDb().tag.findFirst({ where: { name: first } })).toBeNull();
    // Someone creates one of them (differently cased) before the article goes out.
    const meanwhile = await rawDb().tag.create({ data: { name: second.toUpperCase(), slug: `pipe-map-made-${uid()}` } });

    expect(await publishDueArticles({ now: at })).toContain(article.id);
    expect(await tagsOf(article.id)).toEqual([first, meanwhile.name]);
    expect(await rawDb().tag.count({ where: { name: { equals: second, mode: "insensitive" } } })).toBe(1);
    const created = await rawDb().tag.findFirstOrThrow({ where: { name: first } });
    expect(await rawDb().auditLog.findFirstOrThrow({ where: { action: "tag.create", targetId: created.id } })).toMatchObject({ actorId: null });
  });

  it("in a pending update of a published article is created when the desk publishes the update", async () => {
    const { journalist, editor, article } = await draftAndDesk({ status: "PUBLISHED" });
    const proposal = `Update tag ${uid()}`;
    const saved = await saveArticle(journalist, await saveInput(journalist, article.id, { tags: [proposal] }));
    expect(saved.pending).toBe(true);
    expect(await rawDb().pendingUpdate.findUniqueOrThrow({ where: { articleId: article.id } })).toMatchObject({ tagIds: [], proposedTags: [proposal] });
    expect(await getArticleForEditor(journalist, article.id)).toMatchObject({ tags: [proposal], proposedTags: [proposal] });
    expect(await rawDb().tag.findFirst({ where: { name: proposal } })).toBeNull();

    await submitUpdate(journalist, article.id);
    await publishUpdate(editor, article.id);
    expect(await tagsOf(article.id)).toEqual([proposal]);
    expect((await rawDb().article.findUniqueOrThrow({ where: { id: article.id } })).proposedTags).toEqual([]);
  });
});
