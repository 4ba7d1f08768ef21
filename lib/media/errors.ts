/**
 * Why an upload was refused, with the sentence the person sees. A DataValidationError on the field "file", so every
 * action and route turns it into a clear message; `status` is the HTTP status the upload route answers with.
 */
import { DataValidationError } from "@/lib/data/errors";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_INPUT_PIXELS = 50_000_000;

export const ACCEPTED_FORMATS_TEXT = "JPEG, PNG, WebP, AVIF or GIF";

export type MediaRejection = "empty" | "too-large" | "text" | "svg" | "heic" | "unsupported" | "corrupt" | "too-many-pixels";

export const REJECTION_MESSAGES = {
  empty: "The file is empty.",
  "too-large": `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Upload a smaller image.`,
  text: `This file is not an image: it contains text. Upload a ${ACCEPTED_FORMATS_TEXT} image.`,
  svg: `SVG images are not accepted, because they can contain scripts. Upload a ${ACCEPTED_FORMATS_TEXT} image.`,
  heic: `HEIC/HEIF photos are not accepted. Export the photo as JPEG and upload that.`,
  unsupported: `This file is not a ${ACCEPTED_FORMATS_TEXT} image.`,
  corrupt: "This image is damaged or incomplete and cannot be read.",
  "too-many-pixels": `This image has too many pixels. Images may have at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels.`,
} as const satisfies Record<MediaRejection, string>;

const STATUS: Record<MediaRejection, number> = {
  empty: 400,
  "too-large": 413,
  text: 415,
  svg: 415,
  heic: 415,
  unsupported: 415,
  corrupt: 422,
  "too-many-pixels": 422,
};

export class MediaRejectedError extends DataValidationError {
  readonly status: number;
  constructor(
    public readonly reason: MediaRejection,
    detail?: string,
  ) {
    super("file", detail ? `${REJECTION_MESSAGES[reason]} ${detail}` : REJECTION_MESSAGES[reason]);
    this.name = "MediaRejectedError";
    this.status = STATUS[reason];
  }
}
