/**
 * What the live composer shows (the story's coverage, every entry, the entry the person is drafting) and the
 * draft's autosave. Same reach as the story's editor: its authors and the desk.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { DocNode } from "@/lib/content/document";
import type { LiveDraft } from "@/lib/validation/live";
import { NotFoundError } from "../errors";
import type { SessionUser } from "../types";
import { assertReachable, reachableWhere } from "../articles/access";

export async function getLiveComposer(actor: SessionUser, articleId: string) {
  const story = await getDb().article.findFirst({
    where: { id: articleId, ...reachableWhere(actor) },
    select: {
      id: true,
      headline: true,
      slug: true,
      status: true,
      isLive: true,
      coverageStartAt: true,
      coverageEndAt: true,
      liveSeq: true,
      section: { select: { slug: true } },
      authors: { orderBy: { position: "asc" }, select: { user: { select: { id: true, name: true } } } },
      liveEntries: {
        where: { deletedAt: null },
        orderBy: [{ postedAt: "desc" }, { id: "desc" }],
        select: {
          id: true,
          version: true,
          title: true,
          body: true,
          bodyHtml: true,
          isKeyEvent: true,
          isPinned: true,
          postedAt: true,
          editedAt: true,
          authors: { orderBy: { position: "asc" }, select: { user: { select: { id: true, name: true } } } },
        },
      },
      liveDrafts: { where: { userId: actor.id }, select: { title: true, body: true, isKeyEvent: true, isPinned: true, updatedAt: true } },
    },
  });
  if (!story) throw new NotFoundError("That article");
  const { liveDrafts, liveEntries, ...rest } = story;
  const draft = liveDrafts[0];
  return {
    ...rest,
    entries: liveEntries.map((e) => ({ ...e, body: e.body as DocNode, authors: e.authors.map((a) => a.user) })),
    draft: draft ? { ...draft, body: draft.body as DocNode } : null,
  };
}

/** Keeps the entry being written, so that a closed tab or a crash loses nothing; posting it deletes it. */
export async function saveEntryDraft(actor: SessionUser, input: LiveDraft) {
  await assertReachable(actor, input.articleId);
  const data = { title: input.title, body: input.body as Prisma.InputJsonValue, isKeyEvent: input.isKeyEvent, isPinned: input.isPinned };
  const saved = await getDb().liveEntryDraft.upsert({
    where: { articleId_userId: { articleId: input.articleId, userId: actor.id } },
    create: { ...data, articleId: input.articleId, userId: actor.id },
    update: data,
    select: { updatedAt: true },
  });
  return { savedAt: saved.updatedAt };
}
