/**
 * Set-up helpers for the media specs: upload through the real endpoint as the signed-in page (so the server, not the
 * test process, writes to storage), and attach an image to an article the way the editor's save does.
 */
import type { APIRequestContext } from "@playwright/test";
import type { Prisma } from "@/lib/generated/prisma/client";
import { documentFromParagraphs, documentToPlainText, renderDocumentHtml, type DocNode } from "@/lib/content/document";
import { testDb } from "./db";

export type UploadedImage = { id: string; url: string; width: number; height: number; filename: string };

export async function uploadThroughApi(request: APIRequestContext, bytes: Buffer, filename: string, mimeType = "image/jpeg"): Promise<UploadedImage> {
  const response = await request.post("/api/media", { multipart: { file: { name: filename, mimeType, buffer: bytes } } });
  const json = (await response.json()) as { ok: boolean; data?: UploadedImage; message?: string };
  if (!response.ok() || !json.data) throw new Error(`Upload of ${filename} failed (${response.status()}): ${json.message}`);
  return json.data;
}

/** Makes `mediaId` the article's featured image, and optionally puts it in the body too, keeping MediaUsage in step. */
export async function useImageInArticle(articleId: string, image: UploadedImage & { alt?: string }, options: { inBody?: boolean } = {}) {
  const paragraphs = documentFromParagraphs([
    "Crews worked through the night to restore water pressure in the eastern districts, officials said on Wednesday, after a main broke near the river.",
    "Residents were asked to store water for two days while repairs continue, and the utility promised tankers for the neighborhoods hit hardest.",
    "The city council will review the repair schedule next week, and engineers expect the main to be replaced before the rainy season begins.",
  ]);
  const body: DocNode = options.inBody
    ? {
        type: "doc",
        content: [
          ...(paragraphs.content ?? []),
          { type: "image", attrs: { mediaId: image.id, src: image.url, alt: image.alt ?? "", caption: "In the body", width: image.width, height: image.height } },
        ],
      }
    : paragraphs;
  await testDb().article.update({
    where: { id: articleId },
    data: {
      featuredImageId: image.id,
      body: body as unknown as Prisma.InputJsonValue,
      bodyHtml: renderDocumentHtml(body),
      bodyText: documentToPlainText(body),
      mediaUsages: { deleteMany: {}, create: [{ mediaId: image.id }] },
    },
  });
}
