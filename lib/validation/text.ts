/**
 * Text as PostgreSQL can store it. A typed or pasted value may carry a NUL character (U+0000), which PostgreSQL
 * refuses in text and jsonb alike ("invalid byte sequence for encoding UTF8: 0x00"), so a single one used to turn a
 * save into a 500; and a lone UTF-16 surrogate, which is not a character at all and which jsonb also refuses. Both
 * are invisible in every rendering, so they are dropped (NUL) or replaced with U+FFFD (a lone surrogate) at the
 * boundary, before any check, rather than refusing the whole form over a character the person cannot see.
 */
import { z } from "zod";

/** The value without NUL characters, with each lone surrogate replaced by U+FFFD. */
export function toStorableText(value: string): string {
  return value.toWellFormed().replace(/\u0000/g, "");
}

/** Every string in a JSON value (keys included) made storable, for jsonb columns such as the article body. */
export function toStorableJson(value: unknown): unknown {
  if (typeof value === "string") return toStorableText(value);
  if (Array.isArray(value)) return value.map(toStorableJson);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [toStorableText(key), toStorableJson(item)]));
  }
  return value;
}

/** A text field a person types into: made storable, then trimmed. Chain .min/.max/.regex with clear messages. */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite(toStorableText).trim();
}
