/** Shapes of media input, shared by the library's forms (client) and its server actions. */
import { z } from "zod";
import { text } from "@/lib/validation/text";

export const ALT_MAX = 500;
export const CAPTION_MAX = 1000;
export const CREDIT_MAX = 200;

const fraction = (label: string) =>
  z.coerce.number({ error: `${label} must be a number` }).min(0, `${label} must be between 0 and 100`).max(1, `${label} must be between 0 and 100`);

export const MediaUpdateSchema = z.object({
  alt: text().max(ALT_MAX, `Keep alt text under ${ALT_MAX} characters`),
  caption: text().max(CAPTION_MAX, `Keep the caption under ${CAPTION_MAX} characters`),
  credit: text().max(CREDIT_MAX, `Keep the credit under ${CREDIT_MAX} characters`),
  /** The focal point as fractions of width and height (0 = left/top, 1 = right/bottom). */
  focalX: fraction("The focal point's horizontal position"),
  focalY: fraction("The focal point's vertical position"),
});
export type MediaUpdate = z.infer<typeof MediaUpdateSchema>;

/** The words about an image, without its focal point: what the article editor changes. */
export const MediaTextSchema = MediaUpdateSchema.pick({ alt: true, caption: true, credit: true });
export type MediaText = z.infer<typeof MediaTextSchema>;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** The library page's query string; anything unknown or malformed falls back to the default. */
export const MediaListQuerySchema = z.object({
  q: text().max(200).optional().catch(undefined),
  uploader: z.string().max(40).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type MediaListQuery = z.infer<typeof MediaListQuerySchema>;

/** A file name as shown in the library: no folders, no control characters, at most 200 characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200);
  return cleaned || "image";
}
