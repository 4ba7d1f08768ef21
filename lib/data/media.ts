/**
 * The media library as the editor needs it today: choose an existing image. (Uploads, variants and the library
 * page are the media issue's.)
 */
import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "./types";

export async function listMediaForPicker(actor: SessionUser) {
  assertCan(actor.role, "dashboard:access");
  const rows = await getDb().media.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, storageKey: true, alt: true, caption: true, credit: true, width: true, height: true, filename: true },
  });
  return rows.map((m) => ({ ...m, url: `/${m.storageKey}` }));
}
