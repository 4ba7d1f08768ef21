import { expect, test } from "@playwright/test";
import { publishArticle, unpublishArticle } from "@/lib/data/articles/workflow";
import { articles, corrections, featuredImages, staff } from "@/prisma/seed-data";
import { testDb } from "../support/db";
import { createDraft, editorActor } from "../support/articles";
import { expectNoAxeViolations } from "../support/axe";

// The seeded article with two authors, a correction and a featured image.
const coAuthored = articles.find((a) => a.authors.length === 2 && corrections.some((c) => c.articleSlug === a.slug) && featuredImages.some((f) => f.articleSlug === a.slug))!;
const names = coAuthored.authors.map((email) => staff.find((s) => s.email === email)!.name);
const image = featuredImages.find((f) => f.articleSlug === coAuthored.slug)!;
const correction = corrections.find((c) => c.articleSlug === coAuthored.slug)!;

test("an article with two authors, a correction and a featured image shows all of it", async ({ page }) => {
  await page.goto(`/${coAuthored.section}/${coAuthored.slug}`);
  const main = page.getByRole("main");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(coAuthored.headline);
  await expect(main.getByText(`By ${names[0]} and ${names[1]}`, { exact: true })).toBeVisible();
  for (const name of names) await expect(main.getByRole("link", { name, exact: true })).toHaveAttribute("href", /^\/author\//);
  const img = main.getByRole("img", { name: image.alt });
  await expect(img).toHaveAttribute("width", String(image.width));
  await expect(img).toHaveAttribute("height", String(image.height));
  await expect(main.getByText(image.caption)).toBeVisible();
  const box = main.getByRole("region", { name: "Corrections and updates" });
  await expect(box).toContainText(correction.text);
  await expect(box.locator("time")).toHaveAttribute("datetime", /[+-]\d{2}:\d{2}$/);
  await expect(main.getByRole("navigation", { name: "Tags" }).getByRole("link")).toHaveCount(coAuthored.tags.length);
  await expect(page.getByRole("region", { name: "Related" }).getByRole("article").first()).toBeVisible();

  // Structured data: NewsArticle with every author, and a breadcrumb.
  const raw = await page.locator('script[type="application/ld+json"]').textContent();
  const [news, crumbs] = JSON.parse(raw ?? "[]");
  expect(news["@type"]).toBe("NewsArticle");
  expect(news.headline).toBe(coAuthored.headline);
  expect(news.author.map((a: { name: string }) => a.name)).toEqual(names);
  expect(news.author[0].url).toMatch(/\/author\/[a-z-]+$/);
  expect(news.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  expect(news.dateModified >= news.datePublished).toBe(true);
  expect(news.locationCreated.name).toBe(coAuthored.datelineCity);
  expect(news.correction[0].text).toBe(correction.text);
  expect(news.image[0]).toMatch(/\/media\/.+/);
  await expect(page.locator('meta[property="og:image:width"]').first()).toHaveAttribute("content", "1200");
  await expect(page.locator('meta[property="og:image:height"]').first()).toHaveAttribute("content", "630");
  expect(news.publisher.logo.url).toMatch(/^http/);
  expect(crumbs["@type"]).toBe("BreadcrumbList");
  expect(crumbs.itemListElement).toHaveLength(3);

  // Social and search metadata.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/${coAuthored.section}/${coAuthored.slug}$`));
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('meta[property="article:published_time"]')).toHaveAttribute("content", /[+-]\d{2}:\d{2}$/);
  await expect(page.locator('meta[property="article:author"]')).toHaveCount(2);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  // The card's picture is described for people who cannot see it: the image's own alt text.
  await expect(page.locator('meta[name="twitter:image:alt"]')).toHaveAttribute("content", image.alt);
  await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute("content", image.alt);
  await expectNoAxeViolations(page);
});

test("an article without a featured image gets a generated Open Graph image", async ({ page, request }) => {
  const plain = articles.find((a) => a.status === "PUBLISHED" && !featuredImages.some((f) => f.articleSlug === a.slug))!;
  await page.goto(`/${plain.section}/${plain.slug}`);
  const og = await page.locator('meta[property="og:image"]').first().getAttribute("content");
  expect(og).toContain(`/og/${plain.section}/${plain.slug}`);
  // The generated card shows the headline, and says so.
  await expect(page.locator('meta[name="twitter:image:alt"]')).toHaveAttribute("content", plain.headline);
  const response = await request.get(new URL(og!).pathname);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
});

test("home and section pages list the news, in order, accessibly", async ({ page }) => {
  // Other specs publish in parallel (some straight into the database), so check the order the page shows rather
  // than which article leads: the lead is a published article no older than any top story.
  await page.goto("/");
  const lead = page.getByRole("region", { name: "Lead story" });
  await expect(lead.getByRole("article")).toHaveCount(1);
  await expect(lead.getByRole("heading").first()).not.toBeEmpty();
  const leadTime = (await lead.locator("time").getAttribute("datetime"))!;
  const topTimes = await page.getByRole("region", { name: "Top stories" }).locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime")!));
  for (const t of topTimes) expect(new Date(leadTime).getTime()).toBeGreaterThanOrEqual(new Date(t).getTime());
  const topMs = topTimes.map((t) => new Date(t).getTime());
  expect([...topMs].sort((a, b) => b - a)).toEqual(topMs);
  await expect(page.getByRole("region", { name: "Top stories" }).getByRole("article")).toHaveCount(4);
  const sectionHeadings = page.getByRole("heading", { level: 2 }).filter({ has: page.getByRole("link", { name: /^(News|Business|Energy|Culture)$/ }) });
  await expect(sectionHeadings).toHaveText(["News", "Business", "Energy", "Culture"].map((n) => new RegExp(`^${n}`)));
  await expectNoAxeViolations(page);

  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Energy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Energy" })).toBeVisible();
  const listed = await page.getByRole("main").getByRole("article").getByRole("heading").allTextContents();
  for (const seeded of articles.filter((a) => a.status === "PUBLISHED" && a.section === "energy")) expect(listed).toContain(seeded.headline);
  expect(listed.length).toBeLessThanOrEqual(20);
  await expectNoAxeViolations(page);
});

test("a 404 page is helpful and accessible", async ({ page }) => {
  const response = await page.goto("/no-such-section");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Go to the front page" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("publishing through the data layer shows the article on home and its section within a second", async ({ page, request }) => {
  const draft = await createDraft({ sectionSlug: "business" });
  expect((await request.get(draft.path)).status()).toBe(404);
  // Warm the cache so the test proves invalidation, not a first render.
  for (const path of ["/", "/business"]) {
    await request.get(path);
    const cached = await request.get(path);
    expect(cached.headers()["x-nextjs-cache"], `${path} is served from the cache`).toBe("HIT");
    expect(await cached.text()).not.toContain(draft.headline);
  }
  await publishArticle(await editorActor(), draft.id);
  for (const path of ["/", "/business"]) {
    await expect.poll(async () => (await request.get(path)).text(), { timeout: 1_000, intervals: [50] }).toContain(draft.headline);
  }
  await page.goto(draft.path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(draft.headline);
});

test("a renamed slug redirects permanently, and an unpublished article answers 410", async ({ request }) => {
  const draft = await createDraft();
  const editor = await editorActor();
  await publishArticle(editor, draft.id);
  const oldSlug = `${draft.slug}-old`;
  await testDb().slugRedirect.create({ data: { entity: "ARTICLE", oldSlug, targetId: draft.id } });
  const moved = await request.get(`/news/${oldSlug}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(moved.headers()["location"]).toMatch(new RegExp(`/news/${draft.slug}$`));

  expect((await request.get(draft.path)).status()).toBe(200);
  await unpublishArticle(editor, draft.id);
  await expect.poll(async () => (await request.get(draft.path, { maxRedirects: 0 })).status(), { timeout: 2_000 }).toBe(410);
  const gone = await request.get(draft.path);
  expect(await gone.text()).toContain("This article is no longer available");
  expect((await request.get("/")).status()).toBe(200);
  expect(await (await request.get("/")).text()).not.toContain(draft.headline);
});

test("pages link their feeds for autodiscovery", async ({ page }) => {
  await page.goto("/energy");
  const hrefs = await page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluateAll((links) => links.map((l) => l.getAttribute("href")));
  expect(hrefs.map((h) => new URL(h!, "http://x").pathname)).toEqual(["/feed.xml", "/energy/feed.xml"]);
  await page.goto("/");
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(1);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /^https?:\/\/[^/]+\/?$/);
});

test("the reader's site follows a dark system setting and stays accessible", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`/${coAuthored.section}/${coAuthored.slug}`);
  const background = await page.locator(".public-theme").evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe("rgb(18, 20, 23)");
  await expectNoAxeViolations(page);
  await page.goto("/");
  await expectNoAxeViolations(page);
});

test("the in-server scheduler publishes a scheduled article when it is due, not before", async ({ request }) => {
  const { scheduleArticle } = await import("@/lib/data/articles/workflow");
  const draft = await createDraft({ sectionSlug: "culture" });
  await scheduleArticle(await editorActor(), draft.id, new Date(Date.now() + 4_000));
  expect((await request.get(draft.path)).status()).toBe(404);
  await expect.poll(async () => (await request.get(draft.path)).status(), { timeout: 25_000, intervals: [500] }).toBe(200);
  expect(await (await request.get("/culture")).text()).toContain(draft.headline);
});
