/**
 * When a notification of expired tags reaches a process late (a busy event loop, a slow network), a render that
 * began after the commit but before the process heard of it may have read the old data from the data cache: its
 * entry must count as expired too, or it would be served until its revalidate time (cache-handlers/tag-expiry.cjs).
 */
import { describe, expect, it } from "vitest";
import { createTagExpiry } from "@/cache-handlers/tag-expiry.cjs";

type Subscriber = { onNotification?: (payload: { tags?: unknown; at?: unknown }) => void };

/** A tag expiry on a stand-in listener: the test delivers the notifications. */
async function expiryHearing() {
  let subscriber: Subscriber = {};
  const expiry = createTagExpiry({
    state: {},
    databaseUrl: () => "postgresql://unused",
    listener: () => ({ subscribe: (s: Subscriber) => ((subscriber = s), () => {}), ready: async () => true }),
  });
  await expiry.connectListener();
  return { expiry, hear: (tags: string[], at: number) => subscriber.onNotification?.({ tags, at }) };
}

describe("tag expiry heard late", () => {
  it("expires what was rendered before the process heard of it, even after the commit; not what is rendered after", async () => {
    const { expiry, hear } = await expiryHearing();
    const committedAt = Date.now() - 300;
    const renderedBetween = Date.now() - 100; // after the commit, before the notification arrived
    hear(["section:late"], committedAt);
    expect(expiry.isExpiredAfter(["section:late"], renderedBetween)).toBe(true);
    expect(expiry.isExpiredAfter(["section:late"], Date.now() + 5)).toBe(false);
    expect(expiry.isExpiredAfter(["section:other"], renderedBetween)).toBe(false);
  });

  it("keeps the commit's time when this machine's clock is behind PostgreSQL's", async () => {
    const { expiry, hear } = await expiryHearing();
    const ahead = Date.now() + 1_000;
    hear(["tag:ahead"], ahead);
    expect(expiry.isExpiredAfter(["tag:ahead"], ahead - 1)).toBe(true);
  });
});
