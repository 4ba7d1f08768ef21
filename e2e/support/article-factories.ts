/**
 * Articles in bulk for the browse specs, made directly in the database: a new tag and a new author with more than a
 * page of published articles (for pagination), and unpublished articles that must never show.
 *
 * The published ones are dated years back, in Culture, so they never reach the front page, the first page of a
 * section or a search for common words that other specs look at; and since their tag and author are brand new,
 * nothing about them is cached yet: their pages render fresh without any cache invalidation.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { documentFromParagraphs, documentToPlainText, renderDocumentHtml } from "@/lib/content/document";
import { testDb } from "./db";
import { createTestUser, uniqueId } from "./factories";

const YEAR_MS = 365 * 86_400_000;

function articleData(options: {
  id: string;
  headline: string;
  paragraphs: string[];
  sectionId: string;
  authorId: string;
  tagId?: string;
  status: ArticleStatus;
  publishedAt: Date | null;
}): Prisma.ArticleCreateInput {
  const body = documentFromParagraphs(options.paragraphs);
  return {
    slug: `browse-${options.id}`,
    headline: options.headline,
    dek: "An archive piece made by a test.",
    body: body as unknown as Prisma.InputJsonValue,
    bodyHtml: renderDocumentHtml(body),
    bodyText: documentToPlainText(body),
    datelineCity: "Saltillo",
    section: { connect: { id: options.sectionId } },
    status: options.status,
    publishedAt: options.publishedAt,
    createdBy: { connect: { id: options.authorId } },
    authors: { create: [{ userId: options.authorId, position: 0 }] },
    ...(options.tagId ? { tags: { create: [{ tagId: options.tagId, position: 0 }] } } : {}),
  };
}

export type ArchiveFixture = {
  tag: { name: string; slug: string };
  author: { name: string; slug: string };
  /** Newest first, as the lists show them. */
  articles: { headline: string; slug: string; path: string }[];
};

/** `count` published articles, all in one new tag and by one new journalist, one minute apart, newest first. */
export async function createTaggedArchive(count: number): Promise<ArchiveFixture> {
  const db = testDb();
  const id = uniqueId();
  const user = await createTestUser("JOURNALIST", { name: `Archive Writer ${id}` });
  const { slug: authorSlug } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { slug: true } });
  const tag = await db.tag.create({ data: { name: `Archive ${id}`, slug: `archive-${id}` }, select: { id: true, name: true, slug: true } });
  const section = await db.section.findUniqueOrThrow({ where: { slug: "culture" }, select: { id: true, slug: true } });
  const newest = Date.now() - 3 * YEAR_MS;
  const created = await db.$transaction(
    Array.from({ length: count }, (_, i) =>
      db.article.create({
        data: articleData({
          id: `${id}-${i + 1}`,
          headline: `Archive piece ${i + 1} of ${count} (${id})`,
          paragraphs: [`Archive piece number ${i + 1}, kept for the pagination spec ${id}.`],
          sectionId: section.id,
          authorId: user.id,
          tagId: tag.id,
          status: "PUBLISHED",
          publishedAt: new Date(newest - i * 60_000),
        }),
        select: { headline: true, slug: true },
      }),
    ),
  );
  return {
    tag: { name: tag.name, slug: tag.slug },
    author: { name: user.name, slug: authorSlug },
    articles: created.map((a) => ({ ...a, path: `/${section.slug}/${a.slug}` })),
  };
}

/**
 * A tag whose only article is a draft, by a journalist with no published article, about `topic`: the tag, the
 * author and the draft must all stay invisible to readers.
 */
export async function createUnpublishedStory(topic: string) {
  const db = testDb();
  const id = uniqueId();
  const user = await createTestUser("JOURNALIST", { name: `Unpublished Writer ${id}` });
  const { slug: authorSlug } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { slug: true } });
  const tag = await db.tag.create({ data: { name: `Embargoed ${id}`, slug: `embargoed-${id}` }, select: { id: true, slug: true } });
  const section = await db.section.findUniqueOrThrow({ where: { slug: "news" }, select: { id: true } });
  const headline = `Embargoed ${topic} story ${id}`;
  await db.article.create({
    data: articleData({
      id,
      headline,
      paragraphs: [`A draft about ${topic} that readers must not find (${id}).`],
      sectionId: section.id,
      authorId: user.id,
      tagId: tag.id,
      status: "DRAFT",
      publishedAt: null,
    }),
  });
  return { headline, tagSlug: tag.slug, authorSlug };
}
