/**
 * The media library end to end: upload by file picker and by drag and drop, see the variants, refused files with
 * their messages (and nothing stored), alt text edited and required for publishing, responsive images on the public
 * article, and deleting an image in use refused. Files are made at test time (e2e/support/media-files.ts).
 */
import { randomBytes } from "node:crypto";
import { publishArticle } from "@/lib/data/articles/workflow";
import { WorkflowError } from "@/lib/data/errors";
import { REJECTION_MESSAGES } from "@/lib/media/errors";
import { expect, test } from "../support/fixtures";
import { createDraft, editorActor } from "../support/articles";
import { testDb } from "../support/db";
import { uniqueId } from "../support/factories";
import { EXIF_SECRET, makeCorruptJpeg, makeImage, makeNoisyPng, makePhotoWithExif, makePngBomb, makeSvg, makeTextFile, writeTempFiles } from "../support/media-files";
import { uploadThroughApi, useImageInArticle } from "../support/media-library";

// Uploads are processed in the request (ten encodes and a crop): allow for a busy machine.
test.describe.configure({ timeout: 90_000 });

test("a journalist uploads with the file picker and sees the image and its variants", async ({ page, login }) => {
  await login({ role: "JOURNALIST" });
  const name = `harbor-${uniqueId()}.jpg`;
  const files = writeTempFiles({ [name]: await makePhotoWithExif({ width: 1400, height: 700 }) });

  await page.goto("/dashboard/media");
  await expect(page.getByRole("heading", { name: "Media library" })).toBeVisible();
  await page.getByLabel("Upload images").setInputFiles(files[name]!);
  await expect(page.getByRole("list", { name: "Uploads" })).toContainText(`${name}: Uploaded.`, { timeout: 60_000 });

  // The grid shows it (newest first), with the missing alt text flagged.
  const card = page.getByRole("list", { name: "Images" }).getByRole("listitem").filter({ hasText: name });
  await expect(card).toContainText("No alt text");
  await expect(card).toContainText("700 × 1400"); // stored sideways with EXIF orientation 6: shown upright
  await card.getByRole("link").click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const files_ = page.getByRole("table", { name: "Generated files" });
  for (const width of [320, 640, 700]) {
    await expect(files_.getByRole("row").filter({ hasText: "AVIF" }).filter({ hasText: `${width} ×` })).toHaveCount(1);
    await expect(files_.getByRole("row").filter({ hasText: "WebP" }).filter({ hasText: `${width} ×` })).toHaveCount(1);
  }
  await expect(files_.getByRole("row").filter({ hasText: "Social card" })).toContainText("1200 × 630");

  // Every file is served with its type and a year-long immutable cache, and carries no EXIF.
  const links = await files_.getByRole("link").evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
  expect(links.length).toBe(8);
  for (const href of links) {
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^image\/(avif|webp|jpeg)$/);
    expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await response.body()).includes(Buffer.from(EXIF_SECRET))).toBe(false);
  }
  expect((await page.request.get("/media/not-a-key.webp")).status()).toBe(404);
  expect((await page.request.get(links[0]!.replace(/[^/]+$/, "w9999.webp"))).status()).toBe(404);
});

test("a large photo (over 10 MB, under 20 MB) uploads whole", async ({ page, login }) => {
  // FIXME: proxy.ts's matcher covers /api/media, and Next's proxy keeps only the first 10 MB of a body it sees
  // (experimental.proxyClientMaxBodySize). Remove this line once next.config.ts or the matcher is changed
  // (docs/decisions/0006-media-storage.md).
  await login({ role: "JOURNALIST" });
  const bytes = await makeNoisyPng(2200, 2000);
  expect(bytes.length).toBeGreaterThan(11 * 1024 * 1024);
  expect(bytes.length).toBeLessThan(20 * 1024 * 1024);
  const image = await uploadThroughApi(page.request, bytes, `large-${uniqueId()}.png`, "image/png");
  expect([image.width, image.height]).toEqual([2200, 2000]);
});

test("an image dropped on the library is uploaded", async ({ page, login }) => {
  await login({ role: "EDITOR" });
  const name = `dropped-${uniqueId()}.png`;
  const bytes = await makeImage("png", { width: 300, height: 200 });
  await page.goto("/dashboard/media");
  const dataTransfer = await page.evaluateHandle(
    ({ base64, filename }) => {
      const transfer = new DataTransfer();
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([data], filename, { type: "image/png" }));
      return transfer;
    },
    { base64: bytes.toString("base64"), filename: name },
  );
  await page.getByTestId("media-drop-zone").dispatchEvent("drop", { dataTransfer });
  await expect(page.getByRole("list", { name: "Uploads" })).toContainText(`${name}: Uploaded.`, { timeout: 60_000 });
  await expect(page.getByRole("list", { name: "Images" })).toContainText(name);
});

test("refused files are refused with their reasons, and nothing is stored", async ({ page, login }) => {
  await login({ role: "JOURNALIST" });
  const id = uniqueId();
  const cases = {
    [`notes-${id}.jpg`]: { bytes: makeTextFile(), message: REJECTION_MESSAGES.text },
    [`logo-${id}.svg`]: { bytes: makeSvg(), message: REJECTION_MESSAGES.svg },
    [`broken-${id}.jpg`]: { bytes: await makeCorruptJpeg(), message: REJECTION_MESSAGES.corrupt },
    [`bomb-${id}.png`]: { bytes: makePngBomb(30_000), message: REJECTION_MESSAGES["too-many-pixels"] },
  };
  const files = writeTempFiles(Object.fromEntries(Object.entries(cases).map(([name, c]) => [name, c.bytes])));
  await page.goto("/dashboard/media");
  await page.getByLabel("Upload images").setInputFiles(Object.values(files));
  const uploads = page.getByRole("list", { name: "Uploads" });
  for (const [name, { message }] of Object.entries(cases)) {
    await expect(uploads.getByRole("listitem").filter({ hasText: name })).toContainText(message, { timeout: 60_000 });
  }
  await expect(uploads.getByRole("listitem").filter({ hasText: `bomb-${id}.png` })).toContainText("30000 × 30000");
  expect(await testDb().media.count({ where: { filename: { contains: id } } })).toBe(0);

  // Straight to the endpoint too: the status says why.
  const svg = await page.request.post("/api/media", { multipart: { file: { name: "x.png", mimeType: "image/png", buffer: makeSvg() } } });
  expect(svg.status()).toBe(415);
  expect((await svg.json()).message).toBe(REJECTION_MESSAGES.svg);
});

test("alt text, caption and credit are edited on the image's page", async ({ page, login }) => {
  await login({ role: "JOURNALIST" });
  const image = await uploadThroughApi(page.request, await makeImage("jpeg", { width: 500, height: 400 }), `market-${uniqueId()}.jpg`);
  await page.goto(`/dashboard/media/${image.id}`);
  await expect(page.getByText("This image has no alt text.")).toBeVisible();
  await page.getByLabel("Alt text").fill("Stalls of fruit under striped awnings at the Sunday market");
  await page.getByLabel("Caption").fill("The market reopened after the storm.");
  await page.getByLabel("Credit").fill("Photo: Dateline");
  await page.getByLabel("From the left (%)").fill("30");
  await page.getByLabel("From the top (%)").fill("40");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Alt text")).toHaveValue("Stalls of fruit under striped awnings at the Sunday market");
  await expect(page.getByLabel("From the left (%)")).toHaveValue("30");
  await expect(page.getByText("This image has no alt text.")).toHaveCount(0);
  await page.goto(`/dashboard/media?q=${encodeURIComponent("striped awnings")}`);
  await expect(page.getByRole("list", { name: "Images" }).getByRole("listitem")).toHaveCount(1);

  // An alt text that is too long is refused with a message beside the field.
  await page.goto(`/dashboard/media/${image.id}`);
  await page.getByLabel("Alt text").evaluate((el) => el.removeAttribute("maxlength"));
  await page.getByLabel("Alt text").fill("x".repeat(501));
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Keep alt text under 500 characters").first()).toBeVisible();
});

test("the publish checklist requires alt text on the featured image", async ({ page, login }) => {
  await login({ role: "EDITOR" });
  const image = await uploadThroughApi(page.request, await makeImage("jpeg"), `no-alt-${uniqueId()}.jpg`);
  const draft = await createDraft();
  await useImageInArticle(draft.id, image);
  const editor = await editorActor();
  const attempt = publishArticle(editor, draft.id);
  await expect(attempt).rejects.toBeInstanceOf(WorkflowError);
  await expect(attempt).rejects.toMatchObject({ missing: expect.arrayContaining([expect.stringMatching(/Add alt text to every image/)]) });
  expect((await testDb().article.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
});

test("the public article serves its images with srcset, sizes, width and height", async ({ page, login }) => {
  await login({ role: "EDITOR" });
  const image = await uploadThroughApi(page.request, await makeImage("jpeg", { width: 1800, height: 1000 }), `river-${uniqueId()}.jpg`);
  const alt = `The river at low water ${randomBytes(3).toString("hex")}`;
  await testDb().media.update({ where: { id: image.id }, data: { alt } });
  // Dated years back, in Culture: it never reaches the front page or a section's first page that other specs read.
  const draft = await createDraft({ sectionSlug: "culture" });
  await useImageInArticle(draft.id, { ...image, alt }, { inBody: true });
  await publishArticle(await editorActor(), draft.id, { now: new Date(Date.now() - 3 * 365 * 86_400_000) });

  await page.goto(draft.path);
  const [featured, inBody] = [page.getByRole("img", { name: alt }).first(), page.getByRole("img", { name: alt }).nth(1)];
  for (const img of [featured, inBody]) {
    await expect(img).toHaveAttribute("width", "1800");
    await expect(img).toHaveAttribute("height", "1000");
    await expect(img).toHaveAttribute("srcset", /\/media\/[0-9a-f]{32}-1800x1000\/w320\.webp 320w, .* \/media\/[0-9a-f]{32}-1800x1000\/w1600\.webp 1600w$/);
    await expect(img).toHaveAttribute("sizes", /48rem/);
  }
  await expect(featured).toHaveAttribute("fetchpriority", "high");
  await expect(featured).toHaveAttribute("loading", "eager");
  await expect(inBody).toHaveAttribute("loading", "lazy");
  await expect(page.locator('picture source[type="image/avif"]').first()).toHaveAttribute("srcset", /w1600\.avif 1600w$/);

  // The browser really gets a picture from that srcset.
  await expect.poll(() => featured.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  expect(await featured.evaluate((el) => (el as HTMLImageElement).currentSrc)).toMatch(/\/media\/.+\.(avif|webp)$/);
});

test("an image in use cannot be deleted; an unused one can", async ({ page, login }) => {
  await login({ role: "JOURNALIST" });
  const used = await uploadThroughApi(page.request, await makeImage("webp"), `used-${uniqueId()}.webp`, "image/webp");
  const draft = await createDraft({ headline: `Story using an image ${uniqueId()}` });
  await useImageInArticle(draft.id, used);
  page.on("dialog", (dialog) => void dialog.accept());

  await page.goto(`/dashboard/media/${used.id}`);
  await expect(page.getByRole("region", { name: "Used in" })).toContainText(draft.headline);
  await page.getByRole("button", { name: "Delete image" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "cannot be deleted" })).toContainText(`This image cannot be deleted: it is used in 1 article (“${draft.headline}”)`);
  expect(await testDb().media.count({ where: { id: used.id } })).toBe(1);
  expect((await page.request.get(used.url)).status()).toBe(200);

  const unused = await uploadThroughApi(page.request, await makeImage("gif"), `unused-${uniqueId()}.gif`, "image/gif");
  await page.goto(`/dashboard/media/${unused.id}`);
  await page.getByRole("button", { name: "Delete image" }).click();
  await expect(page.getByText("The image was deleted.")).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard\/media\?deleted=1$/);
  expect(await testDb().media.count({ where: { id: unused.id } })).toBe(0);
  expect((await page.request.get(unused.url)).status()).toBe(404);
});
