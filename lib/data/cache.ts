/**
 * The public pages' cache: what each public query is tagged with, and how a change expires those tags.
 *
 * Public reads go through `publicQuery`, which caches the result in Next's data cache under tags that also attach
 * to the page rendering it. A change to published content calls `expirePublicTags` inside its own transaction: the
 * tags are written to "CacheTag" and announced with NOTIFY at commit, and every app instance's cache handler
 * (cache-handlers/isr-handler.cjs) drops the affected pages. docs/decisions/0004-public-page-cache.md has the reasons.
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { CACHE_CHANNEL } from "@/cache-handlers/listener.cjs";
import { isBuildPhase } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbTx } from "@/lib/db/client";

export const CacheTags = {
  /** Every public page: settings, navigation. */
  site: "site",
  home: "home",
  /** An article's page, by its slug (a slug change expires the old and the new). */
  article: (slug: string) => `article:${slug}`,
  section: (slug: string) => `section:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  author: (slug: string) => `author:${slug}`,
  /** An edition's names and slugs of sections and tags: every page of that edition, and the alternates naming it. */
  editionNames: (editionId: string) => `edition-names:${editionId}`,
  /** The hreflang alternates of a translation group's pages. */
  translations: (groupId: string) => `translations:${groupId}`,
  /** Any list of the latest articles (feeds, sitemaps, search). */
  latest: "latest",
} as const;

/** A safety net: even without an invalidation, a cached public page is rebuilt after this many seconds. */
export const PUBLIC_REVALIDATE_SECONDS = 3600;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Dates survive the JSON round trip through the cache as {"$date": iso}. */
function encode(value: unknown): Json {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === "object") {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encode(v);
    return out;
  }
  return value as Json;
}

function decode(value: Json): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    if (typeof value.$date === "string" && Object.keys(value).length === 1) return new Date(value.$date);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = decode(v);
    return out;
  }
  return value;
}

/** One render's reads, by query and arguments (see withRenderReads). */
const renderReads = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/**
 * Runs `render` so that each public read inside it runs once per arguments, as React's `cache()` does for a page
 * Next renders. A route handler that renders a document (decision 0034) has no React render scope of its own: the
 * article's shell, metadata and page would each read the editions, the settings and the translations again.
 */
export function withRenderReads<T>(render: () => Promise<T>): Promise<T> {
  return renderReads.run(new Map(), render);
}

/** A cached public read; `cacheTags` names the tags its answer for those arguments carries (for caches built on it). */
export type PublicQuery<A extends unknown[], R> = ((...args: A) => Promise<R>) & { cacheTags: (...args: A) => string[] };

/**
 * Wraps a public read: cached under `name` + its arguments, tagged with `tags(...args)` (plus "site"). During
 * `next build` it returns `buildFallback` without touching the database.
 */
export function publicQuery<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => Promise<R>,
  options: { tags: (...args: A) => string[]; buildFallback: R },
): PublicQuery<A, R> {
  const cacheTags = (...args: A) => [CacheTags.site, ...options.tags(...args)];
  // React's cache: one render asks the data cache once per arguments (the layout, the metadata and the page each
  // read the edition, its names and the settings; a forced re-render, which skips the data cache, ran the same
  // queries up to six times). Outside a render it is a plain call. A document rendered by a route handler gets the
  // same from withRenderReads. Callers share the answer: never mutate it.
  const read = cache(async (...args: A): Promise<R> => {
    const reads = renderReads.getStore();
    if (!reads) return readThrough(...args);
    const key = `${name}\u0000${JSON.stringify(args)}`;
    let answer = reads.get(key) as Promise<R> | undefined;
    if (!answer) reads.set(key, (answer = readThrough(...args)));
    return answer;
  });
  async function readThrough(...args: A): Promise<R> {
    if (isBuildPhase()) return options.buildFallback;
    const cached = unstable_cache(async () => encode(await fn(...args)), [name, JSON.stringify(args)], {
      tags: cacheTags(...args),
      revalidate: PUBLIC_REVALIDATE_SECONDS,
    });
    try {
      return decode(await cached()) as R;
    } catch (error) {
      // Outside a Next server (tests, scripts) there is no cache to use: read straight through.
      if (error instanceof Error && error.message.includes("incrementalCache missing")) return fn(...args);
      throw error;
    }
  }
  return Object.assign(read, { cacheTags });
}

/**
 * Expires public cache tags as part of the caller's transaction: nothing is announced unless the change commits,
 * and the announcement reaches every instance (and this one) right after the commit. `live` rides along in the same
 * announcement for a live story's event (lib/live/hub.ts): its readers' streams learn of it from this one NOTIFY.
 */
export async function expirePublicTags(tx: Pick<DbTx, "$executeRaw">, tags: string[], live?: { articleId: string; seq: number }): Promise<void> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "CacheTag" (tag, "expiredAt") SELECT unnest(${unique}::text[]), clock_timestamp()
    ON CONFLICT (tag) DO UPDATE SET "expiredAt" = EXCLUDED."expiredAt"`;
  const extra = JSON.stringify(live ? { live: live.articleId, seq: live.seq } : {});
  await tx.$executeRaw`
    SELECT pg_notify(${CACHE_CHANNEL}, (jsonb_build_object('tags', ${unique}::text[], 'at', extract(epoch from clock_timestamp()) * 1000) || ${extra}::jsonb)::text)`;
}

/** The fields of an article that name its cache tags (select them to call articleCacheTags). */
export const articleCacheTagsSelect = {
  slug: true,
  section: { select: { slug: true } },
  tags: { select: { tag: { select: { slug: true } } } },
  authors: { select: { user: { select: { slug: true } } } },
  translationGroupId: true,
} as const satisfies Prisma.ArticleSelect;

/** The tags a change to one published article touches: its page, lists it appears on, feeds and sitemaps. */
export function tagsForArticle(article: { slug: string; sectionSlug: string; tagSlugs: string[]; authorSlugs: string[]; translationGroupId?: string | null }): string[] {
  return [
    CacheTags.article(article.slug),
    CacheTags.home,
    CacheTags.latest,
    CacheTags.section(article.sectionSlug),
    ...article.tagSlugs.map(CacheTags.tag),
    ...article.authorSlugs.map(CacheTags.author),
    ...(article.translationGroupId ? [CacheTags.translations(article.translationGroupId)] : []),
  ];
}

/** The cache tags of an article read with articleCacheTagsSelect. */
export function articleCacheTags(article: Prisma.ArticleGetPayload<{ select: typeof articleCacheTagsSelect }>): string[] {
  return tagsForArticle({
    slug: article.slug,
    sectionSlug: article.section.slug,
    tagSlugs: article.tags.map((t) => t.tag.slug),
    authorSlugs: article.authors.map((a) => a.user.slug),
    translationGroupId: article.translationGroupId,
  });
}
