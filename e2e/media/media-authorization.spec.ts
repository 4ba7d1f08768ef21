/**
 * Who may do what in the media library: signed-out visitors nothing; any staff member uploads and browses; only the
 * uploader, editors and admins see the controls to edit or delete an image (and the data layer refuses the rest,
 * tests/data/media.test.ts); once a published story shows an image, its alt text, caption and credit are the desk's.
 */
import { uploadMedia } from "@/lib/data/media/changes";
import { createDraft } from "../support/articles";
import { expectNoAxeViolations } from "../support/axe";
import { testDb } from "../support/db";
import { expect, openAs, test } from "../support/fixtures";
import { createTestUser, uniqueId } from "../support/factories";
import { makeImage } from "../support/media-files";

// An upload is processed in the request (ten encodes and a crop): allow for a busy machine.
test.describe.configure({ timeout: 90_000 });

/** An image uploaded by a journalist other than the one signed in (through the data layer, as the API would). */
async function someoneElsesImage() {
  const owner = await createTestUser("JOURNALIST");
  const filename = `owned-${uniqueId()}.png`;
  const actor = { id: owner.id, email: owner.email, name: owner.name, slug: "", role: owner.role };
  const { id } = await uploadMedia(actor, { bytes: await makeImage("png"), filename });
  return { id, filename };
}

test("signed out: the library redirects to sign-in and uploads are refused", async ({ page, request }) => {
  await page.goto("/dashboard/media");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard%2Fmedia/);
  const response = await request.post("/api/media", { multipart: { file: { name: "a.png", mimeType: "image/png", buffer: await makeImage("png") } } });
  expect(response.status()).toBe(401);
});

test("another journalist sees someone else's image read-only", async ({ page, login }) => {
  const image = await someoneElsesImage();
  await login({ role: "JOURNALIST" });
  await page.goto(`/dashboard/media/${image.id}`);
  await expect(page.getByRole("heading", { level: 1, name: image.filename })).toBeVisible();
  await expect(page.getByText("Only the uploader, editors and admins can change this image.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save details" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete image" })).toHaveCount(0);
});

test("an editor may edit and delete anyone's image", async ({ page, login }) => {
  const image = await someoneElsesImage();
  await login({ role: "EDITOR" });
  await page.goto(`/dashboard/media/${image.id}`);
  await expect(page.getByRole("button", { name: "Save details" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete image" })).toBeVisible();
});

test("once a published story shows an image, its text is the desk's: its uploader sees why, and may still move the focal point", async ({ page, login, browser }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const actor = { id: journalist.id, email: journalist.email, name: journalist.name, slug: "", role: journalist.role };
  const { id } = await uploadMedia(actor, { bytes: await makeImage("png"), filename: `shown-${uniqueId()}.png` });
  await testDb().media.update({ where: { id }, data: { alt: "Sandbags along the river wall", caption: "The wall held overnight.", credit: "Photo: Dateline" } });
  // Someone else's story, dated years back in Culture: it never reaches a page other specs read.
  const story = await createDraft({ sectionSlug: "culture" });
  await testDb().article.update({ where: { id: story.id }, data: { featuredImageId: id, status: "PUBLISHED", publishedAt: new Date(Date.now() - 3 * 365 * 86_400_000) } });

  await page.goto(`/dashboard/media/${id}`);
  const reason = "This image appears in a published story; an editor can change its caption, credit and alt text.";
  await expect(page.getByText(reason)).toBeVisible();
  for (const label of ["Alt text", "Caption", "Credit"]) {
    await expect(page.getByLabel(label)).not.toBeEditable();
    await expect(page.getByLabel(label)).toHaveAccessibleDescription(new RegExp(reason.replace(/\./g, "\\.")));
  }
  await expectNoAxeViolations(page);
  await page.getByLabel("From the left (%)").fill("30");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  expect(await testDb().media.findUniqueOrThrow({ where: { id }, select: { caption: true, focalX: true } })).toEqual({ caption: "The wall held overnight.", focalX: 0.3 });

  // A field unlocked by hand: the server refuses, with the same reason.
  await page.reload();
  await page.getByLabel("Caption").evaluate((el) => el.removeAttribute("readonly"));
  await page.getByLabel("Caption").fill("Not reviewed by anyone");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("alert").filter({ hasText: reason })).toBeVisible();
  expect((await testDb().media.findUniqueOrThrow({ where: { id } })).caption).toBe("The wall held overnight.");

  const desk = await openAs(browser, await createTestUser("EDITOR"));
  await desk.page.goto(`/dashboard/media/${id}`);
  await expect(desk.page.getByText(reason)).toHaveCount(0);
  await desk.page.getByLabel("Caption").fill("The wall held overnight, engineers said.");
  await desk.page.getByRole("button", { name: "Save details" }).click();
  await expect(desk.page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  expect((await testDb().media.findUniqueOrThrow({ where: { id } })).caption).toBe("The wall held overnight, engineers said.");
  await desk.context.close();
});
