/**
 * What the save bar says about the shared document (docs/decisions/0015-co-editing.md), from the connection and the
 * server's messages: saved only when the server has stored everything this editor shows, offline honestly, and why a
 * store failed.
 */
export type SaveStatus =
  | { kind: "idle" }
  | { kind: "connecting" }
  | { kind: "pending" }
  | { kind: "saved"; at: Date }
  | { kind: "offline" }
  | { kind: "invalid"; message: string }
  | { kind: "error"; message: string }
  | { kind: "readonly"; message: string };

export type SyncFacts = {
  /** The document came from the server, now or on an earlier visit (its copy on this device): it can be edited. */
  ready: boolean;
  connection: "connecting" | "online" | "offline";
  /** Changes on this device that no store the server reported holds yet. */
  unsaved: boolean;
  savedAt: Date | null;
  notSaved: { reason: "database" | "invalid" | "error"; message: string } | null;
  /** Why this editor stopped (the session ended, the article is no longer theirs), or null. */
  ended: string | null;
};

export function saveStatusOf(facts: SyncFacts): SaveStatus {
  if (facts.ended) return { kind: "readonly", message: facts.ended };
  if (facts.connection === "offline") return { kind: "offline" };
  if (!facts.ready) return { kind: "connecting" };
  if (facts.notSaved) return facts.notSaved.reason === "invalid" ? { kind: "invalid", message: facts.notSaved.message } : { kind: "error", message: facts.notSaved.message };
  if (facts.unsaved || facts.connection === "connecting") return facts.unsaved ? { kind: "pending" } : { kind: "connecting" };
  return facts.savedAt ? { kind: "saved", at: facts.savedAt } : { kind: "idle" };
}

export function statusText(status: SaveStatus, locale: string, timeZone: string): string {
  switch (status.kind) {
    case "idle":
      return "";
    case "connecting":
      return "Connecting to the shared document…";
    case "pending":
      return "Saving…";
    case "saved":
      return `Saved at ${new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone }).format(status.at)}`;
    case "offline":
      return "Offline — your changes are kept on this device";
    case "invalid":
    case "error":
    case "readonly":
      return status.message;
  }
}

export const ALARMING: SaveStatus["kind"][] = ["offline", "error", "invalid", "readonly"];
