/**
 * Image files for media tests, made at test time (nothing binary is committed): each accepted format, and each
 * input the library must refuse. Used by the Playwright specs and by the Vitest tests.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import sharp from "sharp";

export type AcceptedFormat = "jpeg" | "png" | "webp" | "avif" | "gif";

/** A picture with some structure (a gradient and a block), so encoders have something to encode. */
function canvas(width: number, height: number, seed = 0) {
  const channels = 3;
  const data = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const inBlock = x > width / 3 && x < (2 * width) / 3 && y > height / 3 && y < (2 * height) / 3;
      data[i] = inBlock ? 200 : (x * 255) / width;
      data[i + 1] = inBlock ? 30 : (y * 255) / height;
      data[i + 2] = (seed * 47) % 256;
    }
  }
  // A unique stripe in the top-left corner from the seed, big enough to survive JPEG, so each seed is another file.
  const marks = createHash("sha256").update(String(seed)).digest();
  for (let m = 0; m < 8; m++) {
    for (let y = 0; y < Math.min(8, height); y++) {
      for (let x = m * 8; x < Math.min((m + 1) * 8, width); x++) {
        const i = (y * width + x) * channels;
        data[i] = marks[m * 3]!;
        data[i + 1] = marks[m * 3 + 1]!;
        data[i + 2] = marks[m * 3 + 2]!;
      }
    }
  }
  return sharp(data, { raw: { width, height, channels } });
}

/** An image in one of the accepted formats. `seed` makes its bytes (and so its hash) unique. */
export async function makeImage(format: AcceptedFormat, options: { width?: number; height?: number; seed?: number } = {}): Promise<Buffer> {
  const image = canvas(options.width ?? 64, options.height ?? 48, options.seed ?? Math.floor(Math.random() * 1e9));
  switch (format) {
    case "jpeg":
      return image.jpeg({ quality: 80 }).toBuffer();
    case "png":
      return image.png().toBuffer();
    case "webp":
      return image.webp().toBuffer();
    case "avif":
      return image.avif({ effort: 0 }).toBuffer();
    case "gif":
      return image.gif().toBuffer();
  }
}

/** A PNG of random noise, which does not compress: about width × height × 3 bytes (for size limits). */
export async function makeNoisyPng(width: number, height: number): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer();
}

export const EXIF_SECRET = "Secret newsroom location";

/**
 * A JPEG a phone might send: EXIF with a description, a GPS position and orientation 6 (stored sideways: the
 * pixels are `width` × `height`, and it should be shown rotated, `height` × `width`).
 */
export async function makePhotoWithExif(options: { width?: number; height?: number; seed?: number } = {}): Promise<Buffer> {
  return canvas(options.width ?? 80, options.height ?? 40, options.seed ?? Math.floor(Math.random() * 1e9))
    .jpeg()
    .withExif({
      IFD0: { ImageDescription: EXIF_SECRET, Make: "TestCam" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "25/1 40/1 3000/100", GPSLongitudeRef: "W", GPSLongitude: "100/1 18/1 3000/100" },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

export function makeTextFile(): Buffer {
  return Buffer.from("Meeting notes, Tuesday.\nThis is a text file with an image's name.\n", "utf8");
}

export function makeSvg(): Buffer {
  return Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><rect width="10" height="10"/></svg>\n', "utf8");
}

/** A JPEG cut off part-way: the header is fine, the pixels are not all there. */
export async function makeCorruptJpeg(): Promise<Buffer> {
  const whole = await canvas(400, 300, 7).jpeg({ quality: 95 }).toBuffer();
  return whole.subarray(0, Math.floor(whole.length * 0.5));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A decompression bomb: a valid, tiny PNG whose header claims `side` × `side` pixels (30000² = 900 megapixels). */
export function makePngBomb(side = 30_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.alloc(side + 1))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Writes files into a fresh temporary folder and returns their paths (for Playwright's setInputFiles). */
export function writeTempFiles(files: Record<string, Buffer>): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), "dateline-media-"));
  return Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      return [name, file];
    }),
  );
}
