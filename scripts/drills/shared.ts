/**
 * What the drills (db-fault.ts, concurrency.ts) share: the app on its own throwaway database, an editor's save through
 * PUT /api/articles/:id as the editor client sends it, and the "no save lost" check.
 */
import { randomBytes } from "node:crypto";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { makeThrowawayDir } from "../db/embedded";
import { prepareDatabase, type PreparedDatabase } from "../db/prepare";
import { ensureBuild, startAppServer, type AppServer } from "../lib/app-server";

export type Drill = { prepared: PreparedDatabase; app: AppServer; db: Db; close(): Promise<void> };

/** Builds if needed, starts a throwaway embedded PostgreSQL seeded with the demo newsroom, and `next start` on it. */
export async function startDrill(name: string, log: (line: string) => void, env?: Record<string, string>): Promise<Drill> {
  const root = process.cwd();
  ensureBuild(root, { log });
  log("starting a throwaway PostgreSQL (demo newsroom) and `next start`…");
  const prepared = await prepareDatabase({ dataDir: makeThrowawayDir(`dateline-${name}`), database: `dateline_${name.replace(/-/g, "_")}`, throwaway: true, log: () => {} });
  let app: AppServer;
  try {
    app = await startAppServer({ root, databaseUrl: prepared.url, env });
  } catch (error) {
    await prepared.embedded?.stop();
    throw error;
  }
  const db = createPrismaClient(prepared.url, { max: 4 });
  return {
    prepared,
    app,
    db,
    async close() {
      await db.$disconnect().catch(() => {});
      await app.stop();
      await prepared.embedded?.stop();
    },
  };
}

/** Parses `--name value` flags into numbers, with defaults; unknown flags are an error. */
export function parseNumberFlags<K extends string>(argv: string[], defaults: Record<K, number>, usage: string): Record<K, number> {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i]?.replace(/^--/, "") as K;
    const value = Number(argv[i + 1]);
    if (!(key in defaults) || !argv[i]?.startsWith("--") || !Number.isFinite(value) || value < 0) throw new Error(`Bad flag ${argv[i]} ${argv[i + 1] ?? ""}. ${usage}`);
    out[key] = value;
    i++;
  }
  return out;
}

export type SavePayload = {
  headline: string;
  dek: string;
  body: { type: "doc"; content: unknown[] };
  datelineCity: string;
  sectionId: string;
  tags: string[];
  authorIds: string[];
  featuredImageId: string | null;
  slug: string;
  seoTitle: string;
  seoDescription: string;
};

/** A document of one paragraph per line: each line a marker the lost-save check looks for. */
export function documentOf(lines: string[]): SavePayload["body"] {
  return { type: "doc", content: lines.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
}

/** The lines of an article as the editor would load them (what "theirs" is after a conflict). */
export function linesOf(bodyText: string): string[] {
  return bodyText.split("\n").map((l) => l.trim()).filter(Boolean);
}

/** The article's current fields, as the editor page loads them. */
export async function loadArticle(db: Db, id: string): Promise<{ version: number; bodyText: string; payload: SavePayload }> {
  const a = await db.article.findUniqueOrThrow({
    where: { id },
    select: {
      version: true, headline: true, dek: true, body: true, bodyText: true, datelineCity: true, sectionId: true, featuredImageId: true, slug: true, seoTitle: true, seoDescription: true,
      tags: { select: { tag: { select: { name: true } } }, orderBy: { position: "asc" } },
      authors: { select: { userId: true }, orderBy: { position: "asc" } },
    },
  });
  return {
    version: a.version,
    bodyText: a.bodyText,
    payload: {
      headline: a.headline, dek: a.dek, body: a.body as SavePayload["body"], datelineCity: a.datelineCity, sectionId: a.sectionId,
      tags: a.tags.map((t) => t.tag.name), authorIds: a.authors.map((x) => x.userId), featuredImageId: a.featuredImageId, slug: a.slug,
      seoTitle: a.seoTitle, seoDescription: a.seoDescription,
    },
  };
}

/** A draft article by `userId` in the first section, for a drill to edit. */
export async function createDraft(db: Db, userId: string, label: string): Promise<string> {
  const section = await db.section.findFirstOrThrow({ select: { id: true }, orderBy: { position: "asc" } });
  const { id } = await db.article.create({
    data: {
      slug: `drill-${label}-${randomBytes(3).toString("hex")}`, headline: `Drill article ${label}`, body: { type: "doc", content: [] }, sectionId: section.id, createdById: userId,
      authors: { create: [{ userId, position: 0 }] },
    },
    select: { id: true },
  });
  return id;
}

export type SaveAnswer = { status: number; ms: number; version?: number; currentVersion?: number; message?: string };

/** One save as the editor client sends it. status 0 = no answer within `timeoutMs` (a hang) or no connection. */
export async function putArticle(base: string, cookie: string, id: string, payload: SavePayload, baseVersion: number, timeoutMs = 10_000): Promise<SaveAnswer> {
  const started = performance.now();
  try {
    const res = await fetch(`${base}/api/articles/${id}`, {
      method: "PUT",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ ...payload, baseVersion, mode: "autosave" }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const json = (await res.json().catch(() => null)) as { ok?: boolean; data?: { version: number }; currentVersion?: number; message?: string } | null;
    return { status: res.status, ms: performance.now() - started, version: json?.data?.version, currentVersion: json?.currentVersion, message: json?.message };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The "no lost save" check: every accepted save's marker must be in the article as it is now, or in one of its
 * revisions (autosave snapshots, manual saves, and the CONFLICT copies of refused saves). Returns the missing ones.
 */
export async function findLostMarkers(db: Db, articleId: string, markers: string[]): Promise<string[]> {
  const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { bodyText: true } });
  const revisions = await db.revision.findMany({ where: { articleId }, select: { bodyText: true } });
  const texts = [article.bodyText, ...revisions.map((r) => r.bodyText)];
  return markers.filter((m) => !texts.some((t) => linesOf(t).includes(m)));
}

export const pad = (value: string | number, width: number) => String(value).padEnd(width);
