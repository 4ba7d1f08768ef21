/**
 * The audit log. Entries are written with the same transaction client as the change they record, so a change and
 * its entry commit or roll back together. The table is append-only: a trigger in the migrations refuses UPDATE and
 * DELETE, and nothing here offers either. Reading it (the admin page and its CSV export) needs "audit:read".
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

/** One page of the audit log, newest first (admins only). */
export async function listAuditEntries(actor: { role: Role }, filters: AuditFilters = {}, page = 1) {
  assertCan(actor.role, "audit:read");
  const where = auditWhere(filters);
  const db = getDb();
  const total = await db.auditLog.count({ where });
  const { page: shown, totalPages, skip } = clampPage(total, page, AUDIT_PAGE_SIZE);
  const items = await db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take: AUDIT_PAGE_SIZE, select: auditSelect });
  return { items, total, page: shown, totalPages };
}

/** The actions that occur in the log, for the filter. */
export async function listAuditActions(actor: { role: Role }): Promise<string[]> {
  assertCan(actor.role, "audit:read");
  const rows = await getDb().auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}

/** Every matching entry, newest first, in batches: for the CSV export, without holding the whole log in memory. */
export async function* iterateAuditEntries(actor: { role: Role }, filters: AuditFilters = {}, batchSize = 1000): AsyncGenerator<AuditRow[]> {
  assertCan(actor.role, "audit:read");
  const where = auditWhere(filters);
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
