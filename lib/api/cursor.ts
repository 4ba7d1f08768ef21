/**
 * Opaque page cursors: the position after the last item of a page, as base64url JSON. Clients pass `next` back
 * unchanged; anything else (edited, truncated, from another list) is refused with a 400, never a 500.
 */
import { z } from "zod";
import type { ArticleCursor } from "@/lib/data/api/content";

const ArticleCursorSchema = z.object({ p: z.iso.datetime(), i: z.string().min(1).max(64) }).strict();
const SlugCursorSchema = z.object({ s: z.string().min(1).max(100) }).strict();

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");

function decode<T>(schema: z.ZodType<T>, cursor: string): T | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const encodeArticleCursor = (c: ArticleCursor) => encode({ p: c.publishedAt, i: c.id });

export function decodeArticleCursor(cursor: string): ArticleCursor | null {
  const value = decode(ArticleCursorSchema, cursor);
  return value ? { publishedAt: value.p, id: value.i } : null;
}

export const encodeSlugCursor = (slug: string) => encode({ s: slug });

export function decodeSlugCursor(cursor: string): string | null {
  return decode(SlugCursorSchema, cursor)?.s ?? null;
}

export const BAD_CURSOR = "cursor is not one this API gave: pass the `next` cursor of the previous page unchanged.";
