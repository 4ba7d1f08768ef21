/**
 * Publish → readers through nginx, fast. Runs once per cluster (in the `npm run cluster` supervisor), LISTENing on
 * the same channel as every app instance's cache handler (cache-handlers/listener.cjs, its own connection in this
 * process; sent at commit by lib/data/cache.ts expirePublicTags, whatever made the change: an instance, the
 * scheduler, a script).
 *
 * For each notification it maps the expired tags to the public URLs they cover and sends nginx one GET per URL with
 * the secret refresh header: nginx bypasses its cache for that request, an app instance renders the page fresh
 * (its own cache dropped the tagged entries on the same NOTIFY) and nginx stores the new response for every reader.
 *
 * - Fixed URLs go first (article, home, section/tag/author pages and their feeds, the feeds and sitemaps); numbered
 *   pages (/news/page/3), sitemap chunks, an article's own feeds (a live story's) and its social card (/og/…) are
 *   found in nginx's cache directory (each file holds a `KEY:` line) and refreshed after. nginx keys reader pages by
 *   their path, so a refresh covers every query-string variant of the page; what no tag names a URL for (search
 *   results, other articles' related lists) is left to nginx's short validity (docs/decisions/0035). The tag "site" (settings, navigation) refreshes every cached URL, and so does an edition's
 *   section and tag names' ("edition-names:<code>").
 * - Language editions (docs/decisions/0029): a prefixed edition's front page and feeds go with "home" and "latest";
 *   its section, tag and author pages have their own slugs, unknown here, so a list's tag refreshes every cached URL
 *   under the prefix; article URLs (theirs and their translations', tag "translations:<group>") come from the database.
 * - Each URL is refreshed at once and again 250 ms and 1.5 s later, in case the instance that answered had not yet
 *   processed the NOTIFY itself (under load its event loop may lag); a repeat that finds fresh data is a cache hit.
 */
import { readdir, open } from "node:fs/promises";
import path from "node:path";
import http from "node:http";
import os from "node:os";
import { createListener } from "@/cache-handlers/listener.cjs";
import { PREFIXED_EDITION_ROUTES } from "@/lib/i18n/routes";
import { REFRESH_HEADER } from "./nginx";

export type RefresherOptions = {
  databaseUrl: string;
  nginxPort: number;
  refreshToken: string;
  cacheDir: string;
  log?: (line: string) => void;
  /** Delays of the repeat refreshes of each URL (ms). */
  confirmAfterMs?: number[];
};

const FEEDS = ["feed.xml", "atom.xml", "feed.json"];

/** The URLs a set of expired tags covers, without the database: everything except article pages. */
export function urlsForTags(tags: string[]): { exact: string[]; prefixes: string[]; everything: boolean; articleSlugs: string[]; groupIds: string[] } {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  const articleSlugs: string[] = [];
  const groupIds: string[] = [];
  const editions = PREFIXED_EDITION_ROUTES.map((code) => `/${code}`);
  let everything = false;
  for (const tag of tags) {
    const [kind, ...rest] = tag.split(":");
    const slug = encodeURIComponent(rest.join(":"));
    switch (kind) {
      // An edition's section and tag names (decision 0033) are on every page of that edition, and in the default
      // edition's section and article pages whose alternates name its slugs: a rare admin change, everything cached.
      case "site":
      case "edition-names":
        everything = true;
        break;
      case "home":
        exact.add("/");
        for (const home of editions) exact.add(home);
        break;
      case "latest":
        exact.add("/");
        for (const f of FEEDS) exact.add(`/${f}`);
        for (const home of editions) for (const path of [home, ...FEEDS.map((f) => `${home}/${f}`)]) exact.add(path);
        exact.add("/sitemap.xml");
        exact.add("/news-sitemap.xml");
        prefixes.add("/sitemaps/");
        break;
      case "section":
        exact.add(`/${slug}`);
        for (const f of FEEDS) exact.add(`/${slug}/${f}`);
        prefixes.add(`/${slug}/page/`);
        break;
      case "tag":
        exact.add(`/tag/${slug}`);
        prefixes.add(`/tag/${slug}/page/`);
        break;
      case "author":
        exact.add(`/author/${slug}`);
        for (const f of FEEDS) exact.add(`/author/${slug}/${f}`);
        prefixes.add(`/author/${slug}/page/`);
        break;
      case "article":
        if (rest.length) articleSlugs.push(rest.join(":"));
        break;
      case "translations":
        if (rest.length) groupIds.push(rest.join(":"));
        break;
      default:
        break;
    }
    if (kind === "section" || kind === "tag" || kind === "author") for (const home of editions) prefixes.add(`${home}/`);
  }
  return { exact: [...exact], prefixes: [...prefixes], everything, articleSlugs, groupIds };
}

const FEED_OR_NUMBERED = new RegExp(`(/(${FEEDS.map((f) => f.replace(".", "\\.")).join("|")})$)|(/page/\\d+$)|(^/sitemaps?[/.])|(^/news-sitemap\\.xml$)`);

/** Feeds, sitemaps and numbered list pages: refreshed after the pages readers land on. */
export function isFeedOrNumbered(url: string): boolean {
  return FEED_OR_NUMBERED.test(url.split("?")[0]!);
}

/** Anything but an article page: the front page, section/tag/author pages, feeds, sitemaps. */
export function isListOrFeed(url: string): boolean {
  const p = url.split("?")[0]!;
  return p === "/" || isFeedOrNumbered(p) || p.startsWith("/tag/") || p.startsWith("/author/") || /^\/[^/]+$/.test(p);
}

/** Every URL in nginx's cache (GET entries), read from the `KEY: GET /path` line each cache file starts with. */
export async function cachedUrls(cacheDir: string): Promise<string[]> {
  const urls: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && !entry.name.includes(".")) {
        try {
          const handle = await open(full, "r");
          try {
            const buf = Buffer.alloc(4096);
            const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
            const text = buf.toString("latin1", 0, bytesRead);
            const match = /\nKEY: GET (\S+)\n/.exec(text);
            if (match?.[1]) urls.push(match[1]);
          } finally {
            await handle.close();
          }
        } catch {
          /* evicted while we looked */
        }
      }
    }
  };
  await walk(cacheDir);
  return urls;
}

function refreshOne(port: number, token: string, url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: url, method: "GET", headers: { [REFRESH_HEADER]: token, "accept-encoding": "gzip" }, timeout: 15_000 },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(0));
      },
    );
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
    req.end();
  });
}

export type Refresher = { stop(): Promise<void>; refreshed: number };

export async function startRefresher(o: RefresherOptions): Promise<Refresher> {
  const log = o.log ?? (() => {});
  const confirmAfterMs = o.confirmAfterMs ?? [250, 1_500];
  let stopped = false;
  const listener = createListener(o.databaseUrl, { applicationName: "dateline-front-refresher" });
  /** When we last heard from PostgreSQL: after a reconnect, tags expired since then are refreshed too. */
  let lastSeen: Date | null = null;
  const timers = new Set<NodeJS.Timeout>();
  const self: Refresher = { stop, refreshed: 0 };

  // One queue for every notification, in three tiers: the article pages and the front page first, then the section,
  // tag and author pages, then feeds, sitemaps and numbered pages. A new publish's article and front page go ahead of
  // the feeds still queued for the one before, and nothing of a lower tier starts while one of the first is still
  // rendering (it would only take CPU from it). A URL waiting in the queue is not queued twice (two publishes in a row
  // refresh the front page once); a URL being refreshed when a new notification names it is refreshed again after,
  // because that render may have read the data from before the change. No more requests at once than there are cores:
  // each is a render, and renders sharing a core only make the first one late.
  const tiers: Array<Set<string>> = [new Set(), new Set(), new Set()];
  const tierOf = (url: string) => (url === "/" || !isListOrFeed(url) ? 0 : isFeedOrNumbered(url) ? 2 : 1);
  const inFlight = new Set<string>();
  let firstTierInFlight = 0;
  const again = new Set<string>();
  const idle: Array<() => void> = [];
  let workers = 0;
  const maxWorkers = Math.max(2, os.availableParallelism());
  const enqueue = (url: string) => {
    if (inFlight.has(url)) again.add(url);
    else if (!tiers.some((t) => t.has(url))) tiers[tierOf(url)]!.add(url);
  };
  const ready = () => tiers[0]!.size > 0 || (firstTierInFlight === 0 && tiers[1]!.size + tiers[2]!.size > 0);
  const next = (): string | undefined => {
    if (!ready()) return undefined;
    for (const tier of tiers) {
      const url = tier.values().next().value;
      if (url !== undefined) {
        tier.delete(url);
        return url;
      }
    }
    return undefined;
  };
  const pump = () => {
    while (workers < maxWorkers && ready()) void work();
  };
  const work = async () => {
    workers++;
    try {
      for (let url = next(); url !== undefined; url = next()) {
        const first = tierOf(url) === 0;
        inFlight.add(url);
        if (first) firstTierInFlight++;
        try {
          const started = Date.now();
          const status = await refreshOne(o.nginxPort, o.refreshToken, url);
          self.refreshed++;
          log(`refreshed ${url}: ${status} in ${Date.now() - started} ms`);
        } finally {
          inFlight.delete(url);
          if (first) firstTierInFlight--;
          if (again.delete(url)) enqueue(url);
          // The last of the first tier done: the lower tiers may start, on every free worker.
          if (first && firstTierInFlight === 0) setImmediate(pump);
        }
      }
    } finally {
      workers--;
      if (workers === 0 && !ready()) for (const resolve of idle.splice(0)) resolve();
    }
  };
  const refreshAll = (urls: string[]): Promise<void> => {
    for (const url of urls) enqueue(url);
    pump();
    return workers === 0 ? Promise.resolve() : new Promise((resolve) => idle.push(resolve));
  };

  /**
   * Article URLs in their editions (and former slugs), and what else shows the article that nginx may hold: its own
   * feeds (a live story's) and its social card, refreshed only when cached (most articles have neither).
   */
  const articleUrls = async (slugs: string[], groupIds: string[]): Promise<{ pages: string[]; ifCached: string[] }> => {
    if (slugs.length === 0 && groupIds.length === 0) return { pages: [], ifCached: [] };
    // An article's URL in its edition: the prefix of a non-default edition, and that edition's section slug; its card
    // is under the default section slug in every edition.
    const { rows } = await listener.query<{ url: string; card: string | null }>(
      `SELECT CASE WHEN e."isDefault" THEN '' ELSE '/' || e.id END || '/' || coalesce(t.slug, s.slug) || '/' || a.slug AS url,
              '/og/' || s.slug || '/' || a.slug AS card
         FROM "Article" a JOIN "Section" s ON s.id = a."sectionId" JOIN "LanguageEdition" e ON e.id = a."editionId"
         LEFT JOIN "SectionTranslation" t ON t."sectionId" = s.id AND t."editionId" = e.id AND NOT e."isDefault"
         WHERE a.slug = ANY($1::text[]) OR a."translationGroupId" = ANY($2::text[])
       UNION
       SELECT '/' || s.slug || '/' || r."oldSlug", NULL FROM "SlugRedirect" r JOIN "Article" a ON a.id = r."targetId"
         JOIN "Section" s ON s.id = a."sectionId" WHERE r.entity = 'ARTICLE' AND (r."oldSlug" = ANY($1::text[]) OR a.slug = ANY($1::text[]))`,
      [slugs, groupIds],
    );
    const pages = rows.map((r) => encodeURI(r.url));
    const cards = rows.flatMap((r) => (r.card ? [encodeURI(r.card)] : []));
    return { pages, ifCached: [...cards, ...pages.flatMap((page) => FEEDS.map((f) => `${page}/${f}`))] };
  };

  const handle = async (tags: string[]) => {
    const plan = urlsForTags(tags);
    const articles = await articleUrls(plan.articleSlugs, plan.groupIds).catch(() => ({ pages: [], ifCached: [] }));
    const first = [...articles.pages, ...plan.exact];
    await refreshAll(first);
    let more: string[] = [];
    if (plan.everything || plan.prefixes.length > 0 || articles.ifCached.length > 0) {
      const cached = await cachedUrls(o.cacheDir);
      const ifCached = new Set(articles.ifCached);
      more = plan.everything ? cached : cached.filter((u) => ifCached.has(u) || plan.prefixes.some((p) => u.startsWith(p)));
      await refreshAll(more);
    }
    const all = [...first, ...more];
    for (const delay of confirmAfterMs) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!stopped) void refreshAll(all);
      }, delay);
      timers.add(timer);
    }
    log(`refreshed ${all.length} URL(s) for ${tags.length} tag(s)`);
  };

  const unsubscribe = listener.subscribe({
    onNotification: (payload) => {
      lastSeen = new Date();
      if (Array.isArray(payload.tags)) void handle(payload.tags.filter((t): t is string => typeof t === "string"));
    },
    onConnect: async (query) => {
      if (lastSeen) {
        const { rows } = await query<{ tag: string }>(`SELECT tag FROM "CacheTag" WHERE "expiredAt" > $1`, [new Date(lastSeen.getTime() - 5_000)]);
        if (rows.length) void handle(rows.map((r) => r.tag));
      }
      lastSeen = new Date();
    },
  });

  async function stop() {
    stopped = true;
    for (const t of timers) clearTimeout(t);
    timers.clear();
    unsubscribe();
  }

  await listener.ready();
  return self;
}
