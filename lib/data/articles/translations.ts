/**
 * Linked translations (docs/decisions/0029-language-editions.md). "Translate" makes a draft in another edition from
 * an article: a copy of its text to write over, in the same section with the same tags, by the translator, linked
 * to the source by a translation group (the id of the group's first article: one article per edition per group, a
 * unique index says so). The translation then has its own slug, workflow and authors. When the source is
 * republished with a change readers see, its translations are marked outdated until someone confirms them.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "../audit";
import { DataValidationError, NotFoundError } from "../errors";
import { isUniqueViolation } from "../transaction";
import type { SessionUser } from "../types";
import { reachableWhere } from "./access";

/** Makes the draft translation of `articleId` into `editionId`; returns its id. */
export async function createTranslation(actor: SessionUser, input: { articleId: string; editionId: string }): Promise<{ id: string }> {
  assertCan(actor.role, "article:create");
  const db = getDb();
  const [source, edition] = await Promise.all([
    db.article.findFirst({
      where: { id: input.articleId, ...reachableWhere(actor) },
      select: {
        id: true, slug: true, headline: true, dek: true, body: true, bodyHtml: true, bodyText: true, datelineCity: true,
        sectionId: true, editionId: true, translationGroupId: true, featuredImageId: true,
        tags: { orderBy: { position: "asc" }, select: { tagId: true } },
      },
    }),
    db.languageEdition.findUnique({ where: { id: input.editionId }, select: { id: true, name: true, searchConfig: true } }),
  ]);
  if (!source) throw new NotFoundError("That article");
  if (!edition) throw new DataValidationError("editionId", "There is no such edition.");
  if (edition.id === source.editionId) throw new DataValidationError("editionId", "A translation goes into another edition than its source.");
  const groupId = source.translationGroupId ?? source.id;
  try {
    return await db.$transaction(async (tx) => {
      const taken = await tx.article.findFirst({ where: { translationGroupId: groupId, editionId: edition.id }, select: { id: true } });
      if (taken) throw new DataValidationError("editionId", `This story already has a translation in ${edition.name}.`);
      if (!source.translationGroupId) await tx.article.update({ where: { id: source.id }, data: { translationGroupId: groupId } });
      const article = await tx.article.create({
        data: {
          slug: `${source.slug}-${edition.id}-${randomBytes(2).toString("hex")}`,
          headline: source.headline,
          dek: source.dek,
          body: source.body as Prisma.InputJsonValue,
          bodyHtml: source.bodyHtml,
          bodyText: source.bodyText,
          datelineCity: source.datelineCity,
          sectionId: source.sectionId,
          featuredImageId: source.featuredImageId,
          editionId: edition.id,
          searchConfig: edition.searchConfig,
          translationGroupId: groupId,
          translationSourceId: source.id,
          createdById: actor.id,
          lastEditedById: actor.id,
          authors: { create: [{ userId: actor.id, position: 0 }] },
          tags: { create: source.tags.map((t, position) => ({ tagId: t.tagId, position })) },
        },
        select: { id: true },
      });
      await writeAudit(tx, { actor, action: "article.translate", targetType: "Article", targetId: article.id, details: { source: source.id, edition: edition.id } });
      return article;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DataValidationError("editionId", `This story already has a translation in ${edition.name}.`);
    throw error;
  }
}

/** The translator has brought the translation up to date with its source: it is no longer marked outdated. */
export async function confirmTranslation(actor: SessionUser, articleId: string): Promise<void> {
  assertCan(actor.role, "article:update:own");
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.article.updateMany({
      where: { id: articleId, translationSourceId: { not: null }, ...reachableWhere(actor) },
      data: { translationOutdated: false },
    });
    if (count === 0) throw new NotFoundError("That translation");
    await writeAudit(tx, { actor, action: "article.translation_confirm", targetType: "Article", targetId: articleId });
  });
}

/** In the transaction that republished `sourceId` with a change readers see: its translations are now outdated. */
export async function markTranslationsOutdated(tx: Pick<DbTx, "article">, sourceId: string): Promise<void> {
  await tx.article.updateMany({ where: { translationSourceId: sourceId }, data: { translationOutdated: true } });
}

/**
 * The editor's translation panel: the article's edition, its source (shown beside the text being translated), whether
 * it is outdated, the other members of its group the actor reaches, and the editions it could still be translated into.
 */
export async function getTranslationPanel(actor: SessionUser, articleId: string) {
  const db = getDb();
  const source = { select: { id: true, headline: true, dek: true, bodyHtml: true, editionId: true } } as const;
  const article = await db.article.findFirst({
    where: { id: articleId, ...reachableWhere(actor) },
    select: { editionId: true, translationGroupId: true, translationOutdated: true, translationSource: source },
  });
  if (!article) throw new NotFoundError("That article");
  const [editions, members] = await Promise.all([
    db.languageEdition.findMany({ orderBy: [{ isDefault: "desc" }, { position: "asc" }], select: { id: true, name: true } }),
    article.translationGroupId
      ? db.article.findMany({ where: { translationGroupId: article.translationGroupId, id: { not: articleId } }, select: { id: true, editionId: true, headline: true, status: true } })
      : Promise.resolve([]),
  ]);
  const taken = new Set([article.editionId, ...members.map((m) => m.editionId)]);
  const reachable = new Set(
    (await db.article.findMany({ where: { id: { in: members.map((m) => m.id) }, ...reachableWhere(actor) }, select: { id: true } })).map((m) => m.id),
  );
  const nameOf = (id: string) => editions.find((e) => e.id === id)?.name ?? id;
  return {
    edition: { id: article.editionId, name: nameOf(article.editionId) },
    source: article.translationSource && { ...article.translationSource, editionName: nameOf(article.translationSource.editionId) },
    isOutdated: article.translationOutdated,
    translations: members.map((m) => ({ ...m, editionName: nameOf(m.editionId), canOpen: reachable.has(m.id) })),
    canTranslateInto: editions.filter((e) => !taken.has(e.id)),
  };
}

export type TranslationPanel = Awaited<ReturnType<typeof getTranslationPanel>>;
