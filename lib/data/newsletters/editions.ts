/**
 * The desk's editions (newsletter:send, editors and admins): list them with their numbers, edit one (subject, intro,
 * order and choice of articles), preview it, send a test to oneself, schedule, send now, cancel; start a section
 * edition or a breaking alert. Every send, schedule, test and cancel is written to the audit log with the change.
 */
import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { deliverMail } from "@/lib/mail/transport";
import { personalize } from "@/lib/newsletters/copy";
import { writeAudit } from "../audit";
import { DataValidationError, NotFoundError } from "../errors";
import type { SessionUser } from "../types";
import { editionArticles, recentArticles, renderEditionMail } from "./content";
import { newsletterLanguage } from "./languages";
import { queueEdition } from "./queue";

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
  const updated = await getDb().edition.updateMany({ where: { id, status: { in: ["DRAFT", "SCHEDULED"] } }, data: { subject: input.subject, intro: input.intro, ...items } });
  if (updated.count !== 1) assertEditable("SENT");
}

/** The articles a breaking alert can be about: those published in the last 24 hours. */
export async function listBreakingCandidates(actor: SessionUser) {
  assertCan(actor.role, "newsletter:send");
  return recentArticles(null, new Date());
}

export async function createSectionEdition(actor: SessionUser, sectionId: string): Promise<string> {
  assertCan(actor.role, "newsletter:send");
  const section = await getDb().section.findUnique({ where: { id: sectionId }, select: { id: true, name: true } });
  if (!section) throw new NotFoundError("That section");
  const edition = await getDb().edition.create({ data: { kind: "SECTION", sectionId, subject: `${section.name}: the day's news`, createdById: actor.id }, select: { id: true } });
  return edition.id;
}

const CLOSED = "Nothing was sent: this language edition is closed to readers. Open it under Admin → Editions first.";

/** "Send as breaking alert": a one-article edition to the breaking list of the article's language edition, queued at once. */
export async function sendBreakingAlert(actor: SessionUser, articleId: string): Promise<{ id: string; queued: number }> {
  assertCan(actor.role, "newsletter:send");
  const article = await getDb().article.findFirst({ where: { id: articleId, status: "PUBLISHED" }, select: { id: true, headline: true, editionId: true } });
  if (!article) throw new DataValidationError("articleId", "Only a published article can be sent as a breaking alert.");
  const { id: language, text, isOpen } = await newsletterLanguage(article.editionId);
  if (!isOpen) throw new DataValidationError("articleId", CLOSED);
  const subject = text.t("nlBreakingSubject", { headline: article.headline });
  const edition = await getDb().edition.create({ data: { kind: "BREAKING", language, subject, items: [article.id], createdById: actor.id }, select: { id: true } });
  const queued = (await queueEdition(edition.id)) ?? 0;
  await getDb().$transaction((tx) => writeAudit(tx, { actor, action: "newsletter.breaking", targetType: "Edition", targetId: edition.id, details: { headline: article.headline, recipients: queued } }));
  return { id: edition.id, queued };
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

export async function sendEditionNow(actor: SessionUser, id: string): Promise<number> {
  assertCan(actor.role, "newsletter:send");
  const edition = await findEdition(id);
  assertEditable(edition.status);
  if (!(await newsletterLanguage(edition.language)).isOpen) throw new DataValidationError("edition", CLOSED);
  const queued = await queueEdition(id);
  if (queued === null) throw new DataValidationError("edition", "Nothing was sent: the edition has no published articles, or was sent or cancelled meanwhile.");
  await getDb().$transaction((tx) => writeAudit(tx, { actor, action: "newsletter.send", targetType: "Edition", targetId: id, details: { subject: edition.subject, recipients: queued } }));
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
