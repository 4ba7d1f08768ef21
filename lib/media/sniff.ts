/**
 * What a file is, judged by its first bytes and never by its name or the browser's claim. Only the five formats we
 * accept pass; SVG (which can carry script), text and HEIC get their own messages so people know what to do.
 * sharp then decodes the file fully (lib/media/pipeline.ts), which catches damaged files that merely start right.
 */
import type { ImageFormat } from "./keys";
import type { MediaRejection } from "./errors";

export type SniffResult = { ok: true; format: ImageFormat } | { ok: false; reason: MediaRejection };

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

/** ISO-BMFF (AVIF, HEIC): the `ftyp` box's major and compatible brands. */
function isoBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return null;
  const size = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(bytes.length, size >= 16 ? size : 16, 256);
  const brands = [ascii(bytes, 8, 12)];
  for (let i = 16; i + 4 <= end; i += 4) brands.push(ascii(bytes, i, i + 4));
  return brands;
}

/** True when the start of the file reads as text (UTF-8 or UTF-16 with a BOM): no NULs, almost no control bytes. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const head = bytes.subarray(0, 1024);
  if (head.length === 0) return false;
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > head.length / 100) return false;
  try {
    // A multi-byte character may be cut at the end of the sample; allow for that.
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 4)));
    return true;
  } catch {
    return false;
  }
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  return head.startsWith("<svg") || ((head.startsWith("<?xml") || head.startsWith("<!doctype svg") || head.startsWith("<!--")) && head.includes("<svg"));
}

export function sniffImageType(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, format: "jpeg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, format: "png" };
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a")) return { ok: true, format: "gif" };
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return { ok: true, format: "webp" };
  const brands = isoBrands(bytes);
  if (brands) {
    if (brands.some((b) => b === "avif" || b === "avis")) return { ok: true, format: "avif" };
    if (brands.some((b) => ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"].includes(b))) return { ok: false, reason: "heic" };
    return { ok: false, reason: "unsupported" };
  }
  if (looksLikeSvg(bytes)) return { ok: false, reason: "svg" };
  if (looksLikeText(bytes)) return { ok: false, reason: "text" };
  return { ok: false, reason: "unsupported" };
}
