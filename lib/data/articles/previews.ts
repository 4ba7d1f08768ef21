/**
 * Share previews: a signed link to an unpublished article as it will look, for people without an account. The token
 * is random and only its SHA-256 is stored; a link expires (48 hours by default) and can be revoked.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { writeAudit } from "../audit";
import { NotFoundError } from "../errors";
import type { SessionUser } from "../types";
import { assertReachable, reachableWhere } from "./access";
import { cardSelect } from "./public";

export const PREVIEW_HOURS = 48;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createPreviewLink(actor: SessionUser, articleId: string, hours = PREVIEW_HOURS) {
  await assertReachable(actor, articleId);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  const link = await getDb().$transaction(async (tx) => {
    const created = await tx.previewLink.create({ data: { articleId, tokenHash: hashToken(token), createdById: actor.id, expiresAt }, select: { id: true } });
    await writeAudit(tx, { actor, action: "preview.create", targetType: "Article", targetId: articleId, details: { expiresAt: expiresAt.toISOString() } });
    return created;
  });
  return { id: link.id, token, path: `/preview/${token}`, expiresAt };
}

export async function listPreviewLinks(actor: SessionUser, articleId: string) {
  await assertReachable(actor, articleId);
  return getDb().previewLink.findMany({
    where: { articleId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, expiresAt: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}

export async function revokePreviewLink(actor: SessionUser, linkId: string) {
  const link = await getDb().previewLink.findFirst({ where: { id: linkId, article: reachableWhere(actor) }, select: { id: true, articleId: true } });
  if (!link) throw new NotFoundError("That preview link");
  await getDb().$transaction(async (tx) => {
    await tx.previewLink.update({ where: { id: linkId }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { actor, action: "preview.revoke", targetType: "Article", targetId: link.articleId });
  });
}

/** An article as a preview shows it: its saved content, laid out as readers will see it. */
async function readPreview(articleId: string) {
  const row = await getDb().article.findUnique({
    where: { id: articleId },
    select: {
      ...cardSelect,
      updatedAt: true,
      bodyHtml: true,
      status: true,
      tags: { orderBy: { position: "asc" }, select: { tag: { select: { name: true, slug: true } } } },
      featuredImage: { select: { storageKey: true, width: true, height: true, alt: true, caption: true, credit: true } },
    },
  });
  if (!row) return null;
  return { ...row, authors: row.authors.map((a) => a.user), tags: row.tags.map((t) => t.tag) };
}

export type ArticlePreviewData = NonNullable<Awaited<ReturnType<typeof readPreview>>>;

/** The article behind a preview token, or null when the link is unknown, expired or revoked. */
export async function getArticleByPreviewToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const link = await getDb().previewLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { expiresAt: true, revokedAt: true, articleId: true },
  });
  if (!link || link.revokedAt || link.expiresAt <= new Date()) return null;
  const article = await readPreview(link.articleId);
  return article && { ...article, expiresAt: link.expiresAt };
}

/** The staff preview ("Open preview" in the editor and the dashboard): an article the actor reaches, as readers will see it. */
export async function getArticleForStaffPreview(actor: SessionUser, articleId: string) {
  await assertReachable(actor, articleId);
  const article = await readPreview(articleId);
  if (!article) throw new NotFoundError("That article");
  return article;
}
