/**
 * Published articles that readers can reach: those of an edition an admin closed to readers (decision 0033) are
 * kept from the site's sitemaps and feeds and from the Content API alike. The closed editions are one small read, so
 * that with none closed (every site until an admin closes one) the article queries are exactly publishedWhere.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbTx } from "@/lib/db/client";
import { publishedWhere } from "./public";

/** The editions an admin closed to readers (the default edition is never closed). */
export async function closedEditionIds(db: Pick<DbTx, "languageEdition">): Promise<string[]> {
  const closed = await db.languageEdition.findMany({ where: { isPublic: false, isDefault: false }, select: { id: true } });
  return closed.map((e) => e.id);
}

/** Published articles in the editions readers can see (as publishedWhere, when no edition is closed). */
export async function readableWhere(db: Pick<DbTx, "languageEdition">, now?: Date): Promise<Prisma.ArticleWhereInput> {
  const closed = await closedEditionIds(db);
  return closed.length === 0 ? publishedWhere(now) : { AND: [publishedWhere(now), { editionId: { notIn: closed } }] };
}
