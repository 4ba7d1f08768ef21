/**
 * Saving the editor's content: debounced autosave, manual saves, a last save with `keepalive` when the page is
 * hidden or closed, a copy on this device while anything is unsaved, and retries while offline. Plain TypeScript,
 * outside React: typing only bumps a counter here, and the document is serialized when a save or a local copy is due,
 * never on each keystroke.
 *
 * Every save names the version it was based on (save-request.ts); a 409 stops autosaving until the writer
 * resolves the conflict.
 */
import { clearLocalDraft, writeLocalDraft } from "./local-draft";
import { putArticle } from "./save-request";
import type { SavePayload } from "./types";

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "offline" }
  | { kind: "invalid"; message: string }
  | { kind: "error"; message: string }
  | { kind: "conflict" }
  | { kind: "readonly" };

export type SaveMode = "autosave" | "manual";
export type SaveResult = "saved" | "clean" | "conflict" | "offline" | "invalid" | "error" | "stopped" | "held";

export type SaveControllerOptions = {
  articleId: string;
  baseVersion: number;
  /** The current fields and body (serializes the document: call only when a save or copy is due). */
  collect: () => SavePayload;
  /** Client-side checks before sending; field errors keyed like the server's, or null. */
  validate: (payload: SavePayload) => Record<string, string> | null;
  localExtras: () => { slugEdited: boolean };
  onStatus: (status: SaveStatus) => void;
  onSaved: (saved: { version: number; slug: string; savedAt: Date; /** kept as the pending update */ pending: boolean }, sent: SavePayload, mode: SaveMode) => void;
  onConflict: (mine: SavePayload, mode: SaveMode, currentVersion: number | null) => void;
  onFieldErrors: (errors: Record<string, string>) => void;
  debounceMs?: number;
  retryMs?: number;
};

export class SaveController {
  baseVersion: number;
  private seq = 0;
  private savedSeq = 0;
  private lastChangeAt = new Date().toISOString();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private localTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryMode: SaveMode = "autosave";
  private inFlight: Promise<SaveResult> | null = null;
  private state: "active" | "conflict" | "stopped" = "active";
  private holds = 0;
  private lastStatus: SaveStatus["kind"] = "idle";
  private attached = false;

  constructor(private readonly options: SaveControllerOptions) {
    this.baseVersion = options.baseVersion;
  }

  get isDirty(): boolean {
    return this.seq !== this.savedSeq;
  }

  get isActive(): boolean {
    return this.state === "active";
  }

  private get debounceMs() {
    return this.options.debounceMs ?? 2000;
  }

  /** Listens for the connection coming back. Call from an effect; detach() in its cleanup. */
  attach(): void {
    if (this.attached) return;
    this.attached = true;
    window.addEventListener("online", this.handleOnline);
  }

  detach(): void {
    this.attached = false;
    window.removeEventListener("online", this.handleOnline);
    clearTimeout(this.saveTimer);
    clearTimeout(this.retryTimer);
    if (this.localTimer !== undefined) {
      clearTimeout(this.localTimer);
      this.localTimer = undefined;
      this.writeLocal();
    }
  }

  /** On every edit: cheap. Schedules the local copy and, while active, the autosave. */
  changed(): void {
    this.seq++;
    this.lastChangeAt = new Date().toISOString();
    clearTimeout(this.localTimer);
    this.localTimer = setTimeout(() => {
      this.localTimer = undefined;
      this.writeLocal();
    }, 400);
    if (this.state !== "active") return;
    if (!this.inFlight && this.lastStatus !== "offline") this.emit({ kind: "pending" });
    this.scheduleSave(this.debounceMs);
  }

  /** Saves now. A manual save always sends (it makes a revision); an autosave only when something changed. */
  async save(mode: SaveMode, options: { keepalive?: boolean; force?: boolean } = {}): Promise<SaveResult> {
    clearTimeout(this.saveTimer);
    if (this.state === "stopped") return "stopped";
    if (this.state === "conflict") return "conflict";
    if (this.holds > 0 && !options.force) {
      this.scheduleSave(this.debounceMs);
      return "held";
    }
    while (this.inFlight) {
      await this.inFlight.catch(() => undefined);
      if (this.state !== "active") return this.state === "conflict" ? "conflict" : "stopped";
    }
    if (mode === "autosave" && !this.isDirty) return "clean";
    const run = this.send(mode, options.keepalive ?? false);
    this.inFlight = run;
    try {
      return await run;
    } finally {
      if (this.inFlight === run) this.inFlight = null;
    }
  }

  /** Waits for any save in flight and saves what is unsaved. True when everything is saved. */
  async flush(): Promise<boolean> {
    clearTimeout(this.saveTimer);
    if (this.state !== "active") return false;
    const result = await this.save("autosave", { force: true });
    return (result === "saved" || result === "clean") && !this.isDirty;
  }

  /** The page is being hidden or closed: keep a copy here and send what is unsaved with keepalive. */
  pageHidden(): void {
    if (!this.isDirty) return;
    clearTimeout(this.localTimer);
    this.localTimer = undefined;
    this.writeLocal();
    // Offline, the copy on this device is what counts: it comes back and is saved on the next visit.
    if (this.state !== "active" || this.inFlight || this.lastStatus === "offline") return;
    if (typeof navigator !== "undefined" && navigator.onLine === false) return;
    void this.save("autosave", { keepalive: true, force: true });
  }

  /** Holds autosaves (during a status change or a restore); flush() still saves. */
  hold(): void {
    this.holds++;
  }

  release(): void {
    this.holds = Math.max(0, this.holds - 1);
    if (this.holds === 0 && this.state === "active" && this.isDirty) this.scheduleSave(this.debounceMs);
  }

  /** The editor now shows the server's version `version`: nothing is unsaved. */
  markClean(version: number): void {
    this.baseVersion = version;
    this.savedSeq = this.seq;
    this.state = "active";
    clearTimeout(this.saveTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.localTimer);
    this.localTimer = undefined;
    clearLocalDraft(this.options.articleId);
    this.emit({ kind: "idle" });
  }

  /** Saving resumes on top of `version` (after a conflict, or after taking over again). */
  resume(version: number): void {
    this.baseVersion = version;
    this.state = "active";
    if (this.isDirty) this.emit({ kind: "pending" });
  }

  /** No more saves (the article became read-only here). */
  stop(): void {
    this.state = "stopped";
    clearTimeout(this.saveTimer);
    clearTimeout(this.retryTimer);
    this.emit({ kind: "readonly" });
  }

  private emit(status: SaveStatus): void {
    if (status.kind === this.lastStatus && status.kind !== "saved" && status.kind !== "error" && status.kind !== "invalid") return;
    this.lastStatus = status.kind;
    this.options.onStatus(status);
  }

  private scheduleSave(ms: number): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save("autosave"), ms);
  }

  private scheduleRetry(mode: SaveMode): void {
    this.retryMode = mode === "manual" || this.retryMode === "manual" ? "manual" : "autosave";
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      const retry = this.retryMode;
      this.retryMode = "autosave";
      void this.save(retry);
    }, this.options.retryMs ?? 5000);
  }

  private handleOnline = () => {
    if (this.lastStatus !== "offline" || this.state !== "active") return;
    clearTimeout(this.retryTimer);
    const retry = this.retryMode;
    this.retryMode = "autosave";
    void this.save(retry);
  };

  private writeLocal(): void {
    if (!this.isDirty) return;
    let payload: SavePayload;
    try {
      payload = this.options.collect();
    } catch {
      return;
    }
    writeLocalDraft(this.options.articleId, { fields: payload, baseVersion: this.baseVersion, savedAt: this.lastChangeAt, ...this.options.localExtras() });
  }

  private wentOffline(mode: SaveMode): SaveResult {
    this.writeLocal();
    this.emit({ kind: "offline" });
    this.scheduleRetry(mode);
    return "offline";
  }

  private async send(mode: SaveMode, keepalive: boolean): Promise<SaveResult> {
    const payload = this.options.collect();
    const errors = this.options.validate(payload);
    if (errors) {
      this.options.onFieldErrors(errors);
      this.emit({ kind: "invalid", message: "Not saved: correct the fields listed above." });
      return "invalid";
    }
    const seqAtStart = this.seq;
    const body = JSON.stringify({ ...payload, baseVersion: this.baseVersion, mode });
    this.emit({ kind: "saving" });
    if (typeof navigator !== "undefined" && navigator.onLine === false) return this.wentOffline(mode);

    const reply = await putArticle(this.options.articleId, body, keepalive);
    if (!reply) return this.wentOffline(mode);
    const { answer } = reply;

    if (reply.ok && answer?.ok) {
      clearTimeout(this.retryTimer);
      this.baseVersion = answer.data.version;
      this.savedSeq = seqAtStart;
      this.options.onSaved({ ...answer.data, savedAt: new Date(answer.data.savedAt), pending: answer.data.pending === true }, payload, mode);
      if (this.isDirty) {
        // Typed while the save was on its way: keep the copy current and save again shortly.
        this.writeLocal();
        this.emit({ kind: "pending" });
        if (this.state === "active") this.scheduleSave(this.debounceMs);
      } else {
        clearTimeout(this.localTimer);
        this.localTimer = undefined;
        clearLocalDraft(this.options.articleId);
        this.emit({ kind: "saved", at: new Date() });
      }
      return "saved";
    }

    const message = answer && !answer.ok && answer.message ? answer.message : "The article could not be saved.";
    if (reply.status === 409) {
      this.state = "conflict";
      clearTimeout(this.saveTimer);
      this.writeLocal();
      this.emit({ kind: "conflict" });
      this.options.onConflict(payload, mode, answer && !answer.ok && typeof answer.currentVersion === "number" ? answer.currentVersion : null);
      return "conflict";
    }
    if (reply.status === 400 || reply.status === 413) {
      if (answer && !answer.ok && answer.fieldErrors) this.options.onFieldErrors(answer.fieldErrors);
      this.writeLocal();
      this.emit({ kind: "invalid", message: `Not saved: ${message}` });
      return "invalid";
    }
    this.writeLocal();
    if (reply.status >= 500) {
      // 503: the database is down or restarting (the server says so rather than failing); the retry lands once it is back.
      const why = reply.status === 503 ? "the database is not answering" : "the server had a problem";
      this.emit({ kind: "error", message: `Not saved: ${why}. Your changes are kept on this device; trying again shortly.` });
      this.scheduleRetry(mode);
      return "error";
    }
    this.emit({ kind: "error", message: `Not saved: ${message}` });
    return "error";
  }
}
