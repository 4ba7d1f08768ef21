/**
 * Ad slots on the article page: the in-article slot after the body's Nth paragraph, the sidebar slot beside the
 * article on wide screens, the house message that fills empty slots (the demo turns it on), and an admin saving an
 * image ad: its address checked, the ad previewed. Every slot is labelled "Advertising".
 *
 * The site's ad settings are shared by every spec running in parallel, so these specs read them and never change
 * them; the slots they create are their own, and deleted again.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { createAdSlot, deleteAdSlot } from "@/lib/data/ad-slots";
import { publishArticle } from "@/lib/data/articles/workflow";
import { documentFromParagraphs, documentToPlainText, renderDocumentHtml } from "@/lib/content/document";
import { expect, test } from "../support/fixtures";
import { createDraft, editorActor } from "../support/articles";
import { expectNoAxeViolations } from "../support/axe";
import { testDb } from "../support/db";
import { createTestUser, uniqueId } from "../support/factories";
import { sessionUserFor } from "../support/admin-helpers";

test.describe.configure({ timeout: 120_000 });

/** A published story of six paragraphs, "Paragraph 1 …" to "Paragraph 6 …". */
async function publishLongStory() {
  const draft = await createDraft();
  const paragraphs = Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1} of a long story ${draft.slug}: officials spoke about water, roads and schools.`);
  const body = documentFromParagraphs(paragraphs);
  await testDb().article.update({
    where: { id: draft.id },
    data: { body: body as unknown as Prisma.InputJsonValue, bodyHtml: renderDocumentHtml(body), bodyText: documentToPlainText(body) },
  });
  await publishArticle(await editorActor(), draft.id);
  return { ...draft, paragraphs };
}

test("the in-article slot stands after the Nth paragraph of the body, labelled “Advertising”", async ({ page }) => {
  const admin = await sessionUserFor(await createTestUser("ADMIN"));
  const story = await publishLongStory();
  const { adParagraph } = await testDb().settings.findUniqueOrThrow({ where: { id: 1 }, select: { adParagraph: true } });
  const id = uniqueId();
  const slot = await createAdSlot(admin, { name: `In-article ${id}`, placement: "IN_ARTICLE", enabled: true, kind: "HTML", imageUrl: "", linkUrl: "", altText: "", html: `<p>Snippet ${id}</p>`, position: 0 });
  try {
    await page.goto(story.path);
    const ad = page.getByRole("main").getByRole("complementary", { name: "Advertising in the article" });
    await expect(ad).toContainText("Advertising");
    await expect(ad.locator("iframe")).toHaveAttribute("title", "Advertisement");
    await expect(page.frameLocator('aside[aria-label="Advertising in the article"] iframe').getByText(`Snippet ${id}`)).toBeVisible();
    const top = async (text: string) => (await page.getByText(text, { exact: true }).boundingBox())!.y;
    const adTop = (await ad.boundingBox())!.y;
    expect(adTop).toBeGreaterThan(await top(story.paragraphs[adParagraph - 1]!));
    expect(adTop).toBeLessThan(await top(story.paragraphs[adParagraph]!));
    // The header slot still comes first, above the headline.
    const header = page.getByRole("main").getByRole("complementary", { name: "Advertising", exact: true });
    expect((await header.boundingBox())!.y).toBeLessThan((await page.getByRole("heading", { level: 1 }).boundingBox())!.y);
    await expectNoAxeViolations(page);
  } finally {
    await deleteAdSlot(admin, slot.id);
  }
});

test("empty slots carry the house message when it is on; the sidebar shows beside the article on wide screens only", async ({ page }) => {
  const settings = await testDb().settings.findUniqueOrThrow({ where: { id: 1 }, select: { houseAdEnabled: true, houseAdText: true } });
  expect(settings.houseAdEnabled, "the demo newsroom turns the house message on").toBe(true);
  const story = await publishLongStory();
  await page.goto(story.path);
  // No spec shows a sidebar ad, so that slot holds the house message.
  const sidebar = page.getByRole("complementary", { name: "Advertising beside the article" });
  await expect(sidebar).toContainText("Advertising");
  await expect(sidebar).toContainText(settings.houseAdText);
  const [article, aside] = [await page.getByRole("article").first().boundingBox(), await sidebar.boundingBox()];
  expect(aside!.x, "beside the article").toBeGreaterThan(article!.x + article!.width - 1);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(sidebar).toBeHidden();
});

test("an image ad's address is checked when saved, and the saved ad is previewed", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const id = uniqueId();
  await page.goto("/admin/settings/ads/new");
  await page.getByLabel("Name", { exact: true }).fill(`Checked ${id}`);
  await page.getByLabel("Placement", { exact: true }).selectOption("SIDEBAR");
  await page.getByLabel("Enabled (shown to readers)").uncheck(); // readers of parallel specs never see it
  await page.getByLabel("Image description (alt text)", { exact: true }).fill(`Checked ad ${id}`);

  // Refused: plain http, and a path on this site that is not an image.
  await page.getByLabel("Image URL", { exact: true }).fill("http://ads.example.test/banner.png");
  await page.getByRole("button", { name: "Create ad slot" }).click();
  await expect(page.getByText("Enter the image's address starting with https://")).toBeVisible();
  await page.getByLabel("Image URL", { exact: true }).fill("/feed.xml");
  await page.getByRole("button", { name: "Create ad slot" }).click();
  await expect(page.getByText("That address does not show an image: there is no image at that address on this site.")).toBeVisible();
  await expect(page.getByLabel("Image URL", { exact: true })).toBeFocused();
  expect(await testDb().adSlot.count({ where: { name: `Checked ${id}` } })).toBe(0);

  // A server this machine cannot reach: saved, said so, and the preview shows whether the browser can load it.
  await page.getByLabel("Image URL", { exact: true }).fill("https://ads.invalid/banner.png");
  await page.getByRole("button", { name: "Create ad slot" }).click();
  await page.waitForURL(/\/admin\/settings\/ads\/[a-z0-9]+\?ad=created&image=unchecked$/);
  await expect(page.getByText("The ad slot was created.")).toBeVisible();
  await expect(page.getByText("The server could not reach the image's address to check it")).toBeVisible();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("complementary", { name: "Advertising beside the article" })).toContainText("Advertising");
  await expect(preview.getByRole("status")).toHaveText("The image does not load in this browser: check its address.");

  // An image on this site: checked, and it loads.
  await page.getByLabel("Image URL", { exact: true }).fill("/logo.png");
  await page.getByRole("button", { name: "Save ad slot" }).click();
  await page.waitForURL(/\?ad=saved$/);
  await expect(preview.getByRole("img", { name: `Checked ad ${id}` })).toBeVisible();
  await expect(preview.getByRole("status")).toHaveText("The image loads (512 × 512 pixels).");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Delete this ad slot" }).click();
  await page.waitForURL("**/admin/settings?ad=deleted");
});

test("the ad settings refuse an impossible paragraph without saving anything", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const before = await testDb().settings.findUniqueOrThrow({ where: { id: 1 } });
  await page.goto("/admin/settings");
  const form = page.getByRole("region", { name: "Ad settings" });
  await expect(form.getByLabel("In-article slot after paragraph")).toHaveValue(String(before.adParagraph));
  await expect(form.getByLabel("Show the house message in empty ad slots")).toBeChecked({ checked: before.houseAdEnabled });
  await form.getByLabel("In-article slot after paragraph").fill("0");
  await form.getByRole("button", { name: "Save ad settings" }).click();
  await expect(form.getByText("Use 1 or more")).toBeVisible();
  await expect(form.getByLabel("In-article slot after paragraph")).toBeFocused();
  await expectNoAxeViolations(page);
  expect(await testDb().settings.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before);
});
