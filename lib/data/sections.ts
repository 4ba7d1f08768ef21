/** Sections, in the admins' order (the order of the public navigation). Public data: no actor needed to read. */
import "server-only";
import { getDb } from "@/lib/db";

export async function listSections() {
  return getDb().section.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, slug: true, description: true },
  });
}

export async function getSectionBySlug(slug: string) {
  return getDb().section.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, description: true } });
}
