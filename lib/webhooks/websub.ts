/**
 * WebSub (W3C): feeds name their hub (`<link rel="hub">` in RSS and Atom, `hubs` in JSON Feed) and every change
 * readers see pings the hub with the feeds it touched, so subscribers hear of it at once instead of polling. The
 * ping is one form POST (`hub.mode=publish`, one `hub.url` per feed) that goes through the same durable queue as
 * webhooks (lib/data/webhooks/queue.ts).
 */
export function websubPing(topics: readonly string[]): URLSearchParams {
  return new URLSearchParams([["hub.mode", "publish"], ...topics.map((topic) => ["hub.url", topic])]);
}
