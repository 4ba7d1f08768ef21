/**
 * The audit log. Entries are written with the same transaction client as the change they record, so a change and
 * its entry commit or roll back together. The table is append-only: a trigger in the migrations refuses UPDATE and
 * DELETE, and nothing here offers either.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";

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
      ip: entry.ip ?? "",
      details: entry.details ?? {},
    },
  });
}

/** For events that change nothing else (a failed sign-in). */
export async function recordAuditEvent(entry: AuditEntry): Promise<void> {
  await writeAudit(getDb(), entry);
}
