/**
 * Live coverage in the data layer, against the real PostgreSQL: who may post, how each change is numbered, audited,
 * revisioned and announced (the NOTIFY every instance's stream hub hears), what a reconnecting stream is replayed,
 * and entry fields given the hostile-input corpus.
 */
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { CACHE_CHANNEL } from "@/cache-handlers/listener.cjs";
import { failure } from "@/lib/actions/result";
import { documentFromParagraphs } from "@/lib/content/document";
import { ConflictError, NotFoundError, WorkflowError } from "@/lib/data/errors";
import { getLiveComposer, saveEntryDraft } from "@/lib/data/live/composer";
import { deleteEntry, editEntry, endCoverage, postEntry, startCoverage } from "@/lib/data/live/entries";
import { getLiveStreamState, listLiveChangesSince, listPublicLiveEntries } from "@/lib/data/live/public";
import { LiveEntryPostSchema } from "@/lib/validation/live";
import { toStorableText } from "@/lib/validation/text";
import { HOSTILE_INPUTS } from "../../e2e/security/hostile-inputs";
import { unsafeMarkup } from "../support/html-audit";
import { makeArticle, makeLiveStory, makeSection, makeUser, rawDb } from "../support/factories";
import { LIVE_STORY_SLUG, seedLiveStory } from "../../prisma/seed-live";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

/** The default edition every story belongs to unless it says otherwise (its entries are written in English). */
const ENGLISH = { id: "en", locale: "en-US", isDefault: true };

const entry = (articleId: string, text: string, more: { title?: string; isKeyEvent?: boolean; authorIds?: string[] } = {}) => ({
  articleId,
  title: more.title ?? "",
  body: documentFromParagraphs([text]),
  isKeyEvent: more.isKeyEvent ?? false,
  isPinned: false,
  authorIds: more.authorIds ?? [],
});

const listeners: pg.Client[] = [];
afterAll(async () => {
  for (const client of listeners) await client.end();
});

describe("live coverage", () => {
  it("lets the story's authors and the desk post, and hides the story from a journalist who is not on it", async () => {
    const author = await makeUser("JOURNALIST");
    const stranger = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const { article } = await makeLiveStory(author);
    await expect(postEntry(stranger, entry(article.id, "Not my story."))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getLiveComposer(stranger, article.id)).rejects.toBeInstanceOf(NotFoundError);
    await postEntry(author, entry(article.id, "From the author."));
    await postEntry(editor, entry(article.id, "From the desk.", { authorIds: [author.id] }));
    const rows = await rawDb().liveEntry.findMany({ where: { articleId: article.id }, orderBy: { seq: "asc" }, select: { seq: true, bodyText: true, authors: { orderBy: { position: "asc" }, select: { userId: true } } } });
    expect(rows.map((r) => [r.seq, r.bodyText])).toEqual([
      [1, expect.stringContaining("The river rose")],
      [2, "From the author."],
      [3, "From the desk."],
    ]);
    expect(rows[2]!.authors.map((a) => a.userId)).toEqual([editor.id, author.id]);
    expect(await rawDb().auditLog.count({ where: { action: "live.entry_post", targetId: article.id } })).toBe(2);
    expect(await rawDb().liveEntryRevision.count({ where: { entry: { articleId: article.id }, change: "POSTED" } })).toBe(2);
  });

  it("numbers every change, announces it with the story's tags in one NOTIFY, and replays what a stream missed", async () => {
    const author = await makeUser("JOURNALIST");
    const { article, entry: first } = await makeLiveStory(author);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    listeners.push(client);
    await client.connect();
    const heard: { live?: string; seq?: number; tags?: string[] }[] = [];
    client.on("notification", (message) => heard.push(JSON.parse(message.payload ?? "{}")));
    await client.query(`LISTEN ${CACHE_CHANNEL}`);

    const second = await postEntry(author, entry(article.id, "Second."));
    await expect(editEntry(author, { ...entry(article.id, "Stale."), entryId: first.id, baseVersion: 7 })).rejects.toBeInstanceOf(ConflictError);
    await editEntry(author, { ...entry(article.id, "River rising, corrected."), entryId: first.id, baseVersion: first.version });
    await deleteEntry(author, second.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const mine = heard.filter((h) => h.live === article.id);
    expect(mine.map((h) => h.seq)).toEqual([2, 3, 4]);
    // The story's page and the latest-articles feeds; lists of articles show nothing an entry changes.
    expect(mine[0]!.tags).toEqual([`article:${article.slug}`, "latest"]);

    // A stream that last saw event 1 gets the edit (as the entry now is) and the deletion, in order.
    const changes = await listLiveChangesSince(article.id, 1);
    expect(changes.map((c) => (c.kind === "entry" ? ["entry", c.entry.seq, c.entry.bodyText] : ["remove", c.seq, c.id]))).toEqual([
      ["entry", 3, "River rising, corrected."],
      ["remove", 4, second.id],
    ]);
    const shown = await listPublicLiveEntries(article.id, article.slug);
    expect(shown.map((e) => e.id)).toEqual([first.id]);
    expect(shown[0]!.editedAt).not.toBeNull();
    expect(await getLiveStreamState(article.id)).toEqual({ isOpen: true, seq: 4, edition: ENGLISH });
  });

  it("ends the coverage: no more posts, the stream state says closed; a new start opens it again", async () => {
    const author = await makeUser("JOURNALIST");
    const { article } = await makeLiveStory(author);
    const before = new Date(Date.now() - 1000);
    await endCoverage(author, article.id);
    expect(await getLiveStreamState(article.id)).toEqual({ isOpen: false, seq: 2, edition: ENGLISH });
    // The LIVE label goes from cards too: the front page and the section's list are refreshed.
    const tags = (await rawDb().cacheTag.findMany({ where: { expiredAt: { gte: before } } })).map((t) => t.tag);
    expect(tags).toEqual(expect.arrayContaining(["home", `section:${article.section.slug}`, `article:${article.slug}`]));
    await expect(postEntry(author, entry(article.id, "Too late."))).rejects.toBeInstanceOf(WorkflowError);
    await startCoverage(author, article.id);
    expect((await getLiveStreamState(article.id))?.isOpen).toBe(true);
    expect(await rawDb().auditLog.count({ where: { action: { in: ["live.end", "live.start"] }, targetId: article.id } })).toBe(2);
  });

  it("keeps entries of an unpublished story away from readers and streams", async () => {
    const author = await makeUser("JOURNALIST");
    const article = await makeArticle(author);
    await startCoverage(author, article.id);
    await postEntry(author, entry(article.id, "Drafted before publication."));
    expect(await listPublicLiveEntries(article.id, article.slug)).toEqual([]);
    expect(await listLiveChangesSince(article.id, 0)).toEqual([]);
    expect(await getLiveStreamState(article.id)).toBeNull();
  });

  it("autosaves the composer's draft per person, and posting deletes it", async () => {
    const author = await makeUser("JOURNALIST");
    const { article } = await makeLiveStory(author);
    await saveEntryDraft(author, { articleId: article.id, title: "Half", body: documentFromParagraphs(["Half-written."]), isKeyEvent: true, isPinned: false });
    expect((await getLiveComposer(author, article.id)).draft?.title).toBe("Half");
    await postEntry(author, entry(article.id, "Whole."));
    expect((await getLiveComposer(author, article.id)).draft).toBeNull();
  });

  it("seeds the demo's open live story once, with a dozen entries and two key events", async () => {
    const [a, b] = [await makeUser("JOURNALIST"), await makeUser("JOURNALIST")];
    await rawDb().article.deleteMany({ where: { slug: LIVE_STORY_SLUG } });
    const ids = { sectionId: (await makeSection()).id, authorIds: [a.id, b.id], now: new Date() };
    expect(await seedLiveStory(rawDb(), ids)).toBe(true);
    expect(await seedLiveStory(rawDb(), ids)).toBe(false);
    const story = await rawDb().article.findUniqueOrThrow({ where: { slug: LIVE_STORY_SLUG }, select: { id: true, slug: true, liveSeq: true } });
    const entries = await listPublicLiveEntries(story.id, story.slug);
    expect(entries).toHaveLength(12);
    expect(entries.filter((e) => e.isKeyEvent)).toHaveLength(2);
    expect(await getLiveStreamState(story.id)).toEqual({ isOpen: true, seq: 12, edition: ENGLISH });
  });

  it("stores each hostile entry's title and body as text (sanitized HTML), or refuses it with a clear message", async () => {
    const author = await makeUser("JOURNALIST");
    const { article } = await makeLiveStory(author);
    for (const h of HOSTILE_INPUTS) {
      const raw = entry(article.id, h.value, { title: h.value });
      const parsed = LiveEntryPostSchema.safeParse(raw);
      const result = parsed.success ? await postEntry(author, parsed.data).then((r) => ({ ok: true as const, id: r.id }), failure) : failure(parsed.error);
      if (!result.ok) {
        expect(result.status, `${h.name}: ${result.message}`).toBeLessThan(500);
        continue;
      }
      const row = await rawDb().liveEntry.findUniqueOrThrow({ where: { id: result.id }, select: { title: true, bodyHtml: true } });
      expect(row.title, h.name).toBe(toStorableText(h.value).trim());
      expect(unsafeMarkup(row.bodyHtml), h.name).toEqual([]);
    }
  }, 120_000);
});
