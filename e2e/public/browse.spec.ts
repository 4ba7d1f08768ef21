/** Browsing the reader's site beyond the front page: search, tag pages, author pages, their pagination and 404s. */
import { expect, test, type Page } from "@playwright/test";
import { PAGE_SIZE } from "@/lib/data/articles/public";
import { SEARCH_PAGE_SIZE } from "@/lib/data/search";
import { slugify } from "@/lib/content/slug";
import { articles, staff } from "@/prisma/seed-data";
import { createTaggedArchive, createUnpublishedStory } from "../support/article-factories";
import { testDb } from "../support/db";
import { expectNoAxeViolations } from "../support/axe";

const published = articles.filter((a) => a.status === "PUBLISHED");
const unpublished = articles.filter((a) => a.status !== "PUBLISHED");
/** Published now: the seed's articles plus any that parallel specs have published meanwhile. */
async function publishedNow() {
  const rows = await testDb().article.findMany({ where: { status: "PUBLISHED" }, select: { headline: true, slug: true, section: { select: { slug: true } } } });
  return new Map(rows.map((r) => [r.headline, `/${r.section.slug}/${r.slug}`]));
}
const ana = staff.find((s) => s.slug === "ana-ruiz")!;

/** The headlines of the article cards (or search hits) in the main landmark, in page order. */
async function listedHeadlines(page: Page): Promise<string[]> {
  return page.getByRole("main").getByRole("article").getByRole("heading").allTextContents();
}

test.describe("search", () => {
  test("finds published articles for “water”, highlights the match and pages through the results", async ({ page }) => {
    const draft = await createUnpublishedStory("water");
    await page.goto("/search");
    await expect(page).toHaveTitle(/^Search · /);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
    await expect(page.getByRole("heading", { level: 2 })).toHaveCount(0);

    // The page's own search form (the header has the site's search box too).
    const form = page.getByRole("main").getByRole("search");
    await form.getByRole("searchbox", { name: "Search" }).fill("water");
    await form.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\?q=water$/);

    const results = page.getByRole("region", { name: /results for “water”/ });
    await expect(results.getByRole("heading", { level: 2 })).toHaveText(/^\d+ results for “water” · page 1 of \d+$/);
    const total = Number((await results.getByRole("heading", { level: 2 }).textContent())!.match(/^(\d+)/)![1]);
    expect(total, "the seed mentions water in more than one page of articles").toBeGreaterThan(SEARCH_PAGE_SIZE);
    const current = await publishedNow();
    expect(total).toBeLessThanOrEqual(current.size);

    const hits = results.getByRole("article");
    await expect(hits).toHaveCount(SEARCH_PAGE_SIZE);
    await expect(results.locator("mark").first()).toBeVisible();
    await expect(results.locator("mark").first()).toHaveText(/^water/i);
    const firstPage = await listedHeadlines(page);
    for (const headline of firstPage) expect([...current.keys()], headline).toContain(headline);
    await expect(hits.first().getByRole("link", { name: firstPage[0] })).toHaveAttribute("href", current.get(firstPage[0]!)!);
    await expect(hits.first().locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
    await expectNoAxeViolations(page);

    // Page 2 keeps the query; the last page has the rest, and nothing unpublished appears anywhere.
    const pager = page.getByRole("navigation", { name: "Search results pages" });
    await expect(page.locator('link[rel="next"]')).toHaveAttribute("href", "/search?q=water&page=2");
    await pager.getByRole("link", { name: "Page 2" }).click();
    await expect(page).toHaveURL(/\/search\?q=water&page=2$/);
    await expect(page.getByRole("main").getByRole("searchbox", { name: "Search" })).toHaveValue("water");
    await expect(page.locator('link[rel="prev"]')).toHaveAttribute("href", "/search?q=water");
    await expect(pager.getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
    const secondPage = await listedHeadlines(page);
    // Other specs publish in parallel, so the total may move by a few between the two pages: check the shape.
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.length).toBeLessThanOrEqual(SEARCH_PAGE_SIZE);
    const nowPublished = [...(await publishedNow()).keys()];
    for (const headline of secondPage) expect(nowPublished, headline).toContain(headline);
    for (const hidden of [draft.headline, ...unpublished.map((a) => a.headline)]) {
      expect([...firstPage, ...secondPage]).not.toContain(hidden);
    }
  });

  test("shows a clear empty state for a query with no matches, and only the form for no query", async ({ page }) => {
    await page.goto("/search?q=zyxwvut+qqqxj");
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("No results for “zyxwvut qqqxj”");
    await expect(page.getByText(/^Tip: check the spelling/)).toBeVisible();
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("searchbox", { name: "Search" })).toHaveValue("zyxwvut qqqxj");
    await expectNoAxeViolations(page);

    await page.goto("/search?q=+++");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
    await expect(page.getByRole("heading", { level: 2 })).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("search")).toBeVisible();
  });

  test("answers odd and hostile queries with a page, never an error", async ({ page }) => {
    const tooLong = await page.goto(`/search?q=${"water%20".repeat(60)}`);
    expect(tooLong?.status()).toBe(200);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/up to 200 characters/);
    await expect(page.getByRole("main").getByRole("searchbox", { name: "Search" })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(0);
    await expectNoAxeViolations(page);

    for (const q of [`'; DROP TABLE "Article"; --`, "the", "!!!", "a", "<script>alert(1)</script>", "\"unclosed"]) {
      const response = await page.goto(`/search?q=${encodeURIComponent(q)}&page=abc`);
      expect(response?.status(), q).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
    }
    expect(await page.locator("main script").count()).toBe(0);
    // The articles are all still there.
    await page.goto("/search?q=water");
    await expect(page.getByRole("main").getByRole("article").first()).toBeVisible();
  });
});

test.describe("tag pages", () => {
  test("a seeded tag lists its published articles, and they link back to each other", async ({ page }) => {
    const lead = articles[0]!;
    const tagName = "City Hall";
    expect(lead.tags).toContain(tagName);
    const expected = published.filter((a) => a.tags.includes(tagName));
    const hidden = unpublished.filter((a) => a.tags.includes(tagName));
    expect(hidden.length, "the seed has unpublished City Hall stories").toBeGreaterThan(0);

    await page.goto(`/${lead.section}/${lead.slug}`);
    await page.getByRole("navigation", { name: "Tags" }).getByRole("link", { name: tagName }).click();
    await expect(page).toHaveURL(new RegExp(`/tag/${slugify(tagName)}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(tagName);
    await expect(page).toHaveTitle(new RegExp(`^${tagName} · `));
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/tag/${slugify(tagName)}$`));

    const listed = await listedHeadlines(page);
    expect([...listed].sort()).toEqual(expected.map((a) => a.headline).sort());
    for (const draft of hidden) expect(listed).not.toContain(draft.headline);
    await expectNoAxeViolations(page);

    await page.getByRole("main").getByRole("link", { name: lead.headline }).click();
    await expect(page).toHaveURL(new RegExp(`/${lead.section}/${lead.slug}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(lead.headline);
  });
});

test.describe("author pages", () => {
  test("Ana Ruiz's page shows her profile and her published articles, and nothing private", async ({ page }) => {
    const hers = published.filter((a) => a.authors.includes(ana.email));
    expect(hers.length).toBeLessThanOrEqual(PAGE_SIZE);
    expect(articles[0]!.authors).toContain(ana.email);

    const response = await page.goto(`/author/${ana.slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ana.name);
    await expect(page).toHaveTitle(new RegExp(`^${ana.name} · `));
    const main = page.getByRole("main");
    await expect(main.getByText("Staff writer", { exact: true })).toBeVisible();
    await expect(main.getByText(ana.bio)).toBeVisible();
    await expect(main.getByText("AR", { exact: true })).toBeVisible();
    await expect(main.getByRole("link", { name: articles[0]!.headline })).toHaveAttribute("href", `/${articles[0]!.section}/${articles[0]!.slug}`);
    expect([...(await listedHeadlines(page))].sort()).toEqual(hers.map((a) => a.headline).sort());
    expect(await page.content()).not.toContain(ana.email);
    await expectNoAxeViolations(page);

    // Bylines lead here.
    await main.getByRole("link", { name: articles[0]!.headline }).click();
    await page.getByRole("main").getByRole("link", { name: ana.name }).first().click();
    await expect(page).toHaveURL(new RegExp(`/author/${ana.slug}$`));
  });
});

test.describe("pagination", () => {
  test("a tag and an author with more than a page of articles get numbered pages", async ({ page, request }) => {
    const count = PAGE_SIZE + 5;
    const archive = await createTaggedArchive(count);

    for (const base of [`/tag/${archive.tag.slug}`, `/author/${archive.author.slug}`]) {
      await page.goto(base);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(base.startsWith("/tag") ? archive.tag.name : archive.author.name);
      await expect(page.getByRole("heading", { level: 2 })).toContainText("page 1 of 2");
      expect(await listedHeadlines(page)).toEqual(archive.articles.slice(0, PAGE_SIZE).map((a) => a.headline));
      await expect(page.locator('link[rel="next"]')).toHaveAttribute("href", `${base}/page/2`);

      const pager = page.getByRole("navigation", { name: "Pagination" });
      await expect(pager.getByRole("link", { name: "Page 1" })).toHaveAttribute("aria-current", "page");
      await pager.getByRole("link", { name: "Page 2" }).click();
      await expect(page).toHaveURL(new RegExp(`${base}/page/2$`));
      await expect(page.getByRole("heading", { level: 2 })).toContainText("page 2 of 2");
      expect(await listedHeadlines(page)).toEqual(archive.articles.slice(PAGE_SIZE).map((a) => a.headline));
      await expect(page.locator('link[rel="prev"]')).toHaveAttribute("href", base);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${base}/page/2$`));
      await expectNoAxeViolations(page);

      await pager.getByRole("link", { name: "Previous page" }).click();
      await expect(page).toHaveURL(new RegExp(`${base}$`));

      expect((await request.get(`${base}/page/3`)).status()).toBe(404);
      const first = await request.get(`${base}/page/1`, { maxRedirects: 0 });
      expect(first.status()).toBe(308);
      expect(first.headers()["location"]).toMatch(new RegExp(`${base}$`));
    }
  });
});

test("tag and author pages are static (ISR): the second request is served from the cache", async ({ request }) => {
  for (const path of ["/tag/drought", `/author/${ana.slug}`]) {
    expect((await request.get(path)).status(), path).toBe(200);
    await expect.poll(async () => (await request.get(path)).headers()["x-nextjs-cache"], { message: path, timeout: 5_000 }).toBe("HIT");
  }
});

test.describe("in dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("search, tag and author pages stay accessible", async ({ page }) => {
    test.slow(); // five pages, each with an axe run: over 30 s on a busy 2-core machine
    for (const path of ["/search?q=water", "/search?q=zyxwvut", "/tag/water", `/author/${ana.slug}`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    }
  });
});

test("unknown, unpublished and malformed tags and authors answer 404", async ({ page, request }) => {
  const story = await createUnpublishedStory("reservoir");
  const paths = [
    "/tag/no-such-tag-anywhere",
    "/author/no-such-person",
    `/tag/${story.tagSlug}`,
    `/author/${story.authorSlug}`,
    "/tag/Water",
    "/tag/water/page/0",
    "/tag/water/page/02",
    "/tag/water/page/two",
    `/author/${ana.slug}/page/2`,
  ];
  for (const path of paths) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  const response = await page.goto("/tag/no-such-tag-anywhere");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});
