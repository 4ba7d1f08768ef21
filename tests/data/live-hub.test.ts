/**
 * The process's live hub (lib/live/hub.ts) against the real PostgreSQL and its NOTIFY: a stream gets its replay, then
 * each change once and in order, whichever process posted it; leaving drops it; ending the coverage closes it.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { documentFromParagraphs } from "@/lib/content/document";
import { endCoverage, postEntry } from "@/lib/data/live/entries";
import { countLiveStreams, openLiveStream } from "@/lib/live/hub";
import { makeLiveStory, makeUser, rawDb } from "../support/factories";
import { makeSpanishEdition } from "../support/search-factories";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

/** A stream that keeps its frames as text, as a browser's EventSource would see them. */
function recorder() {
  const frames: { id: number; event: string; text?: string; editedLabel?: string | null }[] = [];
  let closed = false;
  const decoder = new TextDecoder();
  return {
    frames,
    isClosed: () => closed,
    stream: {
      write(bytes: Uint8Array) {
        const block = decoder.decode(bytes);
        const event = /^event: (\w+)$/m.exec(block)?.[1];
        if (!event) return; // the keep-alive
        const data = JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as { text?: string; editedLabel?: string | null };
        frames.push({ id: Number(/^id: (\d+)$/m.exec(block)![1]), event, text: data.text, editedLabel: data.editedLabel });
      },
      close() {
        closed = true;
      },
    },
  };
}

async function until(check: () => boolean, ms = 3_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("not within time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const entry = (articleId: string, text: string) => ({ articleId, title: "", body: documentFromParagraphs([text]), isKeyEvent: false, isPinned: false, authorIds: [] });

describe("the live hub", () => {
  const leaves: (() => void)[] = [];
  afterEach(() => {
    for (const leave of leaves.splice(0)) leave();
  });

  it("replays what a stream missed, then sends each new entry once, in order, to every stream on the story", async () => {
    const author = await makeUser("JOURNALIST");
    const { article } = await makeLiveStory(author);
    await postEntry(author, entry(article.id, "Second."));
    const fresh = recorder();
    const behind = recorder();
    leaves.push(await openLiveStream(article.id, 2, fresh.stream), await openLiveStream(article.id, 0, behind.stream));
    expect(behind.frames.map((f) => f.id)).toEqual([1, 2]);
    expect(fresh.frames).toEqual([]);
    expect(countLiveStreams()).toBeGreaterThanOrEqual(2);

    await postEntry(author, entry(article.id, "Third."));
    await postEntry(author, entry(article.id, "Fourth."));
    await until(() => fresh.frames.length === 2 && behind.frames.length === 4);
    expect(fresh.frames.map((f) => [f.id, f.text])).toEqual([
      [3, "Third."],
      [4, "Fourth."],
    ]);
    expect(behind.frames.map((f) => f.id)).toEqual([1, 2, 3, 4]);
  });

  it("drops a stream that leaves, and closes the others when the coverage ends", async () => {
    const author = await makeUser("JOURNALIST");
    const { article } = await makeLiveStory(author);
    const before = countLiveStreams();
    const gone = recorder();
    const staying = recorder();
    const leave = await openLiveStream(article.id, 1, gone.stream);
    leaves.push(await openLiveStream(article.id, 1, staying.stream));
    expect(countLiveStreams()).toBe(before + 2);
    leave();
    expect(countLiveStreams()).toBe(before + 1);

    await endCoverage(author, article.id);
    await until(() => staying.isClosed());
    expect(staying.frames.map((f) => [f.id, f.event])).toEqual([[2, "end"]]);
    expect(gone.frames).toEqual([]);
    expect(countLiveStreams()).toBe(before);

    // A stream opened after the end gets the end at once, and is closed.
    const late = recorder();
    await openLiveStream(article.id, 0, late.stream);
    expect(late.frames.map((f) => f.event)).toEqual(["entry", "end"]);
    expect(late.isClosed()).toBe(true);
  });

  it("writes a story's entries in its edition's language, an English story's as before", async () => {
    const author = await makeUser("JOURNALIST");
    const spanish = await makeSpanishEdition();
    const [inSpanish, inEnglish] = [await makeLiveStory(author), await makeLiveStory(author)];
    await rawDb().article.update({ where: { id: inSpanish.article.id }, data: { editionId: spanish.id, searchConfig: spanish.searchConfig } });
    const editedAt = new Date();
    await rawDb().liveEntry.updateMany({ where: { id: { in: [inSpanish.entry.id, inEnglish.entry.id] } }, data: { editedAt } });
    const [es, en] = [recorder(), recorder()];
    leaves.push(await openLiveStream(inSpanish.article.id, 0, es.stream), await openLiveStream(inEnglish.article.id, 0, en.stream));
    expect(es.frames[0]?.editedLabel).toMatch(/^Actualizado a las \d\d:\d\d$/);
    expect(en.frames[0]?.editedLabel).toMatch(/^Updated \d\d:\d\d$/);
  });
});
