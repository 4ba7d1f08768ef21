import { describe, expect, it } from "vitest";
import { listArticlesForDashboard } from "@/lib/data/articles/dashboard";
import { findPublishedPage, getFrontPage, getPublishedArticle } from "@/lib/data/articles/public";
import { ForbiddenError } from "@/lib/data/errors";
import { makeArticle, makeSection, makeUser, rawDb, uid } from "../support/factories";
import { makeSearchableArticle, makeSpanishEdition } from "../support/search-factories";

describe("public article queries", () => {
  it("never return drafts, in-review, scheduled, archived or not-yet-due articles", async () => {
    const author = await makeUser("JOURNALIST");
    const section = await makeSection();
    const published = await makeArticle(author, { status: "PUBLISHED", sectionId: section.id });
    const hidden = await Promise.all([
      makeArticle(author, { status: "DRAFT", sectionId: section.id }),
      makeArticle(author, { status: "IN_REVIEW", sectionId: section.id }),
      makeArticle(author, { status: "SCHEDULED", sectionId: section.id, publishedAt: null }),
      makeArticle(author, { status: "ARCHIVED", sectionId: section.id, publishedAt: new Date(Date.now() - 86_400_000) }),
      // Marked published but with a publish time in the future: not yet public.
      makeArticle(author, { status: "PUBLISHED", sectionId: section.id, publishedAt: new Date(Date.now() + 86_400_000) }),
      // A draft that once had a publish time (unpublished back to draft) must not leak either.
      makeArticle(author, { status: "DRAFT", sectionId: section.id, publishedAt: new Date(Date.now() - 86_400_000) }),
    ]);

    const listed = await findPublishedPage({ sectionSlug: section.slug }, 1, 100);
    expect(listed.items.map((a) => a.id)).toEqual([published.id]);

    expect(await getPublishedArticle(section.slug, published.slug)).toMatchObject({ id: published.id });
    for (const article of hidden) {
      expect(await getPublishedArticle(section.slug, article.slug), article.status).toBeNull();
    }
  });

  it("returns co-authors in byline order", async () => {
    const first = await makeUser("JOURNALIST", "Zed First");
    const second = await makeUser("JOURNALIST", "Amy Second");
    const article = await makeArticle(first, { status: "PUBLISHED" });
    await rawDb().articleAuthor.create({ data: { articleId: article.id, userId: second.id, position: 1 } });
    const found = await getPublishedArticle(article.section.slug, article.slug);
    expect(found?.authors.map((a) => a.name)).toEqual(["Zed First", "Amy Second"]);
  });
});

describe("the front page", () => {
  it("leads with the five latest, then each section's four latest not shown above, newest first, public ones only", async () => {
    const author = await makeUser("JOURNALIST");
    const [busy, quiet, empty] = await Promise.all([makeSection(), makeSection(), makeSection()]);
    const at = (msAgo: number) => new Date(Date.now() - msAgo);
    // The five newest anywhere, in the busy section: made an hour old, then dated a few milliseconds before the read
    // in one transaction, so that other test files publishing in parallel cannot come between them.
    const newest = [];
    for (let i = 1; i <= 5; i++) newest.push(await makeArticle(author, { status: "PUBLISHED", sectionId: busy.id, publishedAt: at(3_000_000 + i * 1_000) }));
    const older = [];
    for (let i = 1; i <= 6; i++) older.push(await makeArticle(author, { status: "PUBLISHED", sectionId: busy.id, publishedAt: at(3_600_000 + i * 60_000) }));
    const quietOnes = [
      await makeArticle(author, { status: "PUBLISHED", sectionId: quiet.id, publishedAt: at(7_200_000) }),
      await makeArticle(author, { status: "PUBLISHED", sectionId: quiet.id, publishedAt: at(7_300_000) }),
    ];
    await makeArticle(author, { status: "DRAFT", sectionId: quiet.id });
    await makeArticle(author, { status: "PUBLISHED", sectionId: quiet.id, publishedAt: new Date(Date.now() + 86_400_000) });
    await makeArticle(author, { status: "ARCHIVED", sectionId: empty.id, publishedAt: at(60_000) });

    const base = Date.now();
    await rawDb().$transaction(newest.map((a, i) => rawDb().article.update({ where: { id: a.id }, data: { publishedAt: new Date(base - (i + 1)) } })));
    const front = await getFrontPage("en");
    expect([front.lead?.id, ...front.top.map((a) => a.id)]).toEqual(newest.map((a) => a.id));
    expect(front.lead?.authors.map((a) => a.name)).toEqual([author.name]);
    const block = (slug: string) => front.bySection.find((s) => s.section.slug === slug)?.articles.map((a) => a.id);
    expect(block(busy.slug), "the four latest after the five above").toEqual(older.slice(0, 4).map((a) => a.id));
    expect(block(quiet.slug)).toEqual(quietOnes.map((a) => a.id));
    expect(block(empty.slug), "a section with nothing public has no block").toBeUndefined();
  });
});

describe("staff article access", () => {
  it("limits a journalist's dashboard to their own articles", async () => {
    const me = await makeUser("JOURNALIST");
    const someoneElse = await makeUser("JOURNALIST");
    const mine = await makeArticle(me);
    const theirs = await makeArticle(someoneElse);
    const ids = (await listArticlesForDashboard(me, { perPage: 200 })).items.map((a) => a.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const editor = await makeUser("EDITOR");
    const editorIds = (await listArticlesForDashboard(editor, { perPage: 200 })).items.map((a) => a.id);
    expect(editorIds).toEqual(expect.arrayContaining([theirs.id]));
  });

  it("refuses an admin-only action with a ForbiddenError, not a silent no-op", async () => {
    const { listUsers } = await import("@/lib/data/users/accounts");
    const journalist = await makeUser("JOURNALIST");
    await expect(listUsers(journalist)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("links each listed article to its page in its own edition: the edition's prefix and section slug", async () => {
    const spanish = await makeSpanishEdition();
    const author = await makeUser("JOURNALIST");
    const named = await makeSection();
    const unnamed = await makeSection();
    const localSlug = `economia-${uid()}`;
    await rawDb().sectionTranslation.create({ data: { sectionId: named.id, editionId: spanish.id, name: "Economía", slug: localSlug } });
    const inSpanish = await makeSearchableArticle(author, { sectionId: named.id, edition: spanish });
    const spanishFallback = await makeSearchableArticle(author, { sectionId: unnamed.id, edition: spanish });
    const inEnglish = await makeSearchableArticle(author, { sectionId: named.id });
    const rows = (await listArticlesForDashboard(author, { mine: true, perPage: 200 })).items;
    const pathOf = (id: string) => rows.find((row) => row.id === id)?.sitePath;
    expect(pathOf(inSpanish.id)).toBe(`/es/${localSlug}/${inSpanish.slug}`);
    expect(pathOf(spanishFallback.id), "a section with no Spanish name keeps its slug, under the prefix").toBe(`/es/${unnamed.slug}/${spanishFallback.slug}`);
    expect(pathOf(inEnglish.id)).toBe(`/${named.slug}/${inEnglish.slug}`);
  });
});
