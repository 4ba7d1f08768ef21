// The distribution reads against the real throwaway database (tests/global-setup.ts). They call the uncached
// read* functions: Vitest runs outside Next, where the cached exports have no cache to use.
import { describe, expect, it } from "vitest";
import { readFeedArticles, readNewsSitemapArticles, readSitemapArticles, readSitemapOverview } from "@/lib/data/distribution";
import { makeArticle, makeSection, makeUser, rawDb } from "../support/factories";

const HOUR = 3_600_000;

async function makeHiddenArticles(author: Awaited<ReturnType<typeof makeUser>>, sectionId: string) {
  return Promise.all([
    makeArticle(author, { status: "DRAFT", sectionId }),
    makeArticle(author, { status: "IN_REVIEW", sectionId }),
    makeArticle(author, { status: "SCHEDULED", sectionId, publishedAt: null }),
    makeArticle(author, { status: "ARCHIVED", sectionId, publishedAt: new Date(Date.now() - HOUR) }),
    makeArticle(author, { status: "PUBLISHED", sectionId, publishedAt: new Date(Date.now() + HOUR) }),
  ]);
}

describe("readFeedArticles", () => {
  it("lists a section's published articles newest first, never a draft, in review, scheduled or archived one", async () => {
    const author = await makeUser("JOURNALIST");
    const section = await makeSection();
    const older = await makeArticle(author, { status: "PUBLISHED", sectionId: section.id, publishedAt: new Date(Date.now() - 2 * HOUR) });
    const newer = await makeArticle(author, { status: "PUBLISHED", sectionId: section.id, publishedAt: new Date(Date.now() - HOUR) });
    await makeArticle(author, { status: "PUBLISHED" }); // another section
    await makeHiddenArticles(author, section.id);

    const items = await readFeedArticles({ kind: "section", slug: section.slug });
    expect(items.map((a) => a.id)).toEqual([newer.id, older.id]);
    expect(items[0]).toMatchObject({ slug: newer.slug, section: { slug: section.slug, name: section.name }, revisedAt: null });
    expect(items[0]?.bodyHtml).toContain("<p>");
  });

  it("finds an author's articles as any co-author, with every co-author in byline order", async () => {
    const lead = await makeUser("JOURNALIST", "Zoe Lead");
    const second = await makeUser("JOURNALIST", "Abe Second");
    const own = await makeArticle(second, { status: "PUBLISHED", publishedAt: new Date(Date.now() - 2 * HOUR) });
    const shared = await makeArticle(lead, { status: "PUBLISHED", publishedAt: new Date(Date.now() - HOUR) });
    await rawDb().articleAuthor.create({ data: { articleId: shared.id, userId: second.id, position: 1 } });
    const draft = await makeArticle(second, { status: "DRAFT" });

    const items = await readFeedArticles({ kind: "author", slug: second.slug });
    expect(items.map((a) => a.id)).toEqual([shared.id, own.id]);
    expect(items[0]?.authors).toEqual([
      { name: "Zoe Lead", slug: lead.slug },
      { name: "Abe Second", slug: second.slug },
    ]);
    expect(items.map((a) => a.id)).not.toContain(draft.id);
  });

  it("caps the site feed at the requested length, newest first", async () => {
    const author = await makeUser("JOURNALIST");
    await makeArticle(author, { status: "PUBLISHED", publishedAt: new Date(Date.now() - 5_000) });
    const items = await readFeedArticles({ kind: "site" }, 3);
    expect(items).toHaveLength(3);
    const times = items.map((a) => a.publishedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});

describe("readSitemapArticles", () => {
  it("reads chunks that together are exactly every published article once, in keyset batches", async () => {
    const author = await makeUser("JOURNALIST");
    const section = await makeSection();
    for (let i = 0; i < 7; i++) await makeArticle(author, { status: "PUBLISHED", sectionId: section.id });
    const hidden = await makeHiddenArticles(author, section.id);

    const { articleCount } = await readSitemapOverview();
    const all = await readSitemapArticles(0, articleCount);
    expect(all).toHaveLength(articleCount);
    expect(new Set(all.map((e) => e.path)).size).toBe(articleCount);
    for (const article of hidden) expect(all.map((e) => e.path)).not.toContain(`/${section.slug}/${article.slug}`);

    // Chunks of 4 read in batches of 3: the seams between chunks and between batches must not drop or repeat a row.
    const chunked = [];
    for (let offset = 0; offset < articleCount; offset += 4) chunked.push(...(await readSitemapArticles(offset, 4, 3)));
    expect(chunked).toEqual(all);
    expect(await readSitemapArticles(articleCount, 4)).toEqual([]);
  });

  it("uses the revision date as lastmod when there is one", async () => {
    const author = await makeUser("JOURNALIST");
    const article = await makeArticle(author, { status: "PUBLISHED" });
    const revisedAt = new Date(Date.now() - 1_000);
    await rawDb().article.update({ where: { id: article.id }, data: { revisedAt } });
    const { articleCount } = await readSitemapOverview();
    const entry = (await readSitemapArticles(0, articleCount)).find((e) => e.path === `/${article.section.slug}/${article.slug}`);
    expect(entry?.lastmod).toEqual(revisedAt);
  });
});

describe("readSitemapOverview", () => {
  it("lists home, every section, and only the tags and authors that have published articles", async () => {
    const published = await makeUser("JOURNALIST");
    const unpublished = await makeUser("JOURNALIST");
    const section = await makeSection();
    const article = await makeArticle(published, { status: "PUBLISHED", sectionId: section.id });
    await makeArticle(unpublished, { status: "DRAFT", sectionId: section.id });
    const db = rawDb();
    const publicTag = await db.tag.create({ data: { name: `Public ${article.id}`, slug: `public-${article.id}` } });
    const draftTag = await db.tag.create({ data: { name: `Draft ${article.id}`, slug: `draft-${article.id}` } });
    await db.articleTag.create({ data: { articleId: article.id, tagId: publicTag.id } });
    const draft = await makeArticle(published, { status: "DRAFT" });
    await db.articleTag.create({ data: { articleId: draft.id, tagId: draftTag.id } });

    const { pages, articleCount } = await readSitemapOverview();
    const paths = pages.map((p) => p.path);
    expect(paths[0]).toBe("/");
    expect(paths).toContain(`/${section.slug}`);
    expect(paths).toContain(`/tag/${publicTag.slug}`);
    expect(paths).not.toContain(`/tag/${draftTag.slug}`);
    expect(paths).toContain(`/author/${published.slug}`);
    expect(paths).not.toContain(`/author/${unpublished.slug}`);
    expect(pages.find((p) => p.path === `/${section.slug}`)?.lastmod).toEqual(article.publishedAt);
    expect(articleCount).toBe(await db.article.count({ where: { status: "PUBLISHED", publishedAt: { lte: new Date() } } }));
  });
});

describe("readNewsSitemapArticles", () => {
  it("lists only articles published in the last 48 hours", async () => {
    const author = await makeUser("JOURNALIST");
    const recent = await makeArticle(author, { status: "PUBLISHED", publishedAt: new Date(Date.now() - 47 * HOUR) });
    const old = await makeArticle(author, { status: "PUBLISHED", publishedAt: new Date(Date.now() - 49 * HOUR) });
    const draft = await makeArticle(author, { status: "DRAFT", publishedAt: new Date(Date.now() - HOUR) });
    const paths = (await readNewsSitemapArticles()).map((a) => a.path);
    expect(paths).toContain(`/${recent.section.slug}/${recent.slug}`);
    expect(paths).not.toContain(`/${old.section.slug}/${old.slug}`);
    expect(paths).not.toContain(`/${draft.section.slug}/${draft.slug}`);
  });
});
