/**
 * Shared documents in PostgreSQL (docs/decisions/0015-co-editing.md): who may join (lib/data/articles/shared-access),
 * an article turned into a shared document once, stores that write the article through the save path with one
 * revision per writing session window naming every contributor, and the REST save refused while a document is open.
 */
import * as Y from "yjs";
import { describe, expect, it, vi } from "vitest";
import { editorSchema } from "@/collab-server/schema";
import { documentAccess, readContent, setChoice, setText } from "@/lib/collab/document";
import { saveArticleOutsideSessions } from "@/lib/data/articles/editor";
import { checkCollaborators, markSharedDocumentsOpen } from "@/lib/data/articles/shared-access";
import { openSharedDocument, storeSharedDocument } from "@/lib/data/articles/shared-store";
import { publishArticle } from "@/lib/data/articles/workflow";
import { SharedSessionError } from "@/lib/data/errors";
import { saveInput } from "../support/article-saves";
import { makeArticle, makeUser, rawDb } from "../support/factories";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

const schema = editorSchema();
const live = (articleId: string) => ({ articleId, target: "live" as const });
const sessionVersionOf = async (id: string) => (await rawDb().user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;

/** A collaboration server's copy of the document, loaded from PostgreSQL. */
async function openCopy(articleId: string) {
  const doc = new Y.Doc();
  const access = documentAccess(doc, schema, "test-server");
  await openSharedDocument(live(articleId), access);
  return { doc, access };
}

describe("who may join a shared document", () => {
  it("lets authors and the desk write, sends a journalist of a published story to its update, refuses others, and ends stale sessions", async () => {
    const author = await makeUser("JOURNALIST");
    const outsider = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const draft = await makeArticle(author);
    const published = await makeArticle(author, { status: "PUBLISHED" });
    const as = async (user: { id: string }, articleId: string, target: "live" | "pending" = "live", sessionVersion?: number) => ({
      userId: user.id,
      sessionVersion: sessionVersion ?? (await sessionVersionOf(user.id)),
      articleId,
      target,
    });
    const verdicts = await checkCollaborators([
      await as(author, draft.id),
      await as(editor, draft.id),
      await as(outsider, draft.id),
      await as(author, published.id),
      await as(author, published.id, "pending"),
      await as(editor, published.id),
      await as(author, draft.id, "live", (await sessionVersionOf(author.id)) + 1),
    ]);
    expect(verdicts.map((v) => v.kind)).toEqual(["write", "write", "refused", "read", "write", "write", "ended"]);
    expect(verdicts[3]).toMatchObject({ expected: "pending" });

    await rawDb().user.update({ where: { id: author.id }, data: { status: "DEACTIVATED" } });
    expect((await checkCollaborators([await as(author, draft.id)]))[0]?.kind).toBe("ended");
  });
});

describe("storing a shared document", () => {
  it("turns the article into a document once, and each store writes the article, with one revision per window naming everyone", async () => {
    const author = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(author, { headline: "Water plan" });
    const first = await openCopy(article.id);
    const second = await openCopy(article.id);
    expect(readContent(first.doc)).toEqual(readContent(second.doc));
    expect(readContent(first.doc).body).toEqual(article.body);
    expect(await rawDb().sharedDocument.count({ where: { articleId: article.id } })).toBe(1);

    // Two people change the headline in one window: the first store writes the article, no revision yet.
    setText(first.doc, "headline", "Water plan approved");
    const stored = await storeSharedDocument(live(article.id), { access: first.access, contributions: [{ user: author, changed: [] }], mode: "autosave", closing: false });
    expect(stored).toMatchObject({ kind: "saved", version: article.version + 1, revision: false });
    expect((await rawDb().article.findUniqueOrThrow({ where: { id: article.id } })).headline).toBe("Water plan approved");

    setText(first.doc, "headline", "Water plan approved at last");
    const closed = await storeSharedDocument(live(article.id), { access: first.access, contributions: [{ user: editor, changed: [] }], mode: "autosave", closing: true });
    expect(closed).toMatchObject({ kind: "saved", revision: true });
    const revisions = await rawDb().revision.findMany({ where: { articleId: article.id }, include: { contributors: true } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]?.headline).toBe("Water plan approved at last");
    expect(revisions[0]?.contributors.map((c) => c.userId).sort()).toEqual([author.id, editor.id].sort());

    // The other server's copy takes in what was stored when it stores.
    await storeSharedDocument(live(article.id), { access: second.access, contributions: [], mode: "autosave", closing: true });
    expect(readContent(second.doc).headline).toBe("Water plan approved at last");
  });

  it("refuses a REST save while the document is open, keeping its text apart, and takes it once nobody is in it", async () => {
    const author = await makeUser("JOURNALIST");
    const article = await makeArticle(author);
    await openCopy(article.id);
    await markSharedDocumentsOpen([live(article.id)], new Date(Date.now() + 15_000));
    const input = await saveInput(author, article.id, { headline: "Written by a script" });
    await expect(saveArticleOutsideSessions(author, input)).rejects.toBeInstanceOf(SharedSessionError);
    const row = await rawDb().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(row.headline).toBe(article.headline);
    expect(await rawDb().revision.count({ where: { articleId: article.id, kind: "CONFLICT", headline: "Written by a script" } })).toBe(1);

    await markSharedDocumentsOpen([live(article.id)], null);
    expect((await saveArticleOutsideSessions(author, input)).version).toBe(article.version + 1);
  });
});

/**
 * The collaboration server trusts a "write" verdict for a moment (collab-server/guard.ts), so a journalist's last
 * keystrokes in a story's live text can reach a store after the desk published it. Decision 0014: they wait for the
 * desk as the story's pending update, or, when they cannot be told apart or moved there whole, as a CONFLICT revision.
 */
describe("storing a journalist's changes to a story the desk has just released", () => {
  async function publishedWhileTyping(change: (doc: Y.Doc) => void) {
    const journalist = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const story = await makeArticle(journalist, { status: "IN_REVIEW", headline: "Council approves water plan" });
    const copy = await openCopy(story.id);
    // The journalist is still typing in the live document when the editor presses Publish.
    change(copy.doc);
    await publishArticle(editor, story.id);
    const article = () => rawDb().article.findUniqueOrThrow({ where: { id: story.id }, include: { pendingUpdate: true } });
    return { journalist, editor, story, ...copy, article };
  }
  const conflicts = (articleId: string) => rawDb().revision.findMany({ where: { articleId, kind: "CONFLICT" }, include: { contributors: true } });

  it("does not put their last unstored keystrokes on the published page: they become the pending update", async () => {
    const { journalist, story, doc, access, article } = await publishedWhileTyping((doc) => setText(doc, "headline", "Council approves water plan (DRAFT: check the figures!)"));
    // The debounced store of the journalist's change runs after the publish committed.
    const outcome = await storeSharedDocument(live(story.id), { access, contributions: [{ user: journalist, changed: [] }], mode: "autosave", closing: false });
    expect(outcome.kind).toBe("saved");

    const after = await article();
    expect(after.status).toBe("PUBLISHED");
    expect(after.headline).toBe("Council approves water plan");
    expect(after.pendingUpdate).toMatchObject({ headline: "Council approves water plan (DRAFT: check the figures!)", lastEditedById: journalist.id, body: story.body });
    // The live document is the live text again, so the desk's next store does not publish the change either.
    expect(readContent(doc).headline).toBe("Council approves water plan");
  });

  it("leaves the URL to the desk when the slug only followed the headline, and takes the headline into the pending update", async () => {
    const { journalist, story, access, article } = await publishedWhileTyping((doc) => {
      // The editor lets the slug follow the headline of a story that was never published.
      setText(doc, "headline", "Water plan: the figures");
      setChoice(doc, "slug", "water-plan-the-figures");
    });
    await storeSharedDocument(live(story.id), { access, contributions: [{ user: journalist, changed: ["slug"] }], mode: "autosave", closing: false });

    const after = await article();
    expect(after).toMatchObject({ headline: "Council approves water plan", slug: story.slug });
    expect(after.pendingUpdate?.headline).toBe("Water plan: the figures");
  });

  it("keeps a change they may not make to a released story (its URL) as a CONFLICT revision, not live and not pending", async () => {
    const { journalist, story, access, article } = await publishedWhileTyping((doc) => {
      setText(doc, "headline", "Water plan: the figures");
      setChoice(doc, "slugEdited", true);
      setChoice(doc, "slug", "the-figures-of-the-water-plan");
    });
    await storeSharedDocument(live(story.id), { access, contributions: [{ user: journalist, changed: ["slug"] }], mode: "autosave", closing: false });

    const after = await article();
    expect(after).toMatchObject({ headline: "Council approves water plan", slug: story.slug, pendingUpdate: null });
    expect((await conflicts(story.id)).map((r) => [r.headline, r.authorId])).toEqual([["Water plan: the figures", journalist.id]]);
  });

  it("keeps changes the desk and a journalist made together as a CONFLICT revision naming both, since they cannot be told apart", async () => {
    const { journalist, editor, story, doc, access, article } = await publishedWhileTyping((doc) => setText(doc, "headline", "Council approves water plan, finally"));
    await storeSharedDocument(live(story.id), { access, contributions: [{ user: journalist, changed: [] }, { user: editor, changed: [] }], mode: "autosave", closing: false });

    const after = await article();
    expect(after).toMatchObject({ headline: "Council approves water plan", pendingUpdate: null });
    const [kept, ...others] = await conflicts(story.id);
    expect(others).toHaveLength(0);
    expect(kept?.headline).toBe("Council approves water plan, finally");
    expect(kept?.contributors.map((c) => c.userId).sort()).toEqual([journalist.id, editor.id].sort());
    expect(readContent(doc).headline).toBe("Council approves water plan");

    // The desk's own changes afterwards go live as before.
    setText(doc, "dek", "The vote was unanimous.");
    await storeSharedDocument(live(story.id), { access, contributions: [{ user: editor, changed: [] }], mode: "autosave", closing: false });
    expect((await article()).dek).toBe("The vote was unanimous.");
  });

  it("keeps their change as a CONFLICT revision when the pending update already changed the same field", async () => {
    const { journalist, story, access, article } = await publishedWhileTyping((doc) => setText(doc, "headline", "Council approves water plan in Monterrey"));
    await rawDb().pendingUpdate.create({
      data: { articleId: story.id, headline: "Council approves the water plan", dek: story.dek, body: story.body as object, bodyText: story.bodyText, datelineCity: story.datelineCity, lastEditedById: journalist.id },
    });
    await storeSharedDocument(live(story.id), { access, contributions: [{ user: journalist, changed: [] }], mode: "autosave", closing: false });

    const after = await article();
    expect(after.headline).toBe("Council approves water plan");
    expect(after.pendingUpdate?.headline).toBe("Council approves the water plan");
    expect((await conflicts(story.id)).map((r) => r.headline)).toEqual(["Council approves water plan in Monterrey"]);
  });
});
