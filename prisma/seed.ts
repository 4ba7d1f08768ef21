/**
 * The demo newsroom. Idempotent: sections, staff, tags and articles are matched by slug or email, and what exists is
 * left alone (a demo user's changed password survives a re-seed). All text is our own, in prisma/seed-data.ts.
 *
 * seedSynthetic(n) adds n published articles in batches, for benchmarks (`npm run db:seed -- --articles 100000`).
 */
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { ingestImageFile } from "@/lib/media/ingest";
import { createLocalStorage } from "@/lib/media/storage";
import { documentToPlainText, renderDocumentHtml, type DocNode } from "@/lib/content/document";
import { slugify } from "@/lib/content/slug";
import { readFileSync } from "node:fs";
import path from "node:path";
import { articles, corrections, featuredImages, sections, staff, type SeedBlock } from "./seed-data";
import { seedLiveStory } from "./seed-live";
import { seedSpanishEdition } from "./seed-spanish";

export const DEMO_PASSWORD = "dateline-demo-2026";
export const DEMO_ACCOUNTS = staff.slice(0, 3).map((s) => ({ email: s.email, role: s.role, name: s.name }));

function blocksToDocument(blocks: SeedBlock[]): DocNode {
  const text = (value: string): DocNode[] => [{ type: "text", text: value }];
  return {
    type: "doc",
    content: blocks.map((block): DocNode => {
      switch (block.type) {
        case "h2":
          return { type: "heading", attrs: { level: 2 }, content: text(block.text) };
        case "quote":
          return { type: "blockquote", content: [{ type: "paragraph", content: text(block.text) }] };
        case "ul":
          return { type: "bulletList", content: block.items.map((item) => ({ type: "listItem", content: [{ type: "paragraph", content: text(item) }] })) };
        default:
          return { type: "paragraph", content: text(block.text) };
      }
    }),
  };
}

/** A publish time `daysAgo` days before `now`, at `hour` in the newsroom's zone (UTC-6), never in the future. */
function publishTime(now: Date, daysAgo: number, hour: number): Date {
  const d = new Date(now);
  d.setUTCDate(d.getUTCDate() - daysAgo);
  d.setUTCHours(hour + 6, (daysAgo * 7) % 60, 0, 0);
  if (d > now) return new Date(now.getTime() - 60_000 * (5 + daysAgo));
  return d;
}

export type SeedResult = { created: boolean; articles: number };

export async function seedDemo(db: Db, options: { now?: Date; hashRounds?: number } = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const existingUsers = await db.user.count();

  await db.settings.upsert({
    where: { id: 1 },
    update: {},
    create: {
      id: 1,
      siteName: "Dateline",
      description: "Independent news from Monterrey, the north of Mexico and the border, reported by the Dateline newsroom.",
      locale: "en-US",
      timeZone: "America/Monterrey",
      // The demo shows where ads go (empty slots carry the house message) and links its profiles in the footer.
      houseAdEnabled: true,
      socialLinks: { x: "https://x.com/dateline_demo", facebook: "https://www.facebook.com/dateline.demo", instagram: "https://www.instagram.com/dateline.demo" },
    },
  });

  const sectionIds = new Map<string, string>();
  for (const [position, section] of sections.entries()) {
    const row = await db.section.upsert({
      where: { slug: section.slug },
      update: {},
      create: { ...section, position },
      select: { id: true, slug: true },
    });
    sectionIds.set(row.slug, row.id);
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD, options.hashRounds);
  const userIds = new Map<string, string>();
  for (const person of staff) {
    const row = await db.user.upsert({
      where: { email: person.email },
      update: {},
      create: { ...person, status: "ACTIVE", passwordHash },
      select: { id: true, email: true },
    });
    userIds.set(row.email, row.id);
  }

  const tagIds = new Map<string, string>();
  for (const name of new Set(articles.flatMap((a) => a.tags))) {
    const row = await db.tag.upsert({ where: { slug: slugify(name) }, update: {}, create: { name, slug: slugify(name) }, select: { id: true } });
    tagIds.set(name, row.id);
  }

  // Demo images go through the same pipeline as uploads (variants, stripped metadata, content-hashed names).
  const storage = createLocalStorage(process.env.MEDIA_LOCAL_DIR ?? path.join(process.cwd(), ".data", "media"));
  const mediaIds = new Map<string, string>();
  const uploaderId = userIds.get(staff[1]!.email) as string;
  const ingested = new Map<string, Awaited<ReturnType<typeof ingestImageFile>>>();
  for (const image of featuredImages) {
    let media = ingested.get(image.file);
    if (!media) {
      media = await ingestImageFile(readFileSync(path.join(process.cwd(), "public", image.file)), storage);
      ingested.set(image.file, media);
    }
    const row = await db.media.upsert({
      where: { hash: media.hash },
      update: {},
      create: {
        ...media,
        variants: media.variants as unknown as Prisma.InputJsonValue,
        uploaderId,
        filename: path.basename(image.file),
        alt: image.alt,
        caption: image.caption,
        credit: image.credit,
      },
      select: { id: true },
    });
    mediaIds.set(image.articleSlug, row.id);
  }

  let createdArticles = 0;
  for (const item of articles) {
    const exists = await db.article.findUnique({ where: { slug: item.slug }, select: { id: true } });
    if (exists) continue;
    const body = blocksToDocument(item.body);
    const authorIds = item.authors.map((email) => {
      const id = userIds.get(email);
      if (!id) throw new Error(`seed-data: unknown author ${email} on ${item.slug}`);
      return id;
    });
    const sectionId = sectionIds.get(item.section);
    if (!sectionId) throw new Error(`seed-data: unknown section ${item.section} on ${item.slug}`);
    const when = publishTime(now, item.daysAgo, item.hour);
    const bodyText = documentToPlainText(body);
    const [firstAuthor] = authorIds as [string, ...string[]];
    await db.$transaction(async (tx) => {
      const article = await tx.article.create({
        data: {
          slug: item.slug,
          headline: item.headline,
          dek: item.dek,
          body: body as unknown as Prisma.InputJsonValue,
          bodyHtml: renderDocumentHtml(body),
          bodyText,
          datelineCity: item.datelineCity,
          sectionId,
          status: item.status,
          publishedAt: item.status === "PUBLISHED" ? when : null,
          seoDescription: item.seoDescription ?? "",
          featuredImageId: mediaIds.get(item.slug) ?? null,
          createdById: firstAuthor,
          lastEditedById: firstAuthor,
          createdAt: when,
          authors: { create: authorIds.map((userId, position) => ({ userId, position })) },
          tags: { create: item.tags.map((name, position) => ({ tagId: tagIds.get(name) as string, position })) },
        },
        select: { id: true },
      });
      const mediaId = mediaIds.get(item.slug);
      if (mediaId) await tx.mediaUsage.create({ data: { mediaId, articleId: article.id } });
      await tx.revision.create({
        data: {
          articleId: article.id,
          version: 1,
          kind: item.status === "PUBLISHED" ? "STATUS" : "MANUAL",
          headline: item.headline,
          dek: item.dek,
          body: body as unknown as Prisma.InputJsonValue,
          bodyText,
          datelineCity: item.datelineCity,
          status: item.status,
          authorId: firstAuthor,
          createdAt: when,
        },
      });
      for (const correction of corrections.filter((c) => c.articleSlug === item.slug)) {
        const at = new Date(when.getTime() + correction.daysAfterPublish * 86_400_000);
        await tx.correction.create({
          data: { articleId: article.id, text: correction.text, authorId: userIds.get(staff[1]!.email) as string, publishedAt: at < now ? at : now },
        });
        await tx.article.update({ where: { id: article.id }, data: { revisedAt: at < now ? at : now } });
      }
    });
    createdArticles++;
  }

  // Two reporters in the field share the live story; the editor demo account (the desk) can post to it.
  const liveAuthors = ["tomas.herrera@dateline.test", "lucia.fernandez@dateline.test"].map((email) => userIds.get(email) as string);
  if (await seedLiveStory(db, { sectionId: sectionIds.get("news") as string, authorIds: liveAuthors, now })) createdArticles++;
  createdArticles += await seedSpanishEdition(db, { sections: sectionIds, users: userIds, now });

  return { created: existingUsers === 0, articles: createdArticles };
}

const WORDS =
  "council water transit budget plant solar grid market border trade river drought school museum festival harbor bridge rail port energy wind storage mayor district permit survey workers factory harvest union tariff rate export import farmers clinic library housing road".split(
    " ",
  );

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

function syntheticParagraph(seed: number, sentences = 4): string {
  const out: string[] = [];
  for (let s = 0; s < sentences; s++) {
    const words: string[] = [];
    for (let w = 0; w < 14; w++) words.push(pick(WORDS, seed * 31 + s * 7 + w * 13 + ((seed >> 3) % 11)));
    const sentence = words.join(" ");
    out.push(sentence.charAt(0).toUpperCase() + sentence.slice(1) + ".");
  }
  return out.join(" ");
}

/** Adds `count` published synthetic articles quickly (multi-row inserts in batches), spread over the last year. */
export async function seedSynthetic(db: Db, count: number, options: { batchSize?: number; log?: (line: string) => void } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 1000;
  const sectionRows = await db.section.findMany({ select: { id: true } });
  const authorRows = await db.user.findMany({ where: { status: "ACTIVE" }, select: { id: true } });
  const tagRows = await db.tag.findMany({ select: { id: true } });
  if (sectionRows.length === 0 || authorRows.length === 0) throw new Error("Seed the demo newsroom first (sections and staff).");
  const start = await db.article.count({ where: { slug: { startsWith: "synthetic-" } } });
  const now = Date.now();
  const cities = ["Monterrey", "Saltillo", "Laredo", "San Antonio", "Chihuahua", "Torreón", "Houston", "Mexico City"];
  const buildBatch = (offset: number, n: number) => {
    const articlesData: Prisma.ArticleCreateManyInput[] = [];
    const authorsData: Prisma.ArticleAuthorCreateManyInput[] = [];
    const tagsData: Prisma.ArticleTagCreateManyInput[] = [];
    for (let i = 0; i < n; i++) {
      const k = start + offset + i;
      const id = `syn${k.toString(36).padStart(8, "0")}`;
      const paragraphs = [syntheticParagraph(k), syntheticParagraph(k + 1, 3), syntheticParagraph(k + 2, 5)];
      const body: DocNode = { type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
      const headlineWords = [pick(WORDS, k), pick(WORDS, k * 7 + 3), pick(WORDS, k * 11 + 5), pick(WORDS, k * 13 + 1)];
      const headline = `${headlineWords.join(" ")} report ${k + 1}`.replace(/^./, (c) => c.toUpperCase());
      const author = pick(authorRows, k).id;
      const publishedAt = new Date(now - (k % 365) * 86_400_000 - (k % 1440) * 60_000 - 3_600_000);
      articlesData.push({
        id,
        slug: `synthetic-${k + 1}`,
        headline,
        dek: syntheticParagraph(k + 3, 1),
        body: body as unknown as Prisma.InputJsonValue,
        bodyHtml: renderDocumentHtml(body),
        bodyText: paragraphs.join("\n\n"),
        datelineCity: pick(cities, k),
        sectionId: pick(sectionRows, k).id,
        status: "PUBLISHED",
        publishedAt,
        createdAt: publishedAt,
        createdById: author,
        lastEditedById: author,
      });
      authorsData.push({ articleId: id, userId: author, position: 0 });
      if (tagRows.length > 0) tagsData.push({ articleId: id, tagId: pick(tagRows, k).id, position: 0 });
    }
    return { articlesData, authorsData, tagsData };
  };

  // Two batches in flight: PostgreSQL computes the search vectors of one while Node builds the next.
  const offsets: number[] = [];
  for (let offset = 0; offset < count; offset += batchSize) offsets.push(offset);
  let done = 0;
  const worker = async () => {
    for (let offset = offsets.shift(); offset !== undefined; offset = offsets.shift()) {
      const n = Math.min(batchSize, count - offset);
      const { articlesData, authorsData, tagsData } = buildBatch(offset, n);
      await db.$transaction([
        db.article.createMany({ data: articlesData }),
        db.articleAuthor.createMany({ data: authorsData }),
        db.articleTag.createMany({ data: tagsData }),
        // A batch of a thousand articles (their search vectors and words) outlasts the default 5 s on a busy machine.
      ], { timeout: 120_000, maxWait: 30_000 });
      done += n;
      options.log?.(`  ${done} / ${count}`);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return count;
}
