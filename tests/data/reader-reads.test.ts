/**
 * The reader pages' reads are single SQL statements (lib/data/articles/reader-sql.ts). These tests hold them to what
 * Prisma's own relation reads give for the same rows: every field, the byline, tag and correction order, the image,
 * and dates as real instants; and the related-articles rule (shared tags first, then the section).
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findRelatedArticles, getPublishedArticle } from "@/lib/data/articles/public";
import { makeArticle, makeSection, makeUser, rawDb, uid } from "../support/factories";

const at = (msAgo: number) => new Date(Date.now() - msAgo);

async function makeTag() {
  const id = uid();
  return rawDb().tag.create({ data: { name: `Tag ${id}`, slug: `tag-${id}` } });
}

async function tagArticle(articleId: string, tagId: string, position: number) {
  await rawDb().articleTag.create({ data: { articleId, tagId, position } });
}

describe("the article page's read", () => {
  it("gives what Prisma's relation reads give: byline, image, tags and corrections in order, dates as instants", async () => {
    const first = await makeUser("JOURNALIST", `Zoe ${uid()}`);
    const second = await makeUser("JOURNALIST", `Abel ${uid()}`);
    const article = await makeArticle(first, { status: "PUBLISHED", publishedAt: at(3_600_000) });
    const db = rawDb();
    await db.articleAuthor.create({ data: { articleId: article.id, userId: second.id, position: 1 } });
    const [late, early] = [await makeTag(), await makeTag()];
    await tagArticle(article.id, late.id, 1);
    await tagArticle(article.id, early.id, 0);
    const folder = `${randomBytes(16).toString("hex")}-1200x800`;
    const og = `${folder}/og-${randomBytes(8).toString("hex")}.jpg`;
    const image = await db.media.create({
      data: {
        uploaderId: first.id,
        hash: uid(),
        storageKey: `media/${folder}/master.jpg`,
        filename: "square.jpg",
        mimeType: "image/jpeg",
        bytes: 1234,
        width: 1200,
        height: 800,
        alt: "The plaza at noon",
        caption: "Vendors set up before the market opens.",
        credit: "Ana Ruiz",
        variants: [{ kind: "og", format: "jpg", width: 1200, height: 630, key: og }],
      },
    });
    await db.article.update({ where: { id: article.id }, data: { featuredImageId: image.id, revisedAt: at(60_000), seoTitle: "Plaza", seoDescription: "Market day" } });
    await db.correction.create({ data: { articleId: article.id, authorId: first.id, kind: "UPDATE", text: "Later note.", publishedAt: at(1_000) } });
    await db.correction.create({ data: { articleId: article.id, authorId: first.id, kind: "CORRECTION", text: "Earlier fix.", publishedAt: new Date("2026-06-16T10:15:30.123Z") } });

    const page = await getPublishedArticle(article.section.slug, article.slug);
    const reference = await db.article.findUniqueOrThrow({
      where: { id: article.id },
      select: {
        headline: true,
        dek: true,
        datelineCity: true,
        publishedAt: true,
        revisedAt: true,
        bodyHtml: true,
        corrections: { orderBy: { publishedAt: "asc" }, select: { id: true, kind: true, text: true, publishedAt: true } },
      },
    });
    expect(page).toMatchObject({
      id: article.id,
      slug: article.slug,
      headline: reference.headline,
      dek: reference.dek,
      datelineCity: reference.datelineCity,
      publishedAt: reference.publishedAt,
      revisedAt: reference.revisedAt,
      bodyHtml: reference.bodyHtml,
      seoTitle: "Plaza",
      seoDescription: "Market day",
      isLiveNow: false,
      live: null,
      section: { name: article.section.name, slug: article.section.slug },
      authors: [
        { id: first.id, name: first.name, slug: first.slug },
        { id: second.id, name: second.name, slug: second.slug },
      ],
      tags: [
        { name: early.name, slug: early.slug },
        { name: late.name, slug: late.slug },
      ],
      featuredImage: {
        url: `/media/${folder}/master.jpg`,
        width: 1200,
        height: 800,
        alt: "The plaza at noon",
        caption: "Vendors set up before the market opens.",
        credit: "Ana Ruiz",
        og: { url: `/media/${og}`, width: 1200, height: 630 },
      },
    });
    expect(page?.corrections).toEqual(reference.corrections);
    expect(page?.corrections[0]?.publishedAt.toISOString()).toBe("2026-06-16T10:15:30.123Z");
  });

  it("has no image, no tags and no corrections as empty values, not missing ones", async () => {
    const author = await makeUser("JOURNALIST");
    const article = await makeArticle(author, { status: "PUBLISHED" });
    expect(await getPublishedArticle(article.section.slug, article.slug)).toMatchObject({ featuredImage: null, tags: [], corrections: [] });
    expect(await getPublishedArticle(`${article.section.slug}-elsewhere`, article.slug), "another section's URL").toBeNull();
  });
});

describe("related articles", () => {
  it("are the newest public ones sharing a tag, then the section's newest, four at most, never the article itself", async () => {
    const author = await makeUser("JOURNALIST");
    const [home, away] = [await makeSection(), await makeSection()];
    const tag = await makeTag();
    const article = await makeArticle(author, { status: "PUBLISHED", sectionId: home.id, publishedAt: at(90_000) });
    await tagArticle(article.id, tag.id, 0);
    // Two sharing the tag (one in another section), one draft sharing it, and four in the section without it.
    const taggedOld = await makeArticle(author, { status: "PUBLISHED", sectionId: away.id, publishedAt: at(9 * 86_400_000) });
    const taggedNew = await makeArticle(author, { status: "PUBLISHED", sectionId: home.id, publishedAt: at(8 * 86_400_000) });
    const draft = await makeArticle(author, { status: "DRAFT", sectionId: home.id });
    for (const a of [taggedOld, taggedNew, draft]) await tagArticle(a.id, tag.id, 0);
    const sectionOnes = [];
    for (let i = 1; i <= 4; i++) sectionOnes.push(await makeArticle(author, { status: "PUBLISHED", sectionId: home.id, publishedAt: at(i * 60_000) }));

    const related = await findRelatedArticles(article.id, home.slug, [tag.slug], "en");
    expect(related.map((a) => a.id)).toEqual([taggedNew.id, taggedOld.id, sectionOnes[0]!.id, sectionOnes[1]!.id]);
    expect(related[1]).toMatchObject({ section: { slug: away.slug }, authors: [{ id: author.id, name: author.name, slug: author.slug }] });

    const untagged = await findRelatedArticles(article.id, home.slug, [], "en");
    expect(untagged.map((a) => a.id), "no tags: the section's newest").toEqual([...sectionOnes.map((a) => a.id)]);
  });
});
