/**
 * "New article" leaves no "Untitled" row behind (issue 21): a draft left with nothing typed is hidden from the
 * dashboard and deleted by the scheduler a minute later, whether it was left for another page of the app or for
 * another site; a reloaded one, one with a headline and one left for its live coverage stay.
 */
import type { Page } from "@playwright/test";
import { testDb } from "../support/db";
import { createTestUser } from "../support/factories";
import { expect, openAs, test } from "../support/fixtures";

// One test waits for the real scheduler: the minute's grace and a sweep (every 15 s).
test.describe.configure({ timeout: 180_000 });

/** Clicks "New article" on the dashboard and waits for the editor; returns the new draft's id. */
async function newArticle(page: Page): Promise<string> {
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "New article" }).click();
  await page.waitForURL(/\/dashboard\/articles\/[^/]+$/);
  await expect(page.getByRole("textbox", { name: "Body" })).toBeVisible();
  return page.url().split("/").pop()!;
}

const row = (id: string) => testDb().article.findUnique({ where: { id }, select: { leftBlankAt: true, headline: true } });

test("a new article left with nothing typed is not listed and is deleted a minute later; a reloaded one and a live one stay", async ({ page, login, browser }) => {
  await login({ role: "JOURNALIST" });
  const reloaded = await newArticle(page);
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Body" })).toBeVisible();

  // Left for its live coverage with nothing typed in the editor (another journalist's, whose dashboard lists it): the
  // editor reports it left, the composer covers it. Left before the drafts below, so the sweeps that delete them
  // come after its minute too.
  const reporter = await openAs(browser, await createTestUser("JOURNALIST"));
  const composer = reporter.page;
  const covered = await newArticle(composer);
  await composer.getByRole("link", { name: "Live coverage" }).click();
  await composer.waitForURL(`**/dashboard/articles/${covered}/live`);
  await expect.poll(async () => (await row(covered))?.leftBlankAt ?? null).not.toBeNull();
  await composer.getByRole("button", { name: "Start live coverage" }).click();
  await expect(composer.getByRole("button", { name: "End coverage" })).toBeVisible();
  const update = composer.getByRole("form", { name: "New entry" }).getByRole("textbox", { name: "Update" });
  await update.fill("Crowds gather at the square.");
  await update.press("Control+Enter");
  await expect(composer.getByRole("heading", { name: "Entries (1)" })).toBeVisible();
  await composer.goto("about:blank");

  const viaLink = await page.context().newPage();
  const leftForDashboard = await newArticle(viaLink);
  await viaLink.getByRole("link", { name: "Articles" }).click();
  await viaLink.waitForURL("**/dashboard");
  await expect(viaLink.getByRole("link", { name: "Untitled", exact: true })).toHaveCount(0);

  const elsewhere = await page.context().newPage();
  const leftForAnotherSite = await newArticle(elsewhere);
  await elsewhere.goto("about:blank");

  await expect.poll(async () => (await row(leftForDashboard))?.leftBlankAt ?? null).not.toBeNull();
  await expect.poll(async () => (await row(leftForAnotherSite))?.leftBlankAt ?? null).not.toBeNull();
  await expect.poll(async () => [await row(leftForDashboard), await row(leftForAnotherSite)], { timeout: 150_000, intervals: [5_000] }).toEqual([null, null]);
  for (const id of [leftForDashboard, leftForAnotherSite]) {
    expect(await testDb().auditLog.findFirst({ where: { action: "article.discard_blank", targetId: id } })).not.toBeNull();
  }
  // Still open in the first tab after its reload: kept.
  expect(await row(reloaded)).not.toBeNull();
  // The live story outlived the same sweeps, with its entry, and is listed.
  expect(await row(covered)).not.toBeNull();
  expect(await testDb().liveEntry.count({ where: { articleId: covered } })).toBe(1);
  await composer.goto("/dashboard");
  await expect(composer.getByRole("link", { name: "Untitled", exact: true }).and(composer.locator(`[href="/dashboard/articles/${covered}"]`))).toBeVisible();
  await reporter.context.close();
});

test("a new article with anything typed in it is kept and listed under its headline", async ({ page, login }) => {
  await login({ role: "JOURNALIST" });
  const id = await newArticle(page);
  await page.getByLabel("Headline").fill("Market day moves to Saturday");
  await expect(page.getByRole("status").filter({ hasText: /^Saved at/ })).toBeVisible();
  await page.getByRole("link", { name: "Articles" }).click();
  await page.waitForURL("**/dashboard");
  await expect(page.getByRole("link", { name: "Market day moves to Saturday", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Untitled", exact: true })).toHaveCount(0);
  expect(await row(id)).toEqual({ leftBlankAt: null, headline: "Market day moves to Saturday" });
});

test("another site cannot say a blank draft was left", async ({ page, login }) => {
  await login({ role: "JOURNALIST" });
  const id = await newArticle(page);
  const forged = await page.request.post(`/api/articles/${id}/left-blank`, { headers: { origin: "https://elsewhere.example", "sec-fetch-site": "cross-site" } });
  expect(forged.status()).toBe(403);
  expect((await row(id))?.leftBlankAt).toBeNull();
});
