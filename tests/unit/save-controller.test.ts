/**
 * The editor's save controller (components/editor/save-controller.ts), driven with fake timers. fetch is its
 * boundary with the server, so a stub answers PUT /api/articles/:id as the route does; window (the `online` event,
 * localStorage) and navigator.onLine are minimal stand-ins, since it touches nothing else of the browser.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SaveController, type SaveControllerOptions, type SaveStatus } from "@/components/editor/save-controller";
import type { SavePayload } from "@/components/editor/types";

const ARTICLE = "article-1";
const DRAFT_KEY = `dateline:draft:${ARTICLE}`;

type Answer = { status: number; json: unknown };
type Sent = { url: string; init: RequestInit; body: SavePayload & { baseVersion: number; mode: string } };

/** The text of the one paragraph in a payload's body. */
const textOf = (payload: SavePayload | undefined) => payload?.body.content?.[0]?.content?.[0]?.text;

const saved = (version: number, slug = "a-headline"): Answer => ({ status: 200, json: { ok: true, data: { version, slug, savedAt: "2030-01-01T10:00:00.000Z" } } });
const refused = (status: number, extra: Record<string, unknown> = {}): Answer => ({ status, json: { ok: false, status, message: `refused with ${status}`, ...extra } });

/** A fetch that answers from a queue: an Answer, an Error to throw, or a promise to wait on (a save still in flight). */
let answers: (Answer | Error | Promise<Answer>)[];
let sent: Sent[];
let online: { onLine: boolean };
let win: EventTarget & { localStorage: Storage };

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  answers = [];
  sent = [];
  online = { onLine: true };
  win = Object.assign(new EventTarget(), { localStorage: memoryStorage() });
  vi.stubGlobal("window", win);
  vi.stubGlobal("navigator", online);
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push({ url, init, body: JSON.parse(String(init.body)) });
      const next = answers.shift();
      if (!next) throw new Error("The test did not expect another request");
      if (next instanceof Error) throw next;
      const { status, json } = await next;
      return new Response(JSON.stringify(json), { status, headers: { "content-type": "application/json" } });
    }),
  );
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A controller over an article whose body is one paragraph; type() changes it as a keystroke would. */
function setUp(options: Partial<SaveControllerOptions> = {}) {
  let text = "First words.";
  const statuses: SaveStatus[] = [];
  const collect = vi.fn(
    (): SavePayload => ({
      headline: "A headline",
      dek: "",
      datelineCity: "",
      sectionId: "news",
      tags: [],
      authorIds: ["u1"],
      featuredImageId: null,
      slug: "a-headline",
      seoTitle: "",
      seoDescription: "",
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
    }),
  );
  const controller = new SaveController({
    articleId: ARTICLE,
    baseVersion: 3,
    collect,
    validate: () => null,
    localExtras: () => ({ slugEdited: false }),
    onStatus: (status) => statuses.push(status),
    onSaved: vi.fn(),
    onConflict: vi.fn(),
    onFieldErrors: vi.fn(),
    ...options,
  });
  controller.attach();
  return {
    controller,
    collect,
    status: () => statuses.at(-1),
    kinds: () => statuses.map((s) => s.kind),
    type(more: string) {
      text += more;
      controller.changed();
    },
    localCopy: () => JSON.parse(win.localStorage.getItem(DRAFT_KEY) ?? "null") as { baseVersion: number; fields: SavePayload } | null,
  };
}

describe("autosave", () => {
  it("saves once, about 2 seconds after the last change, and serializes the document only when a copy or a save is due", async () => {
    const editor = setUp();
    answers.push(saved(4));
    for (const letter of "typing") {
      editor.type(letter);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(editor.status()?.kind).toBe("pending");
    expect(editor.collect).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_850);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toHaveLength(1);
    expect(editor.collect).toHaveBeenCalledTimes(2); // the local copy (400 ms after the last change) and the save
    const [request] = sent;
    expect(request?.url).toBe(`/api/articles/${ARTICLE}`);
    expect(request?.init).toMatchObject({ method: "PUT", keepalive: false });
    expect(request?.body).toMatchObject({ baseVersion: 3, mode: "autosave", headline: "A headline" });
    expect(textOf(request?.body)).toBe("First words.typing");
    expect(editor.kinds()).toEqual(["pending", "saving", "saved"]);
    expect(editor.controller.isDirty).toBe(false);
    expect(editor.localCopy()).toBeNull();
  });

  it("the next save is based on the version the server answered", async () => {
    const editor = setUp();
    answers.push(saved(4), saved(5));
    editor.type(" One.");
    await vi.advanceTimersByTimeAsync(2_000);
    editor.type(" Two.");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent.map((r) => r.body.baseVersion)).toEqual([3, 4]);
    expect(editor.controller.baseVersion).toBe(5);
  });

  it("typing while a save is in flight: the newer text is kept on the device and saved next, on top of the answered version", async () => {
    const editor = setUp();
    let answerFirst: (answer: Answer) => void = () => undefined;
    answers.push(new Promise<Answer>((resolve) => (answerFirst = resolve)), saved(5));
    editor.type(" One.");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toHaveLength(1);
    expect(editor.status()?.kind).toBe("saving");

    editor.type(" Two.");
    await vi.advanceTimersByTimeAsync(3_000);
    expect(sent).toHaveLength(1); // no second request while the first is on its way
    expect(textOf(editor.localCopy()?.fields)).toBe("First words. One. Two.");

    answerFirst(saved(4));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toHaveLength(2);
    expect(textOf(sent[1]?.body)).toBe("First words. One. Two.");
    expect(sent[1]?.body.baseVersion).toBe(4);
    expect(editor.status()?.kind).toBe("saved");
    expect(editor.controller.isDirty).toBe(false);
    expect(editor.localCopy()).toBeNull();
  });
});

describe("offline", () => {
  it("with navigator.onLine false: nothing is sent, the copy is kept on the device, and the save goes when `online` fires", async () => {
    const editor = setUp();
    online.onLine = false;
    editor.type(" Offline words.");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toHaveLength(0);
    expect(editor.status()?.kind).toBe("offline");
    expect(editor.localCopy()).toMatchObject({ baseVersion: 3, fields: { headline: "A headline" } });

    online.onLine = true;
    answers.push(saved(4));
    win.dispatchEvent(new Event("online"));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    expect(textOf(sent[0]?.body)).toBe("First words. Offline words.");
    expect(editor.status()?.kind).toBe("saved");
    expect(editor.localCopy()).toBeNull();
  });

  it("when fetch throws: offline, the copy is kept, and the save is retried after retryMs", async () => {
    const editor = setUp({ retryMs: 5_000 });
    answers.push(new TypeError("Failed to fetch"), saved(4));
    editor.type(" Words.");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toHaveLength(1);
    expect(editor.status()?.kind).toBe("offline");
    expect(editor.localCopy()).not.toBeNull();

    await vi.advanceTimersByTimeAsync(4_900);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toHaveLength(2);
    expect(editor.status()?.kind).toBe("saved");
    expect(editor.localCopy()).toBeNull();
  });
});

describe("answers the server refuses", () => {
  it("409: conflict, the payload goes to onConflict, autosaves stop until resume()", async () => {
    const onConflict = vi.fn();
    const editor = setUp({ onConflict });
    answers.push(refused(409, { currentVersion: 7 }));
    editor.type(" Mine.");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(editor.status()?.kind).toBe("conflict");
    expect(onConflict).toHaveBeenCalledTimes(1);
    const [mine, mode, currentVersion] = onConflict.mock.calls[0] ?? [];
    expect(textOf(mine)).toBe("First words. Mine.");
    expect([mode, currentVersion]).toEqual(["autosave", 7]);
    expect(editor.localCopy()).not.toBeNull();

    editor.type(" More.");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toHaveLength(1);
    expect(await editor.controller.save("manual")).toBe("conflict");
    expect(editor.controller.isActive).toBe(false);

    answers.push(saved(8));
    editor.controller.resume(7);
    expect(editor.status()?.kind).toBe("pending");
    expect(await editor.controller.save("manual", { force: true })).toBe("saved");
    expect(sent[1]?.body).toMatchObject({ baseVersion: 7, mode: "manual" });
  });

  it("503: an error naming the database, the text kept on the device, and a retry that saves once it is back", async () => {
    const editor = setUp({ retryMs: 5_000 });
    answers.push(refused(503), saved(4));
    editor.type(" During the outage.");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(editor.status()).toEqual({ kind: "error", message: "Not saved: the database is not answering. Your changes are kept on this device; trying again shortly." });
    expect(textOf(editor.localCopy()?.fields)).toBe("First words. During the outage.");

    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(2);
    expect(editor.status()?.kind).toBe("saved");
    expect(editor.localCopy()).toBeNull();
  });

  it("another 5xx says the server had a problem, and retries too", async () => {
    const editor = setUp({ retryMs: 5_000 });
    answers.push(refused(500), saved(4));
    editor.type(" Words.");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(editor.status()).toMatchObject({ kind: "error", message: expect.stringContaining("the server had a problem") });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(editor.status()?.kind).toBe("saved");
  });

  it("400 with field errors: they go to onFieldErrors, the status says why, and nothing is retried", async () => {
    const onFieldErrors = vi.fn();
    const editor = setUp({ onFieldErrors, retryMs: 5_000 });
    answers.push(refused(400, { message: "Use lower-case letters, digits and single dashes", fieldErrors: { slug: "Use lower-case letters, digits and single dashes" } }));
    editor.type(" Words.");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(onFieldErrors).toHaveBeenCalledWith({ slug: "Use lower-case letters, digits and single dashes" });
    expect(editor.status()).toEqual({ kind: "invalid", message: "Not saved: Use lower-case letters, digits and single dashes" });
    expect(editor.localCopy()).not.toBeNull();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(sent).toHaveLength(1);
  });

  it("fields that fail the checks in the browser are not sent", async () => {
    const onFieldErrors = vi.fn();
    const editor = setUp({ onFieldErrors, validate: () => ({ headline: "Keep the headline under 200 characters" }) });
    editor.type(" Words.");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toHaveLength(0);
    expect(onFieldErrors).toHaveBeenCalledWith({ headline: "Keep the headline under 200 characters" });
    expect(editor.status()).toEqual({ kind: "invalid", message: "Not saved: correct the fields listed above." });
  });
});

describe("the page is hidden or closed", () => {
  it("sends what is unsaved at once with keepalive, and keeps a copy on the device", async () => {
    const editor = setUp();
    answers.push(saved(4));
    editor.type(" Last words.");
    editor.controller.pageHidden();
    expect(editor.localCopy()).not.toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.init.keepalive).toBe(true);
    expect(textOf(sent[0]?.body)).toBe("First words. Last words.");
  });

  it("a body over the keepalive limit goes as a normal request", async () => {
    const editor = setUp();
    answers.push(saved(4));
    editor.type(" " + "long ".repeat(15_000));
    editor.controller.pageHidden();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    expect(String(sent[0]?.init.body).length).toBeGreaterThan(60_000);
    expect(sent[0]?.init.keepalive).toBe(false);
  });

  it("sends nothing when nothing is unsaved, or when offline (the copy on the device is what counts)", async () => {
    const editor = setUp();
    editor.controller.pageHidden();
    online.onLine = false;
    editor.type(" Offline.");
    editor.controller.pageHidden();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(0);
    expect(editor.localCopy()).not.toBeNull();
  });
});

describe("hold, release, markClean, resume, stop", () => {
  it("hold() keeps autosaves back until release(); flush() still saves", async () => {
    const editor = setUp();
    answers.push(saved(4), saved(5));
    editor.controller.hold();
    editor.type(" Held.");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toHaveLength(0);
    expect(await editor.controller.flush()).toBe(true);
    expect(sent).toHaveLength(1);

    editor.type(" After.");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toHaveLength(1);
    editor.controller.release();
    await vi.advanceTimersByTimeAsync(1_900);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toHaveLength(2);
    expect(textOf(sent[1]?.body)).toBe("First words. Held. After.");
  });

  it("markClean(version): nothing unsaved, no pending save, the copy removed, and saves based on that version", async () => {
    const editor = setUp();
    editor.type(" Dropped.");
    await vi.advanceTimersByTimeAsync(500);
    expect(editor.localCopy()).not.toBeNull();
    editor.controller.markClean(9);
    expect(editor.controller.isDirty).toBe(false);
    expect(editor.status()?.kind).toBe("idle");
    expect(editor.localCopy()).toBeNull();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(0);

    answers.push(saved(10));
    editor.type(" Kept.");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent[0]?.body.baseVersion).toBe(9);
  });

  it("stop(): read-only, and nothing is saved any more", async () => {
    const editor = setUp();
    editor.controller.stop();
    expect(editor.status()?.kind).toBe("readonly");
    editor.type(" Too late.");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await editor.controller.save("manual", { force: true })).toBe("stopped");
    expect(await editor.controller.flush()).toBe(false);
    expect(sent).toHaveLength(0);
  });

  it("an autosave with nothing unsaved sends nothing; a manual save always does (it makes a revision)", async () => {
    const editor = setUp();
    answers.push(saved(4));
    expect(await editor.controller.save("autosave")).toBe("clean");
    expect(await editor.controller.save("manual")).toBe("saved");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body.mode).toBe("manual");
  });
});
