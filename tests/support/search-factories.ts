/** Articles with chosen words and publish times, for search tests; and words no other test (or English) uses. */
import { randomInt } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { documentFromParagraphs, documentToPlainText, renderDocumentHtml } from "@/lib/content/document";
import type { SessionUser } from "@/lib/data/types";
import { makeSection, rawDb, uid } from "./factories";

/**
 * A made-up word, unique per call: consonants only, so the English stemmer leaves it whole and the search sees
 * exactly what the article says. Tests share one database, so each test searches for its own words.
 */
export function uniqueWord(length = 12): string {
  const letters = "bcdfghjklmnpqrtvwxz";
  return Array.from({ length }, () => letters[randomInt(letters.length)]).join("");
}

export type SearchableArticleOptions = {
  headline?: string;
  dek?: string;
  paragraphs?: string[];
  status?: ArticleStatus;
  /** Defaults to a minute ago for PUBLISHED (and ARCHIVED), else null. */
  publishedAt?: Date | null;
  sectionId?: string;
  /** A language edition (the test makes it: makeSpanishEdition) and its text-search configuration. */
  edition?: { id: string; searchConfig: string };
};

/** The Spanish edition, as an admin or the seed makes it (idempotent: tests share the database). */
export async function makeSpanishEdition() {
  return rawDb().languageEdition.upsert({
    where: { id: "es" },
    create: { id: "es", locale: "es-MX", name: "Español", searchConfig: "spanish", position: 1 },
    update: {},
  });
}

export async function makeSearchableArticle(author: SessionUser, options: SearchableArticleOptions = {}) {
  const id = uid();
  const status = options.status ?? "PUBLISHED";
  const body = documentFromParagraphs(options.paragraphs ?? [`Filler text for article ${id} about the city budget.`]);
  const publishedAt =
    options.publishedAt !== undefined ? options.publishedAt : status === "PUBLISHED" || status === "ARCHIVED" ? new Date(Date.now() - 60_000) : null;
  return rawDb().article.create({
    data: {
      slug: `search-${id}`,
      headline: options.headline ?? `Headline ${id}`,
      dek: options.dek ?? "",
      body: body as unknown as Prisma.InputJsonValue,
      bodyHtml: renderDocumentHtml(body),
      bodyText: documentToPlainText(body),
      sectionId: options.sectionId ?? (await makeSection()).id,
      status,
      publishedAt,
      scheduledAt: status === "SCHEDULED" ? new Date(Date.now() + 86_400_000) : null,
      archivedAt: status === "ARCHIVED" ? new Date() : null,
      ...(options.edition ? { editionId: options.edition.id, searchConfig: options.edition.searchConfig } : {}),
      createdById: author.id,
      authors: { create: [{ userId: author.id, position: 0 }] },
    },
    select: { id: true, slug: true, headline: true, publishedAt: true, section: { select: { slug: true, name: true } } },
  });
}

export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
