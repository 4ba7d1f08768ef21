/**
 * Where media files live, behind four methods so the rest of the app never knows: local disk (default, under
 * .data/media) for one machine, or an S3-compatible bucket (MEDIA_STORAGE=s3) so several app instances share the
 * same files. Keys are the content-hashed names from lib/media/keys.ts; readers always fetch through /media/<key>
 * (app/media/[...key]/route.ts), so `url()` is the same for both and a CDN can sit in front of either.
 */
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { randomBytes } from "node:crypto";
import { getEnv, type Env } from "@/lib/env";
import { contentTypeForKey, mediaUrl } from "./keys";

export type StoredObject = { body: ReadableStream<Uint8Array>; size: number | null; contentType: string };

export type MediaStorage = {
  /** Writes (or overwrites) a file. Readers never see a half-written file. */
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** The file as a stream, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes a file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
  /** The site-relative URL readers fetch the file at. */
  url(key: string): string;
};

export type MediaStorageConfig = Env["media"];

const SAFE_KEY = /^[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)*$/;

function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`Not a valid media key: ${JSON.stringify(key)}`);
}

export function createLocalStorage(dir: string): MediaStorage {
  const root = path.resolve(/* turbopackIgnore: true */ process.cwd(), dir);
  const fileFor = (key: string) => {
    assertSafeKey(key);
    return path.join(root, ...key.split("/"));
  };
  return {
    async put(key, body) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
      await writeFile(temp, body);
      await rename(temp, file);
    },
    async get(key) {
      const file = fileFor(key);
      try {
        const info = await stat(file);
        if (!info.isFile()) return null;
        const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
        return { body, size: info.size, contentType: contentTypeForKey(key) ?? "application/octet-stream" };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileFor(key), { force: true });
    },
    url: mediaUrl,
  };
}

type S3Config = Extract<MediaStorageConfig, { driver: "s3" }>;

/** An S3-compatible bucket (AWS S3, MinIO, R2, …). The SDK is loaded only when this driver is configured. */
export function createS3Storage(config: S3Config): MediaStorage {
  const client = import("@aws-sdk/client-s3").then(
    (sdk) =>
      [
        sdk,
        new sdk.S3Client({
          region: config.region,
          ...(config.endpoint ? { endpoint: config.endpoint } : {}),
          ...(config.credentials ? { credentials: config.credentials } : {}),
          forcePathStyle: config.forcePathStyle,
        }),
      ] as const,
  );
  const objectKey = (key: string) => {
    assertSafeKey(key);
    return `${config.prefix}${key}`;
  };
  return {
    async put(key, body, contentType) {
      const [sdk, s3] = await client;
      await s3.send(
        new sdk.PutObjectCommand({
          Bucket: config.bucket,
          Key: objectKey(key),
          Body: body,
          ContentType: contentType,
          CacheControl: "public, max-age=31536000, immutable",
        }),
      );
    },
    async get(key) {
      const [sdk, s3] = await client;
      try {
        const out = await s3.send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
        if (!out.Body) return null;
        return {
          body: out.Body.transformToWebStream() as ReadableStream<Uint8Array>,
          size: out.ContentLength ?? null,
          contentType: contentTypeForKey(key) ?? out.ContentType ?? "application/octet-stream",
        };
      } catch (error) {
        const name = (error as { name?: string }).name;
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        if (name === "NoSuchKey" || name === "NotFound" || status === 404) return null;
        throw error;
      }
    },
    async delete(key) {
      const [sdk, s3] = await client;
      await s3.send(new sdk.DeleteObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
    },
    url: mediaUrl,
  };
}

export function createMediaStorage(config: MediaStorageConfig): MediaStorage {
  return config.driver === "s3" ? createS3Storage(config) : createLocalStorage(config.dir);
}

const globalForStorage = globalThis as unknown as { datelineMediaStorage?: MediaStorage };

/** The configured storage (lib/env.ts: MEDIA_STORAGE, MEDIA_LOCAL_DIR, MEDIA_S3_*), one per process. */
export function getMediaStorage(): MediaStorage {
  globalForStorage.datelineMediaStorage ??= createMediaStorage(getEnv().media);
  return globalForStorage.datelineMediaStorage;
}

/** Reads a whole stored file into memory (small files only: the master, to re-crop). */
export async function readStoredFile(storage: MediaStorage, key: string): Promise<Buffer | null> {
  const object = await storage.get(key);
  if (!object) return null;
  return Buffer.from(await new Response(object.body).arrayBuffer());
}
