import { expect, test } from "@playwright/test";
import { articles, staff } from "@/prisma/seed-data";
import { expectNoAxeViolations } from "../support/axe";

const lead = articles[0]!;
const leadAuthor = staff.find((s) => s.email === lead.authors[0])!;
const firstParagraphText = lead.body.flatMap((block) => (block.type === "p" ? [block.text] : []))[0]!;

test("a reader opens the home page and reads a seeded article, top to bottom", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "News" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Through the News section: other specs publish in parallel and may push it off the front page.
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "News" }).click();
  // They may push it off the section's first page too: older pages are a "Next page" away.
  await expect(page).toHaveURL(/\/news$/);
  await page.waitForLoadState();
  const leadLink = page.getByRole("main").getByRole("link", { name: lead.headline }).first();
  for (let pages = 2; pages <= 10 && !(await leadLink.isVisible()); pages++) {
    await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(new RegExp(`/news/page/${pages}$`));
    await page.waitForLoadState();
  }
  await leadLink.click();
  await expect(page).toHaveURL(new RegExp(`/news/${lead.slug}$`));

  const main = page.getByRole("main");
  // The header slot (the in-article and sidebar slots are "Advertising in the article" and "… beside the article").
  const ad = main.getByRole("complementary", { name: "Advertising", exact: true });
  const section = main.getByRole("link", { name: "News", exact: true });
  const headline = page.getByRole("heading", { level: 1 });
  const byline = main.getByText(`By ${leadAuthor.name}`, { exact: true });
  const dateline = main.getByText(lead.datelineCity, { exact: true });
  const date = main.locator("time").first();
  const firstParagraph = main.getByText(firstParagraphText, { exact: true });
  const share = main.getByRole("heading", { name: "Share this post:" });
  const back = main.getByRole("link", { name: "< Back" });

  await expect(headline).toHaveText(lead.headline);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(ad).toContainText("Advertising");
  await expect(byline).toBeVisible();
  await expect(main.getByRole("link", { name: leadAuthor.name })).toHaveAttribute("href", `/author/${leadAuthor.slug}`);
  await expect(date).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(date).toHaveText(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
  for (const name of ["X", "Facebook", "LinkedIn", "WhatsApp", "Email"]) {
    await expect(main.getByRole("link", { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  await expect(main.getByRole("button", { name: "Copy link" })).toBeVisible();
  await expect(back).toHaveAttribute("href", "/news");

  // The order readers see, top to bottom.
  const tops: number[] = [];
  for (const locator of [ad, section, headline, byline, dateline, date, firstParagraph, share, back]) {
    const box = await locator.boundingBox();
    expect(box, "every element of the article page is visible").not.toBeNull();
    tops.push(box!.y);
  }
  expect([...tops].sort((a, b) => a - b)).toEqual(tops);

  await expectNoAxeViolations(page);
});

test("an unknown article answers 404 with a helpful page", async ({ page }) => {
  const response = await page.goto("/news/this-article-does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("drafts and articles in review are not public", async ({ page }) => {
  const hidden = articles.filter((a) => a.status !== "PUBLISHED");
  expect(hidden.length).toBeGreaterThan(0);
  for (const article of hidden) {
    const response = await page.goto(`/${article.section}/${article.slug}`);
    expect(response?.status(), article.slug).toBe(404);
  }
  await page.goto("/");
  for (const article of hidden) {
    await expect(page.getByRole("link", { name: article.headline })).toHaveCount(0);
  }
});
