/**
 * Live entries as readers get them. The page's list is cached with the story's page (its tag expires on every
 * entry); the event stream's reads are not cached, and go to the primary: a stream reads right after the NOTIFY of
 * a commit, which a replica may not have replayed yet. Only entries of a published story are ever returned.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, getPublicReadDb } from "@/lib/db";
import { CacheTags, publicQuery } from "../cache";
import { publishedWhere } from "../articles/public";

const entrySelect = {
  id: true,
  seq: true,
  title: true,
  bodyHtml: true,
  bodyText: true,
  postedAt: true,
  editedAt: true,
  isKeyEvent: true,
  isPinned: true,
  authors: { orderBy: { position: "asc" }, select: { user: { select: { name: true, slug: true } } } },
} as const satisfies Prisma.LiveEntrySelect;

/** An entry as readers may see it (lib/live/view.ts makes the page's and the stream's view of it). */
export type LiveEntryRow = Prisma.LiveEntryGetPayload<{ select: typeof entrySelect }>;

/** Every entry of a published live story, newest first (the page sorts pinned ones to the top). */
export const listPublicLiveEntries = publicQuery(
  "listPublicLiveEntries",
  async (articleId: string, slug: string): Promise<LiveEntryRow[]> => {
    void slug; // names the cache tag
    return getPublicReadDb().liveEntry.findMany({
      where: { articleId, deletedAt: null, article: publishedWhere() },
      orderBy: [{ postedAt: "desc" }, { seq: "desc" }],
      select: entrySelect,
    });
  },
  { tags: (_articleId, slug) => [CacheTags.article(slug)], buildFallback: [] },
);

export type LiveStreamState = {
  /** The story is published, live coverage, and not ended: a stream may stay open. */
  isOpen: boolean;
  seq: number;
  /** The story's edition: its entries are written in its language and locale. */
  edition: { id: string; locale: string; isDefault: boolean };
};

/** Whether a stream on this story may open or stay open, and its latest event number. */
export async function getLiveStreamState(articleId: string): Promise<LiveStreamState | null> {
  const story = await getDb().article.findFirst({ where: { id: articleId, ...publishedWhere(), isLive: true }, select: { coverageEndAt: true, liveSeq: true, edition: { select: { id: true, locale: true, isDefault: true } } } });
  return story && { isOpen: story.coverageEndAt === null, seq: story.liveSeq, edition: story.edition };
}

export type LiveChange = { kind: "entry"; entry: LiveEntryRow } | { kind: "remove"; id: string; seq: number };

/** What changed on a published live story after event `since`, in event order: entries posted or edited, and removed. */
export async function listLiveChangesSince(articleId: string, since: number): Promise<LiveChange[]> {
  const rows = await getDb().liveEntry.findMany({
    where: { articleId, seq: { gt: since }, article: { ...publishedWhere(), isLive: true } },
    orderBy: { seq: "asc" },
    select: { ...entrySelect, deletedAt: true },
  });
  return rows.map(({ deletedAt, ...entry }) => (deletedAt ? { kind: "remove", id: entry.id, seq: entry.seq } : { kind: "entry", entry }));
}
