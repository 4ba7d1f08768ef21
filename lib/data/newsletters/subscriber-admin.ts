/**
 * The admins' side of the subscribers (subscriber:manage): find one, export everything kept about them (JSON or CSV),
 * erase them, and import bounce or complaint addresses, which suppresses them for every list. An export and an erase
 * are audited by the subscriber's id only: no address is kept in the (append-only) log.
 */
import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "../audit";
import { NotFoundError } from "../errors";
import type { SessionUser } from "../types";

export async function findSubscribers(actor: SessionUser, query: string) {
  assertCan(actor.role, "subscriber:manage");
  const q = query.trim().toLowerCase();
  const rows = await getDb().subscriber.findMany({
    where: q ? { email: { contains: q } } : {},
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, email: true, status: true, createdAt: true, _count: { select: { lists: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, listCount: _count.lists }));
}

export async function getSubscriberCounts(actor: SessionUser) {
  assertCan(actor.role, "subscriber:manage");
  const rows = await getDb().subscriber.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(rows.map((row) => [row.status, row._count._all])) as Partial<Record<(typeof rows)[number]["status"], number>>;
}

/**
 * Everything kept about one subscriber (the answer to "what do you hold on me?"). Personal data leaving the
 * system: the read and its audit entry (by id and format, never the address) are one transaction.
 */
export async function exportSubscriber(actor: SessionUser, id: string, format: "json" | "csv") {
  assertCan(actor.role, "subscriber:manage");
  return getDb().$transaction(async (tx) => {
    const row = await tx.subscriber.findUnique({
      where: { id },
      select: {
        id: true,
        email: true,
        status: true,
        createdAt: true,
        confirmedAt: true,
        unsubscribedAt: true,
        suppressedAt: true,
        suppressedWhy: true,
        lists: { select: { list: true, createdAt: true }, orderBy: { createdAt: "asc" } },
        consents: { select: { action: true, source: true, lists: true, createdAt: true }, orderBy: { createdAt: "asc" } },
        sends: { select: { editionId: true, state: true, sentAt: true, unsubscribedAt: true }, orderBy: { nextAttemptAt: "asc" } },
      },
    });
    if (!row) throw new NotFoundError("That subscriber");
    await writeAudit(tx, { actor, action: "subscriber.export", targetType: "Subscriber", targetId: id, details: { format } });
    return row;
  });
}

export type SubscriberExport = Awaited<ReturnType<typeof exportSubscriber>>;

const csvCell = (value: unknown) => {
  const text = value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join(" ") : value === null || value === undefined ? "" : String(value);
  // A leading = + - @ would make a spreadsheet run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The export as CSV: one row per fact (the subscriber, each list, each consent, each e-mail sent). */
export function subscriberExportCsv(data: SubscriberExport): string {
  const rows: unknown[][] = [["record", "what", "detail", "when"]];
  rows.push(["subscriber", data.email, data.status, data.createdAt]);
  if (data.confirmedAt) rows.push(["subscriber", "confirmed", "", data.confirmedAt]);
  if (data.unsubscribedAt) rows.push(["subscriber", "unsubscribed", "", data.unsubscribedAt]);
  if (data.suppressedAt) rows.push(["subscriber", "suppressed", data.suppressedWhy, data.suppressedAt]);
  for (const list of data.lists) rows.push(["list", list.list, "", list.createdAt]);
  for (const consent of data.consents) rows.push(["consent", consent.action, `${consent.source}: ${consent.lists.join(" ")}`, consent.createdAt]);
  for (const send of data.sends) rows.push(["e-mail", send.editionId, send.state, send.sentAt]);
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Deletes the subscriber and all that hangs on them (lists, consent records, their copies in the queue). */
export async function eraseSubscriber(actor: SessionUser, id: string): Promise<void> {
  assertCan(actor.role, "subscriber:manage");
  await getDb().$transaction(async (tx) => {
    const gone = await tx.subscriber.deleteMany({ where: { id } });
    if (gone.count !== 1) throw new NotFoundError("That subscriber");
    await writeAudit(tx, { actor, action: "subscriber.erase", targetType: "Subscriber", targetId: id });
  });
}

const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/** The addresses in a pasted bounce or complaint list: one per line, or separated by commas or spaces; any other text ignored. */
export function parseSuppressionList(text: string): string[] {
  const found = text
    .split(/[\s,;]+/)
    .map((word) => word.replace(/^<|>$/g, "").trim().toLowerCase())
    .filter((word) => word.length <= 254 && ADDRESS.test(word));
  return [...new Set(found)];
}

/**
 * Suppresses every address in `text` for all lists, known or not (an unknown one can then never be signed up), and
 * takes their copies still queued out of the queue. Returns how many addresses were suppressed.
 */
export async function importSuppressions(actor: SessionUser, text: string, why: "bounce" | "complaint", now = new Date()): Promise<number> {
  assertCan(actor.role, "subscriber:manage");
  const emails = parseSuppressionList(text).slice(0, 10_000);
  if (emails.length === 0) return 0;
  return getDb().$transaction(async (tx) => {
    await tx.subscriber.createMany({ data: emails.map((email) => ({ email, status: "SUPPRESSED" as const, suppressedAt: now, suppressedWhy: why })), skipDuplicates: true });
    await tx.subscriber.updateMany({ where: { email: { in: emails }, status: { not: "SUPPRESSED" } }, data: { status: "SUPPRESSED", suppressedAt: now, suppressedWhy: why, confirmNonce: null } });
    const ids = (await tx.subscriber.findMany({ where: { email: { in: emails } }, select: { id: true } })).map((row) => row.id);
    await tx.newsletterMembership.deleteMany({ where: { subscriberId: { in: ids } } });
    await tx.newsletterSend.updateMany({ where: { subscriberId: { in: ids }, state: "QUEUED" }, data: { state: "SUPPRESSED", lastError: `suppressed: ${why}` } });
    await writeAudit(tx, { actor, action: "subscriber.suppress_import", details: { kind: why, addresses: emails.length } });
    return emails.length;
  });
}
