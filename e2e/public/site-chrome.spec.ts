/**
 * What surrounds every reader's page: the header's search box (a plain form that works without JavaScript), the
 * section row on a phone, the footer's social links, the 404 and 410 pages inside all of it, and the favicon.
 */
import { expect, test, type Page } from "@playwright/test";
import { publishArticle, unpublishArticle } from "@/lib/data/articles/workflow";
import { uploadMedia } from "@/lib/data/media/changes";
import { createSection } from "@/lib/data/sections";
import { SOCIAL_LABELS } from "@/lib/validation/admin";
import { createDraft, editorActor } from "../support/articles";
import { expectNoAxeViolations } from "../support/axe";
import { testDb } from "../support/db";
import { createTestUser, uniqueId } from "../support/factories";
import { sessionUserFor } from "../support/admin-helpers";
import { makeImage } from "../support/media-files";

/** The site's header and footer are there: the search box, the section links, the footer's sign-in link. */
async function expectSiteChrome(page: Page) {
  await expect(page.getByRole("search", { name: "Site search" }).getByRole("searchbox", { name: "Search the site" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "News", exact: true })).toBeVisible();
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Staff sign-in" })).toBeVisible();
}

test("the header's search box is a labelled form that works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/business");
  const form = page.getByRole("search", { name: "Site search" });
  await form.getByRole("searchbox", { name: "Search the site" }).fill("water");
  await form.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=water$/);
  await expect(page.getByRole("region", { name: /results for “water”/ }).getByRole("article").first()).toBeVisible();
  await context.close();
});

test("a misspelt search finds the right articles and offers “Did you mean”", async ({ page }) => {
  // A story that says "reservoir" (the demo's stories say "reservoirs"), so the nearest known word is that one.
  const story = await createDraft({ headline: `Reservoir levels checked ${uniqueId()}` });
  await publishArticle(await editorActor(), story.id);

  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search the site" }).fill("reservior");
  await page.getByRole("searchbox", { name: "Search the site" }).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=reservior$/);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 2, name: "No results for “reservior”" })).toBeVisible();
  await expect(main.getByText("Did you mean")).toBeVisible();
  // The respelt query's results are on the page already, this story's among them…
  const results = main.getByRole("region", { name: /results? for “reservoir”/ });
  await expect(results.getByRole("link", { name: story.headline })).toBeVisible();
  await expect(results.locator("mark").first()).toHaveText(/^reservoir/i);
  await expectNoAxeViolations(page);
  // …and the suggestion is a link to that search.
  await main.getByRole("link", { name: "reservoir", exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=reservoir$/);
  await expect(main.getByRole("searchbox", { name: "Search" })).toHaveValue("reservoir");
  await expect(main.getByText("Did you mean")).toHaveCount(0);
});

test("404 pages keep the site's header, search and sections, light and dark", async ({ page }) => {
  for (const path of ["/no-such-section", "/news/no-such-story", "/no/such/page/at/all"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to the front page" })).toBeVisible();
    await expectSiteChrome(page);
  }
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page);
});

test("an unpublished article answers 410 inside the site's header and navigation", async ({ page }) => {
  const draft = await createDraft();
  const editor = await editorActor();
  await publishArticle(editor, draft.id);
  await unpublishArticle(editor, draft.id);
  await expect.poll(async () => (await page.request.get(draft.path, { maxRedirects: 0 })).status(), { timeout: 2_000 }).toBe(410);
  const response = await page.goto(draft.path);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1, name: "This article is no longer available" })).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expectSiteChrome(page);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page);
});

test("the site has a favicon", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO file
  await page.goto("/");
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  const svg = await request.get(href!);
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
});

test("the footer links the newsroom's social profiles, each by name", async ({ page }) => {
  const { socialLinks } = await testDb().settings.findUniqueOrThrow({ where: { id: 1 }, select: { socialLinks: true } });
  const links = Object.entries(socialLinks as Record<string, string>).filter(([, url]) => url);
  expect(links.length, "the demo settings link some profiles").toBeGreaterThan(0);
  await page.goto("/");
  const profiles = page.getByRole("contentinfo").getByRole("navigation", { name: "Dateline elsewhere" });
  await expect(profiles.getByRole("link")).toHaveCount(links.length);
  for (const [network, url] of links) {
    await expect(profiles.getByRole("link", { name: `Dateline on ${SOCIAL_LABELS[network as keyof typeof SOCIAL_LABELS]}`, exact: true })).toHaveAttribute("href", url);
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the sections are one row that scrolls sideways, with links at least 44 px tall", async ({ page }) => {
    // More sections than a phone's width holds (sections are never deleted, and other specs add their own too).
    const admin = await sessionUserFor(await createTestUser("ADMIN"));
    const id = uniqueId();
    for (const n of [1, 2, 3]) await createSection(admin, { name: `Long section name ${n} ${id}`, slug: `long-section-${n}-${id}`, description: "" });

    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Sections" });
    const links = nav.getByRole("link");
    // Once the page shows this test's sections (other specs may add theirs after them at any moment).
    await expect(nav.getByRole("link", { name: `Long section name 3 ${id}`, exact: true })).toHaveCount(1);
    const boxes = await links.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.length).toBeGreaterThan(4);
    for (const box of boxes) {
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.top, "every section link is on the first row").toBe(boxes[0]!.top);
    }
    const list = nav.getByRole("list");
    expect(await list.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), "the page itself does not scroll sideways").toBeLessThanOrEqual(390);
    await expect(links.last()).not.toBeInViewport();
    await links.last().scrollIntoViewIfNeeded();
    await expect(links.last()).toBeInViewport();
    await links.last().tap();
    await expect(page).toHaveURL(new RegExp(`/long-section-3-${id}$`));
    await expectNoAxeViolations(page);
  });
});

test("the front page shows its lead story's image when it has one", async ({ page }) => {
  // A story with a picture, published now: it leads, unless a parallel spec publishes after it.
  const draft = await createDraft({ sectionSlug: "culture" });
  const author = await sessionUserFor(draft.author);
  const media = await uploadMedia(author, { bytes: await makeImage("jpeg", { width: 800, height: 450 }), filename: `lead-${uniqueId()}.jpg` });
  await testDb().media.update({ where: { id: media.id }, data: { alt: "Crews at work on a water main at night" } });
  await testDb().article.update({ where: { id: draft.id }, data: { featuredImageId: media.id, mediaUsages: { create: [{ mediaId: media.id }] } } });
  await publishArticle(await editorActor(), draft.id);

  await page.goto("/");
  const lead = page.getByRole("region", { name: "Lead story" });
  // Check the lead shown against what that article has, whichever it is.
  const slug = (await lead.getByRole("heading").getByRole("link").getAttribute("href"))!.split("/").pop()!;
  const article = await testDb().article.findUniqueOrThrow({ where: { slug }, select: { featuredImage: { select: { storageKey: true } } } });
  const picture = lead.locator("picture img");
  if (article.featuredImage) {
    await expect(picture).toBeVisible();
    const folder = article.featuredImage.storageKey.split("/").slice(-2)[0]!;
    expect(await picture.getAttribute("src")).toContain(folder);
    // The picture links to the story too, but only the headline is announced and focusable.
    await expect(lead.getByRole("link")).toHaveCount(1);
  } else {
    await expect(picture).toHaveCount(0);
  }
  // Lead and top stories share the row: no column is left empty.
  const top = page.getByRole("region", { name: "Top stories" });
  const [leadBox, topBox] = [await lead.boundingBox(), await top.boundingBox()];
  expect(leadBox!.width).toBeGreaterThan(topBox!.width);
  expect(Math.abs(leadBox!.y - topBox!.y)).toBeLessThan(5);
  await expectNoAxeViolations(page);
});
