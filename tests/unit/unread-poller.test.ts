/**
 * The staff header's unread count check (components/layout/unread-poller.ts) with fake timers and a stand-in for the
 * document's visibility: one check a minute while visible, none while hidden, one at once when the tab comes back
 * after a minute or more, never two at once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { UnreadPoller, type UnreadCount } from "@/components/layout/unread-poller";

const MINUTE = 60_000;

function fakeDocument() {
  const target = new EventTarget();
  return Object.assign(target, {
    visibilityState: "visible" as DocumentVisibilityState,
    show(state: DocumentVisibilityState) {
      this.visibilityState = state;
      target.dispatchEvent(new Event("visibilitychange"));
    },
  });
}

let doc: ReturnType<typeof fakeDocument>;
let checks: number;
let shown: number[];
let answer: () => Promise<UnreadCount | null>;
let poller: UnreadPoller;

beforeEach(() => {
  vi.useFakeTimers();
  doc = fakeDocument();
  checks = 0;
  shown = [];
  answer = async () => ({ unread: 3, countedAt: Date.now() });
  poller = new UnreadPoller({
    fetchCount: () => {
      checks++;
      return answer();
    },
    onCount: (count) => shown.push(count.unread),
    doc: doc as unknown as Document,
    intervalMs: MINUTE,
  });
});

afterEach(() => {
  poller.stop();
  vi.useRealTimers();
});

describe("the unread count check", () => {
  it("checks once a minute while the tab is visible (the page load brought the first count)", async () => {
    poller.start();
    await vi.advanceTimersByTimeAsync(MINUTE - 1);
    expect(checks).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(checks).toBe(1);
    expect(shown).toEqual([3]);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(checks).toBe(3);
  });

  it("does not check while hidden, and checks at once on coming back after a minute or more", async () => {
    poller.start();
    doc.show("hidden");
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(checks).toBe(0);
    doc.show("visible");
    await vi.advanceTimersByTimeAsync(0);
    expect(checks).toBe(1);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(checks).toBe(2);
  });

  it("does not check on coming back within the minute", async () => {
    poller.start();
    await vi.advanceTimersByTimeAsync(20_000);
    doc.show("hidden");
    await vi.advanceTimersByTimeAsync(10_000);
    doc.show("visible");
    await vi.advanceTimersByTimeAsync(0);
    expect(checks).toBe(0);
  });

  it("never runs two checks at once, and keeps the shown count when the server does not answer", async () => {
    let release: (count: UnreadCount | null) => void = () => {};
    answer = () => new Promise((resolve) => (release = resolve));
    const first = poller.check();
    await poller.check();
    expect(checks).toBe(1);
    release(null);
    await first;
    expect(shown).toEqual([]);
    answer = async () => {
      throw new Error("offline");
    };
    await poller.check();
    expect(shown).toEqual([]);
  });

  it("stops checking once stopped", async () => {
    poller.start();
    poller.stop();
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    doc.show("visible");
    expect(checks).toBe(0);
  });
});
