/**
 * "Send as breaking alert" from the article editor: an editor opens a published story, asks for the alert in its
 * status panel (stepping back once), confirms, and a reader of the breaking news list gets it (written as .eml by the
 * scheduler's worker); the alert is in the desk's editions, and the panel then says it was sent. A journalist is not offered the button on their own
 * published story. axe on the panel with the confirmation open.
 */
import { publishArticle } from "@/lib/data/articles/workflow";
import { expectNoAxeViolations } from "../support/axe";
import { testDb } from "../support/db";
import { createEditorArticle, DEK, FILLER, sessionUserOf } from "../support/editor-factories";
import { createTestUser, uniqueId, type TestUser } from "../support/factories";
import { expect, test } from "../support/fixtures";
import { waitForMail } from "../support/mail-files";

/** A story by `author`, published by an editor, and one confirmed reader of the breaking news list. */
async function publishedStoryWithReader(author: TestUser) {
  const id = uniqueId();
  const article = await createEditorArticle(author, { headline: `Alert from the editor ${id}`, paragraphs: [FILLER], dek: DEK, datelineCity: "Saltillo" });
  await publishArticle(await sessionUserOf(await createTestUser("EDITOR")), article.id);
  const reader = await testDb().subscriber.create({ data: { email: `alert-${id}@readers.e2e.dateline.test`, status: "CONFIRMED" } });
  await testDb().newsletterMembership.create({ data: { subscriberId: reader.id, list: "BREAKING", kind: "BREAKING" } });
  return { article, reader };
}

test("an editor sends a published story as a breaking alert from its editor", async ({ page, login }) => {
  const editor = await login({ role: "EDITOR" });
  const { article, reader } = await publishedStoryWithReader(editor);
  await page.goto(`/dashboard/articles/${article.id}`);
  const status = page.getByRole("region", { name: "Status" });
  // Asked, then stepped back from: nothing is sent.
  await status.getByRole("button", { name: "Send as breaking alert" }).click();
  await status.getByRole("button", { name: "Cancel", exact: true }).click();
  expect(await testDb().edition.count({ where: { kind: "BREAKING", items: { has: article.id } } })).toBe(0);
  await status.getByRole("button", { name: "Send as breaking alert" }).click();
  const confirm = status.getByRole("group", { name: /E-mail this story to everyone on the breaking news list now/ });
  await expect(confirm).toBeVisible();
  await expectNoAxeViolations(page);
  await confirm.getByRole("button", { name: "Yes, send the alert" }).click();
  await expect(status.getByText(/^The breaking alert is on its way to [\d,]+ readers?\.$/)).toBeVisible();
  await expect(confirm).toHaveCount(0);
  // A story goes out as an alert once: the panel says when and by whom instead of offering it again.
  await expect(status.getByText(new RegExp(`^Sent as a breaking alert (at|on) .+ by ${editor.name}\\.$`))).toBeVisible();
  await expect(status.getByRole("button", { name: "Send as breaking alert" })).toHaveCount(0);

  const mail = await waitForMail(reader.email, new RegExp(article.headline), 30_000);
  expect(mail.subject).toBe(`Breaking: ${article.headline}`);
  await page.goto("/dashboard/newsletters");
  await expect(page.getByRole("table", { name: "Editions, newest first" }).getByRole("link", { name: `Breaking: ${article.headline}` })).toBeVisible();
});

test("a journalist is not offered the alert on their published story", async ({ page, login }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const { article } = await publishedStoryWithReader(journalist);
  await page.goto(`/dashboard/articles/${article.id}`);
  const status = page.getByRole("region", { name: "Status" });
  await expect(status.getByRole("link", { name: /View on site/ })).toBeVisible();
  await expect(status.getByRole("button", { name: "Send as breaking alert" })).toHaveCount(0);
});
