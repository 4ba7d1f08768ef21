/**
 * The staff header's unread count between page loads, without a polling storm: one check every `intervalMs` while
 * the tab is visible and none while it is hidden; back in view after an interval or more, one check at once. Page
 * loads bring a fresh count anyway (the layouts count on the server), and a navigation inside the app asks for one
 * check (`check()`). Never two checks at once. Plain TypeScript with the document passed in, so it is unit-tested
 * with fake timers (tests/unit/unread-poller.test.ts).
 */
type VisibilitySource = Pick<Document, "visibilityState" | "addEventListener" | "removeEventListener">;

/** A count of unread notifications and when the server counted it (ms since the epoch). */
export type UnreadCount = { unread: number; countedAt: number };

export type UnreadPollerOptions = {
  /** The current count, or null when it could not be read (signed out, offline): the shown count then stays. */
  fetchCount: () => Promise<UnreadCount | null>;
  onCount: (count: UnreadCount) => void;
  doc: VisibilitySource;
  intervalMs: number;
};

export class UnreadPoller {
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastCheck = Date.now();
  private checking = false;

  constructor(private readonly options: UnreadPollerOptions) {}

  start(): void {
    this.options.doc.addEventListener("visibilitychange", this.onVisibility);
    this.onVisibility();
  }

  stop(): void {
    this.options.doc.removeEventListener("visibilitychange", this.onVisibility);
    this.pause();
  }

  async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    this.lastCheck = Date.now();
    try {
      const count = await this.options.fetchCount();
      if (count !== null) this.options.onCount(count);
    } catch {
      // Offline or a server hiccup: the next check will do.
    } finally {
      this.checking = false;
    }
  }

  private pause(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private readonly onVisibility = (): void => {
    if (this.options.doc.visibilityState !== "visible") return this.pause();
    if (Date.now() - this.lastCheck >= this.options.intervalMs) void this.check();
    this.timer ??= setInterval(() => void this.check(), this.options.intervalMs);
  };
}
