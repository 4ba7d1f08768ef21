/**
 * The audit log. Entries are written with the same transaction client as the change they record, so a change and
 * its entry commit or roll back together. The table is append-only: a trigger in the migrations refuses UPDATE and
 * DELETE, and nothing here offers either. Reading it (the admin page and its CSV export) needs "audit:read".
 *
 * The page shows each entry's target by name (resolveAuditTargets): the rows of one page are looked up by id, one
 * query per kind of target. A target deleted since is named from what its entry recorded, and keeps its id.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan, type Role } from "@/lib/auth/permissions";
import { recordableAddress } from "@/lib/security/client-address";
import { clampPage } from "./paging";

type Tx = Pick<DbTx, "auditLog">;

export type AuditEntry = {
  actor?: { id: string; email: string } | null;
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string;
  details?: Prisma.InputJsonValue;
};

export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? "",
      action: entry.action,
      targetType: entry.targetType ?? "",
      targetId: entry.targetId ?? "",
      // Only an IP address (or "unknown") is ever recorded: never text a client chose (issue 20, finding 4).
      ip: recordableAddress(entry.ip),
      details: entry.details ?? {},
    },
  });
}

export type AuditFilters = {
  /** An exact action, e.g. "user.role_change". */
  action?: string;
  /** Part of the actor's email (case-insensitive); "system" finds entries with no actor. */
  actor?: string;
  /** Entries at or after this instant. */
  from?: Date;
  /** Entries before this instant. */
  to?: Date;
};

export const AUDIT_PAGE_SIZE = 50;

function auditWhere(filters: AuditFilters): Prisma.AuditLogWhereInput {
  const actor = filters.actor?.trim();
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(actor ? (actor.toLowerCase() === "system" ? { actorId: null } : { actorEmail: { contains: actor, mode: "insensitive" as const } }) : {}),
    ...(filters.from || filters.to ? { createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: filters.to } : {}) } } : {}),
  };
}

const auditSelect = {
  id: true,
  createdAt: true,
  action: true,
  actorId: true,
  actorEmail: true,
  targetType: true,
  targetId: true,
  ip: true,
  details: true,
} as const;

export type AuditRow = Prisma.AuditLogGetPayload<{ select: typeof auditSelect }>;

export type AuditTarget = {
  type: string;
  id: string;
  /** What the target is called now, or (deleted since) what its entry recorded; null when neither is known. */
  name: string | null;
  isDeleted: boolean;
  /** Its staff page, while it exists. */
  href: string | null;
};

type Found = { name: string; href: string | null };

/** Each kind of target: how to find its rows' names by id, one query for a page of entries. */
const TARGET_LOOKUPS: Record<string, (ids: string[]) => Promise<Map<string, Found>>> = {
  User: async (ids) =>
    new Map((await getDb().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, { name: `${u.name} (${u.email})`, href: `/admin/users?q=${encodeURIComponent(u.email)}` }])),
  Article: async (ids) =>
    new Map((await getDb().article.findMany({ where: { id: { in: ids } }, select: { id: true, headline: true } })).map((a) => [a.id, { name: a.headline, href: `/dashboard/articles/${a.id}` }])),
  Section: async (ids) =>
    new Map((await getDb().section.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((x) => [x.id, { name: x.name, href: `/admin/sections/${x.id}` }])),
  Tag: async (ids) => new Map((await getDb().tag.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((t) => [t.id, { name: t.name, href: `/admin/tags/${t.id}` }])),
  Media: async (ids) =>
    new Map((await getDb().media.findMany({ where: { id: { in: ids } }, select: { id: true, filename: true } })).map((m) => [m.id, { name: m.filename, href: `/dashboard/media/${m.id}` }])),
  Invitation: async (ids) =>
    new Map((await getDb().invitation.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })).map((i) => [i.id, { name: i.email, href: "/admin/invitations" }])),
  AdSlot: async (ids) =>
    new Map((await getDb().adSlot.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((a) => [a.id, { name: a.name, href: `/admin/settings/ads/${a.id}` }])),
  LanguageEdition: async (ids) =>
    new Map((await getDb().languageEdition.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((e) => [e.id, { name: e.name, href: `/admin/editions/${e.id}` }])),
  Settings: async (ids) => new Map(ids.map((id) => [id, { name: "Site settings", href: "/admin/settings" }])),
};

/** What an entry recorded about its target, for one deleted since: the first of these detail fields it has. */
const RECORDED_NAME = ["headline", "name", "email", "filename", "path"] as const;

function recordedName(details: Prisma.JsonValue): string | null {
  if (!details || typeof details !== "object" || Array.isArray(details)) return null;
  for (const key of RECORDED_NAME) {
    const value = details[key];
    if (typeof value === "string" && value) return value;
  }
  return null;
}

/** The targets of some entries by name, in the entries' order (null for an entry without a target). */
export async function resolveAuditTargets(rows: Pick<AuditRow, "targetType" | "targetId" | "details">[]): Promise<(AuditTarget | null)[]> {
  const idsByType = new Map<string, Set<string>>();
  for (const row of rows) if (row.targetType && row.targetId && TARGET_LOOKUPS[row.targetType]) idsByType.set(row.targetType, (idsByType.get(row.targetType) ?? new Set()).add(row.targetId));
  const found = new Map(await Promise.all([...idsByType].map(async ([type, ids]) => [type, await TARGET_LOOKUPS[type]!([...ids])] as const)));
  return rows.map((row) => {
    if (!row.targetType) return null;
    const hit = found.get(row.targetType)?.get(row.targetId);
    if (hit) return { type: row.targetType, id: row.targetId, name: hit.name, isDeleted: false, href: hit.href };
    // Not found: deleted since (or, for a refused sign-in, never an account): named from the entry itself.
    return { type: row.targetType, id: row.targetId, name: recordedName(row.details), isDeleted: row.targetId !== "", href: null };
  });
}

/** One page of the audit log, newest first, each entry with its target by name (admins only). */
export async function listAuditEntries(actor: { role: Role }, filters: AuditFilters = {}, page = 1) {
  assertCan(actor.role, "audit:read");
  const where = auditWhere(filters);
  const db = getDb();
  const total = await db.auditLog.count({ where });
  const { page: shown, totalPages, skip } = clampPage(total, page, AUDIT_PAGE_SIZE);
  const rows = await db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take: AUDIT_PAGE_SIZE, select: auditSelect });
  const targets = await resolveAuditTargets(rows);
  const items = rows.map((row, index) => ({ ...row, target: targets[index] ?? null }));
  return { items, total, page: shown, totalPages };
}

/** The actions that occur in the log, for the filter. */
export async function listAuditActions(actor: { role: Role }): Promise<string[]> {
  assertCan(actor.role, "audit:read");
  const rows = await getDb().auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}

/**
 * Every matching entry, newest first, in batches: for the CSV export, without holding the whole log in memory. The
 * export is itself recorded (with its filters) before the first batch is read.
 */
export async function* iterateAuditEntries(actor: { id: string; email: string; role: Role }, filters: AuditFilters = {}, batchSize = 1000): AsyncGenerator<AuditRow[]> {
  assertCan(actor.role, "audit:read");
  const where = auditWhere(filters);
  const recorded = { action: filters.action ?? "", actor: filters.actor ?? "", from: filters.from?.toISOString() ?? "", to: filters.to?.toISOString() ?? "" };
  await writeAudit(getDb(), { actor, action: "audit.export", details: recorded });
  let cursor: string | undefined;
  for (;;) {
    const batch = await getDb().auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: auditSelect,
    });
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
    cursor = batch[batch.length - 1]!.id;
  }
}
