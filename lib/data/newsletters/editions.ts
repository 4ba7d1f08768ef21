/**
 * The desk's editions (newsletter:send, editors and admins): list them with their numbers, edit one (subject, intro,
 * order and choice of articles), preview it, send a test to oneself, schedule, send now, cancel; start a section
 * edition or a breaking alert (once per story). Every creation, edit, send, schedule, test and cancel is written to the
 * audit log in the transaction of the change.
 */
import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { deliverMail } from "@/lib/mail/transport";
import { formatWhen } from "@/lib/dates";
import { personalize } from "@/lib/newsletters/copy";
import { writeAudit } from "../audit";
import { AlreadyDoneError, DataValidationError, NotFoundError } from "../errors";
import { getSiteSettings } from "../settings";
import { isUniqueViolation } from "../transaction";
import type { SessionUser } from "../types";
import { editionArticles, recentArticles, renderEditionMail } from "./content";
import { newsletterLanguage } from "./languages";
import { freezeEdition, queueCopies, queueEdition } from "./queue";

export type EditionNumbers = { queued: number; sent: number; failed: number; suppressed: number; unsubscribes: number };

async function numbersOf(ids: string[]): Promise<Map<string, EditionNumbers>> {
  const db = getDb();
  const [states, unsubscribes] = await Promise.all([
    db.newsletterSend.groupBy({ by: ["editionId", "state"], where: { editionId: { in: ids } }, _count: { _all: true } }),
    db.newsletterSend.groupBy({ by: ["editionId"], where: { editionId: { in: ids }, unsubscribedAt: { not: null } }, _count: { _all: true } }),
  ]);
  const numbers = new Map(ids.map((id) => [id, { queued: 0, sent: 0, failed: 0, suppressed: 0, unsubscribes: 0 }]));
  for (const row of states) {
    const n = numbers.get(row.editionId)!;
    n.queued += row._count._all;
    if (row.state === "SENT") n.sent += row._count._all;
    if (row.state === "FAILED") n.failed += row._count._all;
    if (row.state === "SUPPRESSED") n.suppressed += row._count._all;
  }
  for (const row of unsubscribes) numbers.get(row.editionId)!.unsubscribes = row._count._all;
  return numbers;
}

export async function listEditions(actor: SessionUser) {
  assertCan(actor.role, "newsletter:send");
  const rows = await getDb().edition.findMany({
    orderBy: [{ scheduledFor: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 50,
    select: { id: true, kind: true, language: true, subject: true, status: true, scheduledFor: true, section: { select: { name: true } } },
  });
  const numbers = await numbersOf(rows.map((r) => r.id));
  return rows.map((row) => ({ ...row, numbers: numbers.get(row.id)! }));
}

async function findEdition(id: string) {
  const edition = await getDb().edition.findUnique({
    where: { id },
    select: { id: true, kind: true, sectionId: true, language: true, subject: true, intro: true, items: true, itemsEdited: true, status: true, scheduledFor: true, html: true, section: { select: { name: true } } },
  });
  if (!edition) throw new NotFoundError("That edition");
  return edition;
}

/** The editor's view: the edition, its articles as they would go out now, and the day's others that could be added. */
export async function getEditionForEditor(actor: SessionUser, id: string) {
  assertCan(actor.role, "newsletter:send");
  const edition = await findEdition(id);
  const articles = await editionArticles(edition);
  const pool = edition.kind === "BREAKING" ? [] : await recentArticles(edition.kind === "SECTION" ? edition.sectionId : null, new Date(), edition.language);
  const chosen = new Set(articles.map((a) => a.id));
  const [numbers] = (await numbersOf([id])).values();
  return { ...edition, articles, candidates: pool.filter((a) => !chosen.has(a.id)), numbers: numbers! };
}

function assertEditable(status: string) {
  if (status !== "DRAFT" && status !== "SCHEDULED") throw new DataValidationError("edition", "This edition has been sent or cancelled: it cannot change any more.");
}

export type EditionInput = { subject: string; intro: string; items: string[] | null };

/** Saves the subject, intro and (when given) the articles in order; giving them stops a digest refilling itself. */
export async function updateEdition(actor: SessionUser, id: string, input: EditionInput): Promise<void> {
  assertCan(actor.role, "newsletter:send");
  const edition = await findEdition(id);
  assertEditable(edition.status);
  const items = input.items && edition.kind !== "BREAKING" ? { items: input.items, itemsEdited: true } : {};
  const changed = [
    ...(input.subject !== edition.subject ? ["subject"] : []),
    ...(input.intro !== edition.intro ? ["intro"] : []),
    ...(items.items && items.items.join() !== edition.items.join() ? ["articles"] : []),
  ];
  await getDb().$transaction(async (tx) => {
    const updated = await tx.edition.updateMany({ where: { id, status: { in: ["DRAFT", "SCHEDULED"] } }, data: { subject: input.subject, intro: input.intro, ...items } });
    if (updated.count !== 1) assertEditable("SENT");
    await writeAudit(tx, { actor, action: "newsletter.update", targetType: "Edition", targetId: id, details: { subject: input.subject, changed } });
  });
}

/** The story's breaking alert, if it had one: "at 10:02 AM by Ana Ruiz" (in the site's time zone). */
async function findBreakingAlert(articleId: string): Promise<string | null> {
  const db = getDb();
  const alert = await db.edition.findUnique({ where: { breakingArticleId: articleId }, select: { createdAt: true, createdById: true } });
  if (!alert) return null;
  const [{ locale, timeZone }, sender] = await Promise.all([
    getSiteSettings(),
    alert.createdById ? db.user.findUnique({ where: { id: alert.createdById }, select: { name: true } }) : null,
  ]);
  const when = formatWhen(alert.createdAt, locale, timeZone);
  return sender ? `${when} by ${sender.name}` : when;
}

/** When and by whom the story was sent as a breaking alert ("at 10:02 AM by Ana Ruiz"), or null: the status panel's line. */
export async function getBreakingAlert(actor: SessionUser, articleId: string): Promise<string | null> {
  assertCan(actor.role, "newsletter:send");
  return findBreakingAlert(articleId);
}

/** The articles a breaking alert can be about: those published in the last 24 hours and not sent as one yet. */
export async function listBreakingCandidates(actor: SessionUser) {
  assertCan(actor.role, "newsletter:send");
  const recent = await recentArticles(null, new Date());
  const sent = await getDb().edition.findMany({ where: { breakingArticleId: { in: recent.map((a) => a.id) } }, select: { breakingArticleId: true } });
  const alerted = new Set(sent.map((e) => e.breakingArticleId));
  return recent.filter((a) => !alerted.has(a.id));
}

export async function createSectionEdition(actor: SessionUser, sectionId: string): Promise<string> {
  assertCan(actor.role, "newsletter:send");
  const section = await getDb().section.findUnique({ where: { id: sectionId }, select: { id: true, name: true } });
  if (!section) throw new NotFoundError("That section");
  return getDb().$transaction(async (tx) => {
    const edition = await tx.edition.create({ data: { kind: "SECTION", sectionId, subject: `${section.name}: the day's news`, createdById: actor.id }, select: { id: true } });
    await writeAudit(tx, { actor, action: "newsletter.create", targetType: "Edition", targetId: edition.id, details: { section: section.name } });
    return edition.id;
  });
}

const CLOSED = "Nothing was sent: this language edition is closed to readers. Open it under Admin → Editions first.";

async function alreadySent(articleId: string): Promise<AlreadyDoneError> {
  return new AlreadyDoneError(`This story was already sent as a breaking alert ${(await findBreakingAlert(articleId)) ?? "just now"}.`);
}

/**
 * "Send as breaking alert": a one-article edition to the breaking list of the article's language edition, queued at
 * once, once per story. The e-mail is rendered first; then the edition, its copies and the audit entry are one
 * transaction, and the edition's unique `breakingArticleId` makes a second send (another editor at the same moment,
 * a second press later) fail there, before it queues a copy: it is refused with when and by whom the alert went.
 */
export async function sendBreakingAlert(actor: SessionUser, articleId: string): Promise<{ id: string; queued: number }> {
  assertCan(actor.role, "newsletter:send");
  const now = new Date();
  const article = await getDb().article.findFirst({ where: { id: articleId, status: "PUBLISHED" }, select: { id: true, headline: true, editionId: true } });
  if (!article) throw new DataValidationError("articleId", "Only a published article can be sent as a breaking alert.");
  const { id: language, text, isOpen, listEdition } = await newsletterLanguage(article.editionId);
  if (!isOpen) throw new DataValidationError("articleId", CLOSED);
  if (await findBreakingAlert(article.id)) throw await alreadySent(article.id);
  const edition = { kind: "BREAKING" as const, sectionId: null, language, subject: text.t("nlBreakingSubject", { headline: article.headline }), intro: "", items: [article.id], itemsEdited: false, scheduledFor: null };
  const ready = await freezeEdition(edition, listEdition, now);
  if (!ready) throw new DataValidationError("articleId", "Only a published article can be sent as a breaking alert.");
  try {
    return await getDb().$transaction(async (tx) => {
      const { id } = await tx.edition.create({ data: { ...edition, ...ready.frozen, breakingArticleId: article.id, createdById: actor.id }, select: { id: true } });
      const queued = await queueCopies(tx, id, ready.list, now);
      await writeAudit(tx, { actor, action: "newsletter.breaking", targetType: "Edition", targetId: id, details: { headline: article.headline, recipients: queued } });
      return { id, queued };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw await alreadySent(article.id);
    throw error;
  }
}

export async function scheduleEdition(actor: SessionUser, id: string, at: Date): Promise<void> {
  assertCan(actor.role, "newsletter:send");
  if (at.getTime() < Date.now() - 60_000) throw new DataValidationError("scheduledFor", "Choose a time in the future, or send it now.");
  await getDb().$transaction(async (tx) => {
    const changed = await tx.edition.updateMany({ where: { id, status: { in: ["DRAFT", "SCHEDULED"] } }, data: { status: "SCHEDULED", scheduledFor: at } });
    if (changed.count !== 1) assertEditable("SENT");
    await writeAudit(tx, { actor, action: "newsletter.schedule", targetType: "Edition", targetId: id, details: { scheduledFor: at.toISOString() } });
  });
}

/** Queues the edition now; its audit entry is written in the transaction that queues it. */
export async function sendEditionNow(actor: SessionUser, id: string): Promise<number> {
  assertCan(actor.role, "newsletter:send");
  const edition = await findEdition(id);
  assertEditable(edition.status);
  if (!(await newsletterLanguage(edition.language)).isOpen) throw new DataValidationError("edition", CLOSED);
  const queued = await queueEdition(id, new Date(), (tx, recipients) =>
    writeAudit(tx, { actor, action: "newsletter.send", targetType: "Edition", targetId: id, details: { subject: edition.subject, recipients } }),
  );
  if (queued === null) throw new DataValidationError("edition", "Nothing was sent: the edition has no published articles, or was sent or cancelled meanwhile.");
  return queued;
}

export async function cancelEdition(actor: SessionUser, id: string): Promise<void> {
  assertCan(actor.role, "newsletter:send");
  await getDb().$transaction(async (tx) => {
    const changed = await tx.edition.updateMany({ where: { id, status: { in: ["DRAFT", "SCHEDULED"] } }, data: { status: "CANCELLED" } });
    if (changed.count !== 1) throw new DataValidationError("edition", "Only an edition that has not been sent can be cancelled.");
    await writeAudit(tx, { actor, action: "newsletter.cancel", targetType: "Edition", targetId: id });
  });
}

/** The e-mail as it would go out now (or as it went out), its links pointing nowhere. */
export async function previewEdition(actor: SessionUser, id: string): Promise<{ subject: string; html: string; text: string }> {
  assertCan(actor.role, "newsletter:send");
  const edition = await findEdition(id);
  const rendered = await renderEditionMail(edition, await editionArticles(edition));
  const links = { preferences: "#preferences", unsubscribe: "#unsubscribe" };
  return { subject: edition.subject, html: personalize(rendered.html, links, true), text: personalize(rendered.text, links, false) };
}

/** A copy to the actor's own address, marked as a test; nothing is queued. */
export async function sendTestEdition(actor: SessionUser, id: string): Promise<{ to: string; file: string | null }> {
  const preview = await previewEdition(actor, id);
  const { file } = await deliverMail({ to: actor.email, subject: `[Test] ${preview.subject}`, html: preview.html, text: preview.text });
  await getDb().$transaction((tx) => writeAudit(tx, { actor, action: "newsletter.test", targetType: "Edition", targetId: id, details: { to: actor.email } }));
  return { to: actor.email, file };
}
