/**
 * A story goes out as a breaking alert once. Two editors with the offer open at the same moment: one sends it (here
 * through the data layer, as the other instance would), and the second's press, from the story's status panel or
 * from the newsletters page, is refused with when and by whom it went; the panel then says it was sent instead of
 * offering it, the newsletters page no longer lists the story, and the reader has one copy. axe on both refusals.
 */
import { publishArticle } from "@/lib/data/articles/workflow";
import { sendBreakingAlert } from "@/lib/data/newsletters/editions";
import { expectNoAxeViolations } from "../support/axe";
import { testDb } from "../support/db";
import { createEditorArticle, DEK, FILLER, sessionUserOf } from "../support/editor-factories";
import { createTestUser, uniqueId, type TestUser } from "../support/factories";
import { expect, test } from "../support/fixtures";

/** A story by `author`, published, one confirmed reader of the breaking news list, and another editor who sends it first. */
async function storyAnotherEditorWillSend(author: TestUser) {
  const id = uniqueId();
  const article = await createEditorArticle(author, { headline: `Sent once ${id}`, paragraphs: [FILLER], dek: DEK, datelineCity: "Torreón" });
  const other = await createTestUser("EDITOR", { name: `Ana Ruiz ${id}` });
  await publishArticle(await sessionUserOf(other), article.id);
  const reader = await testDb().subscriber.create({ data: { email: `once-${id}@readers.e2e.dateline.test`, status: "CONFIRMED" } });
  await testDb().newsletterMembership.create({ data: { subscriberId: reader.id, list: "BREAKING", kind: "BREAKING" } });
  const sendFirst = async () => sendBreakingAlert(await sessionUserOf(other), article.id);
  const copies = () => testDb().newsletterSend.count({ where: { subscriberId: reader.id, edition: { items: { has: article.id } } } });
  return { article, other, sendFirst, copies };
}

const refusal = (name: string) => new RegExp(`^This story was already sent as a breaking alert (at|on) .+ by ${name}\\.$`);

test("the status panel refuses a second alert and says who sent the first", async ({ page, login }) => {
  const editor = await login({ role: "EDITOR" });
  const { article, other, sendFirst, copies } = await storyAnotherEditorWillSend(editor);
  await page.goto(`/dashboard/articles/${article.id}`);
  const status = page.getByRole("region", { name: "Status" });
  await status.getByRole("button", { name: "Send as breaking alert" }).click();
  await sendFirst();
  await status.getByRole("group", { name: /E-mail this story to everyone on the breaking news list now/ }).getByRole("button", { name: "Yes, send the alert" }).click();

  await expect(status.getByRole("alert")).toHaveText(refusal(other.name));
  await expect(status.getByText(new RegExp(`^Sent as a breaking alert (at|on) .+ by ${other.name}\\.$`))).toBeVisible();
  await expect(status.getByRole("button", { name: "Send as breaking alert" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(await copies()).toBe(1);

  await page.reload();
  await expect(page.getByRole("region", { name: "Status" }).getByText(/^Sent as a breaking alert /)).toBeVisible();
  await expect(page.getByRole("region", { name: "Status" }).getByRole("button", { name: "Send as breaking alert" })).toHaveCount(0);
});

test("the newsletters page refuses a second alert, then no longer lists the story", async ({ page, login }) => {
  const editor = await login({ role: "EDITOR" });
  const { article, other, sendFirst, copies } = await storyAnotherEditorWillSend(editor);
  await page.goto("/dashboard/newsletters");
  const breaking = page.getByRole("region", { name: "Breaking alert" });
  const choice = breaking.getByLabel("Published article");
  await choice.selectOption({ label: article.headline });
  await sendFirst();
  await breaking.getByRole("button", { name: "Send as breaking alert" }).click();

  await expect(breaking.getByRole("alert")).toHaveText(refusal(other.name));
  await expectNoAxeViolations(page);
  expect(await copies()).toBe(1);

  await page.reload();
  await expect(page.getByRole("table", { name: "Editions, newest first" }).getByRole("link", { name: `Breaking: ${article.headline}` })).toHaveCount(1);
  const options = page.getByRole("region", { name: "Breaking alert" }).getByRole("option", { name: article.headline });
  await expect(options).toHaveCount(0);
});
