/**
 * What a story's people see of its state (issue 21): "Changes requested" as a badge in the dashboard and a banner
 * with the editor's note in the editor until the author resubmits; "Open preview" before publication and "View on
 * site" after, in the editor's status panel and the dashboard's rows; and a history that credits the schedule, and
 * whoever set it, for a story the schedule published.
 */
import type { Page } from "@playwright/test";
import { publishArticle, publishDueArticles, scheduleArticle, sendBack, submitForReview } from "@/lib/data/articles/workflow";
import { expectNoAxeViolations } from "../support/axe";
import { createEditorArticle, DEK, FILLER, readArticle, sessionUserOf } from "../support/editor-factories";
import { createTestUser, uniqueId } from "../support/factories";
import { expect, test } from "../support/fixtures";

test.describe.configure({ timeout: 90_000 });

const statusRegion = (page: Page) => page.getByRole("region", { name: "Status", exact: true });
const banner = (page: Page) => page.getByRole("region", { name: "Changes requested" });
const articlesTable = (page: Page) => page.getByRole("table", { name: "Your articles" });

/** A story by `author`, ready for the checklist. */
const story = (author: Awaited<ReturnType<typeof createTestUser>>, headline: string) =>
  createEditorArticle(author, { headline, paragraphs: [FILLER], dek: DEK, datelineCity: "Saltillo" });

test("a story sent back is “Changes requested” in the dashboard and shows the editor's note in the editor until it is resubmitted", async ({ page, login }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const editor = await createTestUser("EDITOR");
  const headline = `Market hours change ${uniqueId()}`;
  const article = await story(journalist, headline);
  await submitForReview(await sessionUserOf(journalist), article.id);
  await sendBack(await sessionUserOf(editor), article.id, "Say which markets.\nAnd since when.");

  await page.goto("/dashboard");
  const row = articlesTable(page).getByRole("row").filter({ hasText: headline });
  await expect(row.getByText("Changes requested", { exact: true })).toBeVisible();
  await page.getByLabel("Status").selectOption({ label: "Changes requested" });
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page).toHaveURL(/status=CHANGES_REQUESTED/);
  await expect(articlesTable(page).getByRole("row").filter({ hasText: headline })).toBeVisible();
  await expect(articlesTable(page).getByText("Draft", { exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await articlesTable(page).getByRole("link", { name: headline, exact: true }).click();
  await expect(banner(page)).toContainText(`${editor.name} sent this story back on`);
  await expect(banner(page).locator("blockquote")).toHaveText("Say which markets.\nAnd since when.");
  await expect(statusRegion(page).getByText("Changes requested", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  await statusRegion(page).getByRole("button", { name: "Submit for review" }).click();
  await expect(statusRegion(page).getByText("In review", { exact: true })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  expect((await readArticle(article.id)).status).toBe("IN_REVIEW");
});

test("“Open preview” before publication and “View on site” after, in the editor's status panel and in the dashboard", async ({ page, login }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const headline = `Library extends hours ${uniqueId()}`;
  const article = await story(journalist, headline);

  await page.goto(article.editorPath);
  const [preview] = await Promise.all([page.waitForEvent("popup"), statusRegion(page).getByRole("link", { name: "Open preview (opens in a new tab)" }).click()]);
  await expect(preview).toHaveURL(new RegExp(`/dashboard/articles/${article.id}/preview$`));
  await expect(preview.getByRole("note")).toHaveText(/^PREVIEW — Draft\./);
  await expect(preview.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  await expectNoAxeViolations(preview);
  await preview.close();
  await expect(statusRegion(page).getByRole("link", { name: /^View on site/ })).toHaveCount(0);

  await page.goto("/dashboard");
  await articlesTable(page).getByRole("link", { name: `Open preview: ${headline}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();

  const editor = await createTestUser("EDITOR");
  await publishArticle(await sessionUserOf(editor), article.id);
  const publicPath = `/${article.sectionSlug}/${article.slug}`;
  await page.goto(article.editorPath);
  await expect(statusRegion(page).getByRole("link", { name: "View on site (opens in a new tab)" })).toHaveAttribute("href", publicPath);
  await expect(statusRegion(page).getByRole("link", { name: /^Open preview/ })).toHaveCount(0);

  await page.goto("/dashboard");
  await expect(articlesTable(page).getByRole("link", { name: `Open preview: ${headline}` })).toHaveCount(0);
  await articlesTable(page).getByRole("link", { name: `View on site: ${headline}` }).click();
  await expect(page).toHaveURL(new RegExp(`${publicPath}$`));
  await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();
});

test("a story the schedule published says so in its history, with who set the schedule", async ({ page, login }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const editor = await createTestUser("EDITOR");
  const article = await story(journalist, `Bridge reopens ${uniqueId()}`);
  const at = new Date(Date.now() + 10 * 60_000);
  await scheduleArticle(await sessionUserOf(editor), article.id, at);
  expect(await publishDueArticles({ now: at })).toContain(article.id);

  await page.goto(article.editorPath);
  const history = page.getByRole("region", { name: "Revisions" }).getByRole("listitem").first();
  await expect(history).toContainText(`Status: Published · by the schedule (set by ${editor.name})`);
  await expect(history).not.toContainText(journalist.name);
});
