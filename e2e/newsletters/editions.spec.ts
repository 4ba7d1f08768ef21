/**
 * The desk's editions page: prepare a section's edition, reorder and introduce it, preview it, send a test to
 * oneself, send it; the copy reaches the section's reader (written as .eml by the scheduler's worker, no SMTP in the
 * e2e run) and the numbers say so. A breaking alert and a cancelled edition. axe on both pages.
 */
import { expect, test } from "../support/fixtures";
import { publishArticle } from "@/lib/data/articles/workflow";
import { createSection } from "@/lib/data/sections";
import { sectionList } from "@/lib/newsletters/lists";
import { createDraft, editorActor } from "../support/articles";
import { expectNoAxeViolations } from "../support/axe";
import { testDb } from "../support/db";
import { createTestUser, uniqueId } from "../support/factories";
import { waitForMail } from "../support/mail-files";

/** A fresh section with two published stories and one confirmed reader of its list. */
async function sectionWithReader() {
  const id = uniqueId();
  // Made as an admin makes it (lib/data), which expires the cached section lists the desk's forms read.
  const admin = await createTestUser("ADMIN");
  const { slug } = await testDb().user.findUniqueOrThrow({ where: { id: admin.id }, select: { slug: true } });
  const section = await createSection({ id: admin.id, email: admin.email, name: admin.name, slug, role: "ADMIN" }, { name: `Desk ${id}`, slug: `desk-${id}`, description: "" });
  const first = await createDraft({ sectionSlug: section.slug, headline: `First desk story ${id}` });
  const second = await createDraft({ sectionSlug: section.slug, headline: `Second desk story ${id}` });
  const actor = await editorActor();
  await publishArticle(actor, first.id);
  await publishArticle(actor, second.id);
  const reader = await testDb().subscriber.create({ data: { email: `desk-${id}@readers.e2e.dateline.test`, status: "CONFIRMED" } });
  await testDb().newsletterMembership.create({ data: { subscriberId: reader.id, list: sectionList(section.id), kind: "SECTION", sectionId: section.id } });
  return { section, first, second, reader };
}

test("an editor prepares a section's edition, previews it, tests it and sends it", async ({ page, login }) => {
  const { section, first, second, reader } = await sectionWithReader();
  await login({ role: "EDITOR" });
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Newsletters" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Newsletters" })).toBeVisible();
  await expectNoAxeViolations(page);
  const prepare = page.getByRole("region", { name: "A section's edition" });
  await prepare.getByLabel("Section").selectOption({ label: section.name });
  await prepare.getByRole("button", { name: "Prepare the section's edition" }).click();
  await expect(page).toHaveURL(/\/dashboard\/newsletters\/[a-z0-9]+$/);

  const articles = page.getByRole("region", { name: "Articles, in order" }).getByRole("listitem");
  await expect(articles).toHaveCount(2);
  await expect(articles.first()).toContainText(second.headline);
  await page.getByRole("button", { name: `Move “${first.headline}” up` }).click();
  await expect(articles.first()).toContainText(first.headline);
  await page.getByLabel("Introduction").fill("Good morning from the desk.");
  await page.getByRole("button", { name: "Save the edition" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The edition was saved." })).toBeVisible();
  await expectNoAxeViolations(page);

  const editionId = page.url().split("/").pop()!;
  const preview = await page.request.get(`/dashboard/newsletters/${editionId}/preview`);
  expect(preview.status()).toBe(200);
  const html = await preview.text();
  expect(html).toContain("Good morning from the desk.");
  expect(html.indexOf(first.headline)).toBeLessThan(html.indexOf(second.headline));

  await page.getByRole("button", { name: "Send a test to me" }).click();
  await expect(page.getByRole("status").filter({ hasText: /test/ })).toBeVisible();
  await page.getByRole("button", { name: "Send now" }).click();
  await page.getByRole("button", { name: "Yes, send it now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The edition is on its way to 1 reader." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send now" })).toHaveCount(0);

  // The scheduler's worker sends it within a few seconds.
  const mail = await waitForMail(reader.email, new RegExp(first.headline), 30_000);
  expect(mail.text).toContain("Good morning from the desk.");
  // The scheduler closes the edition on its next tick once its copies are all done.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("definition").nth(1)).toHaveText("1", { timeout: 1000 });
    await expect(page.getByText(/· Sent ·/)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  expect(await testDb().auditLog.count({ where: { action: { in: ["newsletter.send", "newsletter.test"] }, targetId: editionId } })).toBe(2);
});

test("a breaking alert goes out at once; an edition can be cancelled before it goes", async ({ page, login }) => {
  const { section, first } = await sectionWithReader();
  await login({ role: "ADMIN" });
  await page.goto("/dashboard/newsletters");
  const breaking = page.getByRole("region", { name: "Breaking alert" });
  await breaking.getByLabel("Published article").selectOption({ label: first.headline });
  await breaking.getByRole("button", { name: "Send as breaking alert" }).click();
  await expect(breaking.getByRole("status")).toContainText("The breaking alert is on its way to");
  await expect(page.getByRole("table", { name: "Editions, newest first" }).getByRole("link", { name: `Breaking: ${first.headline}` })).toBeVisible();

  await page.getByRole("region", { name: "A section's edition" }).getByLabel("Section").selectOption({ label: section.name });
  await page.getByRole("button", { name: "Prepare the section's edition" }).click();
  await page.getByRole("button", { name: "Cancel the edition" }).click();
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The edition is cancelled" })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/· Cancelled/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Send now" })).toHaveCount(0);
});
