/**
 * Shared documents in PostgreSQL (docs/decisions/0015-co-editing.md). The collaboration server keeps each open
 * document in memory and calls these to load it and, debounced, to store it. A store merges the state already stored
 * (another server may have stored changes this one has not seen yet), takes in what changed in the article outside the
 * session (a restore, a published or discarded update: a three-way merge by field against the content the document
 * last matched), then writes the article's fields through the same save path as PUT /api/articles/:id (saveLive, or
 * savePendingUpdate for a journalist's update of a released story), so search, cache tags, images in use and the audit
 * log follow. Everything runs in one transaction with the article row locked, as every save and transition does.
 * Changes to a released story's live text from someone who may not save it live are held back (./shared-held.ts).
 *
 * Revisions follow the writing session window: the first stored change after a revision opens it, and the next
 * revision closes it, listing everyone whose changes it holds. A revision is due on a manual save, when the last writer
 * leaves, once the window is WINDOW_MS old, and on every stored change readers see (a published article's live text).
 * Text that a change from outside replaces before it was stored is kept as a CONFLICT revision: no word is lost.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import { changedFields, fieldKey, type SharedContent, type SharedRef } from "@/lib/collab/content";
import type { SharedDocumentAccess } from "@/lib/collab/document";
import type { DocNode } from "@/lib/content/document";
import { slugify } from "@/lib/content/slug";
import { ArticleSaveSchema, type ArticleSave } from "@/lib/validation/articles";
import { ForbiddenError } from "@/lib/auth/permissions";
import { DataValidationError, NotFoundError } from "../errors";
import { isUniqueViolation } from "../transaction";
import type { SessionUser } from "../types";
import { sessionUserSelect } from "../users/accounts";
import { addRevision, articleStateSelect, contentSnapshot } from "./content";
import { saveLive, SAVE_TRANSACTION } from "./editor";
import { pendingContentSelect, RELEASED_STATUSES, savePendingUpdate, tagNamesOf } from "./pending";
import { targetColumn } from "./shared-access";
import { holdBackChanges, mustHoldBack, readWriters } from "./shared-held";

/** A writing session window closes with a revision at the latest after this long. */
export const WINDOW_MS = 3 * 60_000;

/** Someone whose changes reached this server since its last store, and which choices (tags, authors…) they made. */
export type Contribution = { user: SessionUser; changed: readonly string[] };

export type StoreRequest = {
  access: SharedDocumentAccess;
  contributions: readonly Contribution[];
  mode: "autosave" | "manual";
  /** The last writer has left: the window closes. */
  closing: boolean;
};

export type StoreOutcome =
  | { kind: "saved" | "unchanged"; version: number; at: Date; revision: boolean }
  | { kind: "invalid"; message: string; fieldErrors: Record<string, string> }
  /** The document's text no longer exists on its own (a pending update applied when the story left the site). */
  | { kind: "orphaned" };

const targetSelect = {
  ...articleStateSelect,
  body: true,
  seoTitle: true,
  seoDescription: true,
  featuredImageId: true,
  createdById: true,
  lastEditedById: true,
  // What articleStateSelect reads for the cache tags, and the byline's ids and the tags' names in their order.
  authors: { orderBy: { position: "asc" }, select: { userId: true, user: { select: { slug: true } } } },
  tags: { orderBy: { position: "asc" }, select: { tag: { select: { slug: true, name: true } } } },
  pendingUpdate: { select: pendingContentSelect },
} as const satisfies Prisma.ArticleSelect;

type TargetRow = Prisma.ArticleGetPayload<{ select: typeof targetSelect }>;

/** The article, locked, and the content the document's target holds in PostgreSQL now. */
async function readTarget(tx: DbTx, ref: SharedRef): Promise<{ article: TargetRow; content: SharedContent }> {
  await tx.$executeRaw`SELECT 1 FROM "Article" WHERE id = ${ref.articleId} FOR UPDATE`;
  const article = await tx.article.findUnique({ where: { id: ref.articleId }, select: targetSelect });
  if (!article) throw new NotFoundError("That article");
  const { headline, dek, datelineCity, seoTitle, seoDescription, featuredImageId, slug, sectionId } = article;
  const live: SharedContent = {
    headline,
    dek,
    datelineCity,
    seoTitle,
    seoDescription,
    featuredImageId,
    slug,
    sectionId,
    tags: article.tags.map((t) => t.tag.name),
    authorIds: article.authors.map((a) => a.userId),
    body: article.body as unknown as DocNode,
  };
  const pending = ref.target === "pending" ? article.pendingUpdate : null;
  if (!pending) return { article, content: live };
  const text = { headline: pending.headline, dek: pending.dek, datelineCity: pending.datelineCity, seoTitle: pending.seoTitle, seoDescription: pending.seoDescription };
  return { article, content: { ...live, ...text, featuredImageId: pending.featuredImageId, tags: await tagNamesOf(tx, pending.tagIds), body: pending.body as unknown as DocNode } };
}

const isSlugEdited = (content: SharedContent) => content.slug !== slugify(content.headline) && !content.slug.startsWith("draft-");
const where = (ref: SharedRef) => ({ articleId_target: { articleId: ref.articleId, target: targetColumn(ref.target) } });

/**
 * Loads a document into `access` (a fresh Y.Doc): its stored state, brought up to date with the article. The first
 * time, the article's stored content becomes the document, once: the article row is locked, so two servers opening it
 * at the same moment get the same document rather than two copies.
 */
export async function openSharedDocument(ref: SharedRef, access: SharedDocumentAccess): Promise<{ version: number; at: Date }> {
  return getDb().$transaction(async (tx) => {
    const { article, content } = await readTarget(tx, ref);
    const row = await tx.sharedDocument.findUnique({ where: where(ref) });
    if (!row) {
      access.write(content);
      access.initialize(isSlugEdited(content));
      await tx.sharedDocument.create({
        data: { articleId: ref.articleId, target: targetColumn(ref.target), state: Buffer.from(access.encode()), articleVersion: article.version, syncedContent: content as unknown as Prisma.InputJsonValue },
      });
      return { version: article.version, at: new Date() };
    }
    access.applyStored(row.state);
    if (row.articleVersion === article.version) return { version: article.version, at: row.updatedAt };
    await takeOutsideChanges(tx, ref, access, { synced: row.syncedContent as unknown as SharedContent, theirs: content, article, authorId: row.windowContributorIds.at(-1) });
    await tx.sharedDocument.update({ where: where(ref), data: { state: Buffer.from(access.encode()), articleVersion: article.version, syncedContent: content as unknown as Prisma.InputJsonValue } });
    return { version: article.version, at: new Date() };
  }, SAVE_TRANSACTION);
}

/**
 * The article changed outside the session since the document last matched it (`synced`): its changed fields replace
 * the document's. Where the document had its own unstored change in such a field, its text is kept as a revision.
 */
async function takeOutsideChanges(tx: DbTx, ref: SharedRef, access: SharedDocumentAccess, o: { synced: SharedContent; theirs: SharedContent; article: TargetRow; authorId?: string }) {
  const fields = changedFields(o.synced, o.theirs);
  if (fields.length === 0) return;
  const mine = access.read();
  if (fields.some((field) => fieldKey(field, mine[field]) !== fieldKey(field, o.synced[field]))) {
    const { article } = o;
    await addRevision(tx, {
      snapshot: contentSnapshot(mine),
      articleId: article.id,
      version: article.version,
      kind: "CONFLICT",
      status: article.status,
      isPendingUpdate: ref.target === "pending",
      authorId: o.authorId ?? article.lastEditedById ?? article.createdById,
    });
  }
  access.write(o.theirs, fields);
}

/** Whose save a store is: a journalist who changed the tags or the byline (their limits apply), else the last writer. */
function pickActor(contributions: readonly Contribution[]): SessionUser | undefined {
  const limited = contributions.find((c) => !can(c.user.role, "article:update:any") && c.changed.some((key) => key === "tags" || key === "authorIds"));
  return limited?.user ?? contributions.at(-1)?.user;
}

async function userById(tx: DbTx, id: string): Promise<SessionUser> {
  return tx.user.findUniqueOrThrow({ where: { id }, select: sessionUserSelect });
}

/** The save input of a document's content; a pending update keeps the article's own URL and byline. */
function saveInputOf(ref: SharedRef, article: TargetRow, content: SharedContent, mode: StoreRequest["mode"]) {
  const fixed = ref.target === "pending" ? { slug: article.slug, sectionId: article.sectionId, authorIds: article.authors.map((a) => a.userId) } : {};
  return { ...content, ...fixed, articleId: article.id, baseVersion: article.version, mode };
}

/** Stores a document and writes the article's fields from it (see the header). */
export async function storeSharedDocument(ref: SharedRef, request: StoreRequest): Promise<StoreOutcome> {
  try {
    return await getDb().$transaction((tx) => storeOnce(tx, ref, request), SAVE_TRANSACTION);
  } catch (error) {
    const refusal: Record<string, string> | null =
      error instanceof DataValidationError
        ? { [error.field]: error.message }
        : error instanceof ForbiddenError
          ? { form: error.message }
          : isUniqueViolation(error, "Article")
            ? { slug: "Another article already uses this slug. Choose a different one." }
            : null;
    if (!refusal) throw error;
    // The fields are not valid as they are: the document is stored all the same, so nothing typed is lost.
    await storeStateOnly(ref, request);
    return { kind: "invalid", message: Object.values(refusal)[0] ?? "Check the fields.", fieldErrors: refusal };
  }
}

async function storeStateOnly(ref: SharedRef, { access, contributions }: StoreRequest) {
  await getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Article" WHERE id = ${ref.articleId} FOR UPDATE`;
    const row = await tx.sharedDocument.findUniqueOrThrow({ where: where(ref), select: { state: true, windowContributorIds: true } });
    access.applyStored(row.state);
    const ids = [...new Set([...row.windowContributorIds, ...contributions.map((c) => c.user.id)])];
    await tx.sharedDocument.update({ where: where(ref), data: { state: Buffer.from(access.encode()), windowContributorIds: ids } });
  });
}

async function storeOnce(tx: DbTx, ref: SharedRef, request: StoreRequest): Promise<StoreOutcome> {
  const { access, contributions, mode, closing } = request;
  const { article, content: theirs } = await readTarget(tx, ref);
  const row = await tx.sharedDocument.findUniqueOrThrow({ where: where(ref) });
  access.applyStored(row.state);
  let synced = row.syncedContent as unknown as SharedContent;
  const windowIds = [...new Set([...row.windowContributorIds, ...contributions.map((c) => c.user.id)])];
  if (row.articleVersion !== article.version) {
    await takeOutsideChanges(tx, ref, access, { synced, theirs, article, authorId: windowIds.at(-1) });
    synced = theirs;
  }
  const content = access.read();
  const changed = changedFields(content, synced).length > 0;
  const now = new Date();
  const persist = (data: Partial<Prisma.SharedDocumentUpdateInput>) =>
    tx.sharedDocument.update({ where: where(ref), data: { state: Buffer.from(access.encode()), articleVersion: article.version, syncedContent: synced as unknown as Prisma.InputJsonValue, ...data } });
  const fallbackAuthor = windowIds.at(-1) ?? article.lastEditedById ?? article.createdById;
  const revisionOf = (text: SharedContent, version: number, authorId: string, kind: "AUTOSAVE" | "MANUAL" | "CONFLICT", isPendingUpdate = ref.target === "pending") =>
    addRevision(tx, { snapshot: contentSnapshot(text), articleId: article.id, version, kind, status: article.status, isPendingUpdate, authorId, contributorIds: windowIds });

  // A journalist's update whose story left the site was taken into the article then (decision 0014): what was typed
  // in it since is kept as a revision, and its writers move to the live text.
  if (ref.target === "pending" && !RELEASED_STATUSES.includes(article.status)) {
    if (changed) await revisionOf(content, article.version, fallbackAuthor, "CONFLICT");
    access.write(theirs);
    await persist({ syncedContent: theirs as unknown as Prisma.InputJsonValue, windowStartedAt: null, windowContributorIds: [] });
    return { kind: "orphaned" };
  }

  const due = mode === "manual" || closing || (row.windowStartedAt !== null && now.getTime() - row.windowStartedAt.getTime() >= WINDOW_MS);
  if (!changed) {
    const revision = due && row.windowContributorIds.length > 0;
    if (revision) await revisionOf(content, article.version, fallbackAuthor, mode === "manual" ? "MANUAL" : "AUTOSAVE");
    await persist(revision ? { windowStartedAt: null, windowContributorIds: [] } : { windowContributorIds: windowIds });
    return { kind: "unchanged", version: article.version, at: now, revision };
  }

  // The writers as they are now: a journalist's keystrokes accepted just before the desk released the story wait for it.
  const writers = await readWriters(tx, contributions.map((c) => c.user.id));
  if (ref.target === "live" && mustHoldBack(writers, article.status)) {
    const pending = article.pendingUpdate ? (await readTarget(tx, { ...ref, target: "pending" })).content : null;
    const held = await holdBackChanges(tx, { article, live: theirs, pending, content, writers, mode });
    access.write(theirs, changedFields(content, theirs));
    await persist({ articleVersion: held.version, syncedContent: theirs as unknown as Prisma.InputJsonValue, windowStartedAt: null, windowContributorIds: [] });
    return { kind: "saved", version: held.version, at: now, revision: true };
  }

  const parsed = ArticleSaveSchema.safeParse(saveInputOf(ref, article, content, mode));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    await persist({ windowContributorIds: windowIds });
    return { kind: "invalid", message: parsed.error.issues[0]?.message ?? "Check the fields.", fieldErrors };
  }
  const input: ArticleSave = parsed.data;
  const current = contributions.map((c) => ({ ...c, user: writers.find((w) => w.user.id === c.user.id)?.user ?? c.user }));
  const actor = pickActor(current) ?? (await userById(tx, fallbackAuthor));
  const snapshot = contentSnapshot(input);
  const saved = ref.target === "live" ? await saveLive(tx, actor, input, article, snapshot) : await savePendingUpdate(tx, actor, input, article, snapshot);
  const readersSee = ref.target === "live" && article.status === "PUBLISHED";
  const revision = due || readersSee;
  if (revision) await revisionOf(content, saved.version, actor.id, mode === "manual" ? "MANUAL" : "AUTOSAVE");
  await persist({
    articleVersion: saved.version,
    syncedContent: content as unknown as Prisma.InputJsonValue,
    ...(revision ? { windowStartedAt: null, windowContributorIds: [] } : { windowStartedAt: row.windowStartedAt ?? now, windowContributorIds: windowIds }),
  });
  return { kind: "saved", version: saved.version, at: saved.savedAt, revision };
}

/** The open documents whose article changed outside any session (a restore, a transition, a deletion) since they matched it. */
export async function findOutsideChanges(refs: readonly SharedRef[]): Promise<SharedRef[]> {
  if (refs.length === 0) return [];
  const rows = await getDb().sharedDocument.findMany({
    where: { OR: refs.map((ref) => ({ articleId: ref.articleId, target: targetColumn(ref.target) })) },
    select: { articleId: true, target: true, articleVersion: true, article: { select: { version: true } } },
  });
  // An article deleted meanwhile counts too: its store finds it gone and closes the document for its editors.
  return rows.filter((row) => row.articleVersion !== row.article?.version).map((row) => ({ articleId: row.articleId, target: row.target === "LIVE" ? "live" : "pending" }));
}

/** Edits refused because they were no longer this person's to make (kept as a revision, out of the main history). */
export async function keepRefusedEdit(ref: SharedRef, user: SessionUser, content: SharedContent): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const { article, content: current } = await readTarget(tx, ref);
    if (changedFields(content, current).length === 0) return;
    await addRevision(tx, {
      snapshot: contentSnapshot(content),
      articleId: article.id,
      version: article.version,
      kind: "CONFLICT",
      status: article.status,
      isPendingUpdate: ref.target === "pending",
      authorId: user.id,
      contributorIds: [user.id],
    });
  });
}
