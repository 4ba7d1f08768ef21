/**
 * Which public article URLs answer 410 Gone: articles that were published and then unpublished (ARCHIVED), at their
 * current and former URLs, and the URLs published articles had when they were taken down or deleted (GonePath, written
 * then: ./gone-paths.ts, so a story filed elsewhere while it is down stays gone where it was) unless a published
 * article answers there now. A prefixed edition's articles are gone at their URLs in
 * that edition ("/es/negocios/…"), where the article route answers with that edition's 410 page
 * (app/(public)/article-document.tsx); the answer is cached with the page, under the tags a take-down expires.
 *
 * The set is small and kept in memory; it is reloaded whenever the public cache is invalidated (a notification on the
 * cache channel, through the process's one LISTEN connection: cache-handlers/listener.cjs) and after that connection
 * (re)connects, so every app instance agrees within moments. If the database cannot be reached the answer is
 * "not gone" and the page itself renders its 404.
 */
import pg from "pg";
import { sharedListener, type CacheChannelListener, type CacheChannelQuery } from "@/cache-handlers/listener.cjs";

type State = {
  paths: Set<string>;
  ready: Promise<void> | null;
  listener: CacheChannelListener | null;
  /** A reload under way after a notification; requests wait for it (briefly) so they never answer from the old set. */
  pending: Promise<void> | null;
  /** Another notification arrived while reloading: reload once more. */
  dirty: boolean;
};

const state: State = ((globalThis as { __datelineGone?: State }).__datelineGone ??= {
  paths: new Set(),
  ready: null,
  listener: null,
  pending: null,
  dirty: false,
});

/** How long a request waits for a reload under way before answering from the set it has. */
const PENDING_WAIT_MS = 1_000;

/**
 * An article's public path without its slug, in its edition: "/{section}/" for the default edition,
 * "/{code}/{the edition's section slug, else the default one}/" for another (docs/decisions/0029). Needs the joins below.
 */
const BASE = `CASE WHEN e."isDefault" THEN '' ELSE '/' || e.id END || '/' || coalesce(st.slug, s.slug) || '/'`;
const JOINS = `JOIN "Section" s ON s.id = a."sectionId" JOIN "LanguageEdition" e ON e.id = a."editionId"
  LEFT JOIN "SectionTranslation" st ON st."sectionId" = a."sectionId" AND st."editionId" = a."editionId" AND NOT e."isDefault"`;

// A GonePath is left out while a published article answers at it (by its last segment: a slug is unique).
const GONE_SQL = `
  SELECT ${BASE} || a.slug AS path FROM "Article" a ${JOINS} WHERE a.status = 'ARCHIVED'
  UNION
  SELECT ${BASE} || r."oldSlug" FROM "SlugRedirect" r JOIN "Article" a ON a.id = r."targetId" ${JOINS}
  WHERE r.entity = 'ARTICLE' AND a.status = 'ARCHIVED'
  UNION
  SELECT g.path FROM "GonePath" g
  WHERE NOT EXISTS (
    SELECT 1 FROM "Article" a ${JOINS}
    WHERE a.slug = split_part(g.path, '/', -1) AND a.status = 'PUBLISHED' AND ${BASE} || a.slug = g.path)
  AND NOT EXISTS (
    SELECT 1 FROM "SlugRedirect" r JOIN "Article" a ON a.id = r."targetId" ${JOINS}
    WHERE r.entity = 'ARTICLE' AND r."oldSlug" = split_part(g.path, '/', -1) AND a.status = 'PUBLISHED' AND ${BASE} || r."oldSlug" = g.path)`;

/** A connection attempt that gets no answer must not hold readers' requests in proxy.ts for long. */
const CONNECT_TIMEOUT_MS = 3_000;

async function reloadWith(query: CacheChannelQuery) {
  const { rows } = await query<{ path: string }>(GONE_SQL);
  state.paths = new Set(rows.map((r) => r.path));
}

async function reload(databaseUrl: string) {
  // On the listening connection when it is up: a reload follows every invalidation, and a new connection each time
  // costs PostgreSQL a backend and this process tens of milliseconds just when pages are being refreshed.
  const listener = state.listener;
  if (listener?.isConnected) return reloadWith((text, values) => listener.query(text, values));
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    await reloadWith((text, values) => client.query(text, values));
  } finally {
    await client.end().catch(() => {});
  }
}

function listen(databaseUrl: string) {
  const listener = sharedListener(databaseUrl);
  state.listener = listener;
  listener.subscribe({
    onNotification: () => {
      // Notifications that arrive while a reload runs (a burst of changes) share one more reload after it.
      state.dirty = true;
      state.pending ??= (async () => {
        while (state.dirty) {
          state.dirty = false;
          await reload(databaseUrl);
        }
      })()
        .catch(() => {})
        .finally(() => {
          state.pending = null;
        });
    },
    // What changed while nobody listened.
    onConnect: reloadWith,
  });
}

export async function isGonePath(pathname: string, databaseUrl: string | undefined): Promise<boolean> {
  if (!databaseUrl) return false;
  if (!state.ready) {
    state.ready = reload(databaseUrl).catch(() => {
      state.ready = null;
    });
    if (!state.listener) listen(databaseUrl);
  }
  await state.ready;
  // The notification of an unpublish reaches this process before the front cache's refresh request for the page does;
  // waiting for the reload it started makes that request answer 410, not a 404 from the old set.
  if (state.pending) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([state.pending, new Promise<void>((resolve) => (timer = setTimeout(resolve, PENDING_WAIT_MS)))]);
    clearTimeout(timer);
  }
  return state.paths.has(pathname);
}
