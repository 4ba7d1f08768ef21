/**
 * Who may do what in the media library: signed-out visitors nothing; any staff member uploads and browses; only the
 * uploader, editors and admins see the controls to edit or delete an image (and the data layer refuses the rest,
 * tests/data/media.test.ts).
 */
import { uploadMedia } from "@/lib/data/media/changes";
import { expect, test } from "../support/fixtures";
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
