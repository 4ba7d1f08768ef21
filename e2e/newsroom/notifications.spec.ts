/**
 * Notifications (issue 21), as three people in three browsers live them: a journalist submits a story, an editor
 * sends it back and later publishes it, and another journalist, who has nothing to do with it, hears nothing. The
 * count in the staff header comes with page loads and from the once-a-minute check (the clock fast-forwarded); each
 * notification links to the story and is marked read one by one or all at once. E-mail copies are switched in the
 * profile (their sending is tests/data/notification-emails.test.ts, through a real SMTP server).
 */
import type { Page } from "@playwright/test";
import { signedInPage } from "../support/admin-helpers";
import { expectNoAxeViolations } from "../support/axe";
import { createEditorArticle, DEK, FILLER } from "../support/editor-factories";
import { createTestUser, uniqueId } from "../support/factories";
import { expect, test } from "../support/fixtures";

test.describe.configure({ timeout: 120_000 });

const header = (page: Page) => page.getByRole("banner");
const statusRegion = (page: Page) => page.getByRole("region", { name: "Status", exact: true });
const notificationList = (page: Page) => page.getByRole("list", { name: "Notifications, newest first" });

test("submit, send back and publish reach the story's people, never the one who acted nor anyone else; read and unread", async ({ browser }) => {
  const journalist = await createTestUser("JOURNALIST");
  const editor = await createTestUser("EDITOR");
  const bystander = await createTestUser("JOURNALIST");
  const headline = `Night buses return ${uniqueId()}`;
  const article = await createEditorArticle(journalist, { headline, paragraphs: [FILLER], dek: DEK, datelineCity: "Saltillo" });
  const author = await signedInPage(browser, journalist);
  const desk = await signedInPage(browser, editor);
  const other = await signedInPage(browser, bystander);
  const submitted = `${journalist.name} submitted “${headline}” for review.`;
  const sentBack = `${editor.name} sent “${headline}” back: changes requested.`;
  const published = `${editor.name} published “${headline}”.`;

  await test.step("the journalist submits: the editor is told, with a link to the story", async () => {
    await author.page.goto(article.editorPath);
    await statusRegion(author.page).getByRole("button", { name: "Submit for review" }).click();
    await expect(statusRegion(author.page).getByText("In review", { exact: true })).toBeVisible();

    await desk.page.goto("/dashboard/notifications");
    await notificationList(desk.page).getByRole("link", { name: submitted }).click();
    await desk.page.waitForURL(`**${article.editorPath}`);
  });

  await test.step("the editor sends it back with a note: the journalist's header counts it, and the list quotes the note", async () => {
    await statusRegion(desk.page).getByLabel("Note to the author").fill("Add the timetable.");
    await statusRegion(desk.page).getByRole("button", { name: "Send back" }).click();
    await expect(statusRegion(desk.page).getByText("Changes requested", { exact: true })).toBeVisible();

    await author.page.goto("/dashboard");
    await expect(header(author.page).getByRole("link", { name: "Notifications 1 unread" })).toBeVisible();
    await header(author.page).getByRole("link", { name: "Notifications 1 unread" }).click();
    const item = notificationList(author.page).getByRole("listitem").filter({ hasText: sentBack });
    await expect(item).toContainText("Add the timetable.");
    await expect(item).toContainText("Unread");
    await expectNoAxeViolations(author.page);
  });

  await test.step("the journalist resubmits and the editor publishes: the open page's count follows within the minute", async () => {
    await author.page.clock.install();
    await author.page.goto(article.editorPath);
    await statusRegion(author.page).getByRole("button", { name: "Submit for review" }).click();
    await expect(statusRegion(author.page).getByText("In review", { exact: true })).toBeVisible();
    await author.page.goto("/dashboard");
    await expect(header(author.page).getByRole("link", { name: "Notifications 1 unread" })).toBeVisible();

    await desk.page.goto(article.editorPath);
    await statusRegion(desk.page).getByRole("button", { name: "Publish", exact: true }).click();
    await expect(statusRegion(desk.page).getByText("Published", { exact: true })).toBeVisible();

    // No reload: the header asks for the count once a minute while the tab is visible.
    await expect(header(author.page).getByRole("link", { name: "Notifications 1 unread" })).toBeVisible();
    await author.page.clock.fastForward(61_000);
    await expect(header(author.page).getByRole("link", { name: "Notifications 2 unread" })).toBeVisible();
  });

  await test.step("marked read one at a time, then all at once", async () => {
    await header(author.page).getByRole("link", { name: "Notifications 2 unread" }).click();
    const list = notificationList(author.page);
    await expect(list.getByRole("link")).toHaveText([published, sentBack]);
    await list.getByRole("button", { name: `Mark as read: ${published}` }).click();
    await expect(header(author.page).getByRole("link", { name: "Notifications 1 unread" })).toBeVisible();
    await expect(list.getByRole("button", { name: `Mark as unread: ${published}` })).toBeVisible();
    await author.page.getByRole("button", { name: "Mark all as read" }).click();
    await expect(header(author.page).getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
    await expect(list.getByText("Unread", { exact: true })).toHaveCount(0);
    await list.getByRole("link", { name: published }).click();
    await author.page.waitForURL(`**${article.editorPath}`);
  });

  await test.step("the editor heard of both submissions and nothing of their own acts; the bystander heard nothing", async () => {
    await desk.page.goto("/dashboard/notifications");
    const about = notificationList(desk.page).getByRole("link").filter({ hasText: headline });
    await expect(about).toHaveText([submitted, submitted]);

    await other.page.goto("/dashboard/notifications");
    await expect(header(other.page).getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
    await expect(other.page.getByText(/^Nothing yet\./)).toBeVisible();
    await expectNoAxeViolations(other.page);
  });

  await Promise.all([author.close(), desk.close(), other.close()]);
});

test("e-mail copies are turned off and on again in the profile", async ({ page, login }) => {
  await login({ role: "JOURNALIST" });
  await page.goto("/dashboard/profile");
  const section = page.getByRole("region", { name: "Notifications" });
  const box = section.getByLabel("E-mail me my notifications");
  await expect(box).toBeChecked();
  await expect(section).toContainText("This server does not send e-mail yet");
  await box.uncheck();
  await section.getByRole("button", { name: "Save notification settings" }).click();
  await expect(section.getByRole("status")).toHaveText("No more notification e-mails: you will find them in Dateline only.");
  await page.reload();
  await expect(page.getByRole("region", { name: "Notifications" }).getByLabel("E-mail me my notifications")).not.toBeChecked();
  await page.getByRole("region", { name: "Notifications" }).getByLabel("E-mail me my notifications").check();
  await page.getByRole("region", { name: "Notifications" }).getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByRole("region", { name: "Notifications" }).getByRole("status")).toHaveText("Your notifications will also come by e-mail.");
  await expectNoAxeViolations(page);
});
