/**
 * "New article" leaves no "Untitled" row behind (lib/data/articles/blank-drafts.ts): a blank new draft is hidden from
 * the dashboard list, deleted (audited) a minute after its writer left it with nothing typed unless it was opened
 * again, or after a day with nobody in it; a draft anyone typed or chose anything in is never deleted.
 */
import { describe, expect, it, vi } from "vitest";
import { documentFromParagraphs } from "@/lib/content/document";
import { ABANDONED_BLANK_MS, LEFT_BLANK_GRACE_MS, markLeftBlank, sweepBlankDrafts } from "@/lib/data/articles/blank-drafts";
import { listArticlesForDashboard } from "@/lib/data/articles/dashboard";
import { createDraftArticle, saveArticle } from "@/lib/data/articles/editor";
import { addNote } from "@/lib/data/articles/notes";
import { saveEntryDraft } from "@/lib/data/live/composer";
import { postEntry, startCoverage } from "@/lib/data/live/entries";
import { markSharedDocumentsOpen } from "@/lib/data/articles/shared-access";
import { NotFoundError } from "@/lib/data/errors";
import { saveInput } from "../support/article-saves";
import { makeSection, makeUser, rawDb } from "../support/factories";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

const exists = async (id: string) => (await rawDb().article.findUnique({ where: { id }, select: { id: true } })) !== null;
const later = (ms: number) => new Date(Date.now() + ms);
/** The draft's shared document as a collaboration server creates it when someone opens the editor. */
const openSharedDocument = (articleId: string) => rawDb().sharedDocument.create({ data: { articleId, target: "LIVE", state: Buffer.alloc(0), articleVersion: 1, syncedContent: {} } });

describe("blank new drafts", () => {
  it("are left out of the dashboard list until something is saved in them", async () => {
    await makeSection();
    const journalist = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const { id } = await createDraftArticle(journalist);
    const listed = async (who: typeof journalist) => (await listArticlesForDashboard(who, { perPage: 200, sort: "created" })).items.map((a) => a.id);
    expect(await listed(journalist)).not.toContain(id);
    expect(await listed(editor)).not.toContain(id);
    await saveArticle(journalist, await saveInput(journalist, id, { headline: "" }));
    expect(await listed(journalist)).toContain(id);
  });

  it("are deleted a minute after their writer left them, with an audit entry, and not before", async () => {
    const journalist = await makeUser("JOURNALIST");
    const { id } = await createDraftArticle(journalist);
    expect(await markLeftBlank(journalist, id)).toEqual({ marked: true });
    expect(await sweepBlankDrafts({ now: later(LEFT_BLANK_GRACE_MS - 5_000) })).not.toContain(id);
    expect(await exists(id)).toBe(true);

    expect(await sweepBlankDrafts({ now: later(LEFT_BLANK_GRACE_MS + 1_000) })).toContain(id);
    expect(await exists(id)).toBe(false);
    const audit = await rawDb().auditLog.findFirstOrThrow({ where: { action: "article.discard_blank", targetId: id } });
    expect(audit).toMatchObject({ actorId: null, details: { reason: "left without anything typed", createdBy: journalist.email } });
  });

  it("are kept while someone is in them again after they were left (a reload), and go once nobody is", async () => {
    const journalist = await makeUser("JOURNALIST");
    const { id } = await createDraftArticle(journalist);
    await openSharedDocument(id);
    await markLeftBlank(journalist, id);
    // Opened again: a collaboration server marks its document open while anyone is connected.
    await markSharedDocumentsOpen([{ articleId: id, target: "live" }], later(LEFT_BLANK_GRACE_MS + 15_000));
    expect(await sweepBlankDrafts({ now: later(LEFT_BLANK_GRACE_MS + 1_000) })).not.toContain(id);
    expect(await exists(id)).toBe(true);

    // The mark was not renewed: everyone left.
    expect(await sweepBlankDrafts({ now: later(LEFT_BLANK_GRACE_MS + 16_000) })).toContain(id);
  });

  it("never deletes a draft with anything in it: a save, even of nothing visible, or a note", async () => {
    const journalist = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const saved = await createDraftArticle(journalist);
    await saveArticle(journalist, await saveInput(journalist, saved.id, { headline: "" }));
    const noted = await createDraftArticle(journalist);
    await addNote(editor, noted.id, "Start with the mayor's quote.");

    for (const { id } of [saved, noted]) expect(await markLeftBlank(journalist, id)).toEqual({ marked: false });
    const swept = await sweepBlankDrafts({ now: later(ABANDONED_BLANK_MS + 60_000) });
    expect(swept).not.toContain(saved.id);
    expect(swept).not.toContain(noted.id);
    expect((await exists(saved.id)) && (await exists(noted.id))).toBe(true);
  });

  it("are deleted after a day nobody said they left them, unless someone has one open", async () => {
    const journalist = await makeUser("JOURNALIST");
    const [open, forgotten] = [await createDraftArticle(journalist), await createDraftArticle(journalist)];
    expect(await sweepBlankDrafts({ now: later(ABANDONED_BLANK_MS - 60_000) })).not.toContain(forgotten.id);
    await openSharedDocument(open.id);
    await markSharedDocumentsOpen([{ articleId: open.id, target: "live" }], later(ABANDONED_BLANK_MS + 70_000));

    const swept = await sweepBlankDrafts({ now: later(ABANDONED_BLANK_MS + 60_000) });
    expect(swept).toContain(forgotten.id);
    expect(swept).not.toContain(open.id);
    expect(await rawDb().auditLog.findFirstOrThrow({ where: { action: "article.discard_blank", targetId: forgotten.id } })).toMatchObject({ details: { reason: "untouched for a day" } });
  });

  it("can be marked as left only by those who reach the article", async () => {
    const owner = await makeUser("JOURNALIST");
    const other = await makeUser("JOURNALIST");
    const { id } = await createDraftArticle(owner);
    await expect(markLeftBlank(other, id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await rawDb().article.findUniqueOrThrow({ where: { id } })).leftBlankAt).toBeNull();
  });

  // Review rv-data: the editor unmounts on the way to the live composer (/dashboard/articles/:id/live) with nothing
  // typed in it, so it reports the draft left; the coverage, its entries and the entry being written are in the
  // composer, and none of them moves the article's version.
  it("are not deleted or hidden once their coverage has started and entries were posted", async () => {
    await makeSection();
    const journalist = await makeUser("JOURNALIST");
    const { id } = await createDraftArticle(journalist);
    expect(await markLeftBlank(journalist, id)).toEqual({ marked: true });
    await startCoverage(journalist, id);
    await postEntry(journalist, { articleId: id, title: "Breaking", body: documentFromParagraphs(["Crowds gather at the square."]), isKeyEvent: true, isPinned: false, authorIds: [] });
    expect(await rawDb().liveEntry.count({ where: { articleId: id } })).toBe(1);

    const swept = await sweepBlankDrafts({ now: later(LEFT_BLANK_GRACE_MS + 1_000) });
    expect(swept).not.toContain(id);
    expect(await exists(id)).toBe(true);
    expect(await rawDb().liveEntry.count({ where: { articleId: id } })).toBe(1);
    expect((await listArticlesForDashboard(journalist, { perPage: 200, sort: "created" })).items.map((a) => a.id)).toContain(id);
  });

  it("are kept from the moment coverage starts, and while an entry is being written", async () => {
    const journalist = await makeUser("JOURNALIST");
    const [started, drafting] = [await createDraftArticle(journalist), await createDraftArticle(journalist)];
    for (const { id } of [started, drafting]) expect(await markLeftBlank(journalist, id)).toEqual({ marked: true });
    await startCoverage(journalist, started.id);
    // Coverage not started yet: the composer still autosaves the first entry being written.
    await saveEntryDraft(journalist, { articleId: drafting.id, title: "", body: documentFromParagraphs(["Police close the bridge"]), isKeyEvent: false, isPinned: false });

    const swept = await sweepBlankDrafts({ now: later(ABANDONED_BLANK_MS + 60_000) });
    expect(swept).not.toContain(started.id);
    expect(swept).not.toContain(drafting.id);
    expect((await exists(started.id)) && (await exists(drafting.id))).toBe(true);
  });
});
