/**
 * The desk's editions against the real PostgreSQL: a story goes out as a breaking alert once, however many editors
 * press send and whenever (the database's unique key decides between two at once); a send, its copies and its audit
 * entry commit together or not at all; preparing and editing an edition are audited.
 */
import { describe, expect, it, vi } from "vitest";
import { AlreadyDoneError } from "@/lib/data/errors";
import { createSectionEdition, getBreakingAlert, listBreakingCandidates, sendBreakingAlert, sendEditionNow, updateEdition } from "@/lib/data/newsletters/editions";
import { makeArticle, makeSection, makeUser, rawDb, uid } from "../support/factories";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

async function breakingReader() {
  const subscriber = await rawDb().subscriber.create({ data: { email: `breaking-${uid()}@readers.test`, status: "CONFIRMED" } });
  await rawDb().newsletterMembership.create({ data: { subscriberId: subscriber.id, list: "BREAKING", kind: "BREAKING" } });
  return subscriber;
}

/**
 * Makes PostgreSQL refuse the audit entries `where` matches (a crash at that point of the send), for `run`. Real
 * failure, no mock: the entry is the last write of the send, so what was written before it must roll back with it.
 */
async function withAuditRefused(where: string, run: () => Promise<unknown>) {
  const name = `refuse_${uid()}`;
  await rawDb().$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit refused by the test'; END $$ LANGUAGE plpgsql`);
  await rawDb().$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "AuditLog" FOR EACH ROW WHEN (${where}) EXECUTE FUNCTION ${name}()`);
  try {
    await expect(run()).rejects.toThrow();
  } finally {
    await rawDb().$executeRawUnsafe(`DROP TRIGGER ${name} ON "AuditLog"`);
    await rawDb().$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  }
}

describe("a breaking alert for one story", () => {
  it("reaches each reader of the breaking list once, however many times the desk presses send", async () => {
    const subscriber = await breakingReader();
    const [first, second] = [await makeUser("EDITOR", `Ana Ruiz ${uid()}`), await makeUser("EDITOR", `Ben Ortiz ${uid()}`)];
    const story = await makeArticle(first, { status: "PUBLISHED", headline: `Quake ${uid()}` });

    // Two editors at once (the newsletters page and the story's status panel both offer it).
    const both = await Promise.allSettled([sendBreakingAlert(first, story.id), sendBreakingAlert(second, story.id)]);
    // And the same editor pressing again a minute later: the form stays, and says nothing about the earlier send.
    await sendBreakingAlert(first, story.id).catch(() => undefined);

    const copies = await rawDb().newsletterSend.count({ where: { subscriberId: subscriber.id, edition: { kind: "BREAKING", items: { has: story.id } } } });
    expect(copies).toBe(1);

    expect(both.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const sent = await rawDb().edition.findMany({ where: { kind: "BREAKING", items: { has: story.id } } });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ breakingArticleId: story.id, status: "SENDING" });
    const sender = sent[0]!.createdById === first.id ? first : second;
    // The one refused says when and by whom, as the desk reads it.
    const refused = both.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AlreadyDoneError);
    expect(refused.reason.message).toMatch(new RegExp(`^This story was already sent as a breaking alert at \\d{1,2}:\\d{2}\\s?[AP]M by ${sender.name}\\.$`));
    await expect(sendBreakingAlert(second, story.id)).rejects.toThrow(refused.reason.message);
    expect(await getBreakingAlert(second, story.id)).toBe(refused.reason.message.replace("This story was already sent as a breaking alert ", "").replace(/\.$/, ""));
    expect(await rawDb().auditLog.count({ where: { action: "newsletter.breaking", targetId: sent[0]!.id } })).toBe(1);
    // The newsletters page no longer offers it.
    expect((await listBreakingCandidates(first)).map((a) => a.id)).not.toContain(story.id);
  });

  it("leaves no edition and no copy when its audit entry cannot be written; the story can then be sent", async () => {
    const subscriber = await breakingReader();
    const editor = await makeUser("EDITOR");
    const story = await makeArticle(editor, { status: "PUBLISHED", headline: `Flood ${uid()}` });

    await withAuditRefused(`NEW.action = 'newsletter.breaking' AND NEW.details->>'headline' = '${story.headline}'`, () => sendBreakingAlert(editor, story.id));
    expect(await rawDb().edition.count({ where: { items: { has: story.id } } })).toBe(0);
    expect(await getBreakingAlert(editor, story.id)).toBeNull();

    const { queued } = await sendBreakingAlert(editor, story.id);
    expect(queued).toBeGreaterThanOrEqual(1);
    expect(await rawDb().newsletterSend.count({ where: { subscriberId: subscriber.id, edition: { items: { has: story.id } } } })).toBe(1);
  });
});

describe("an edition sent now", () => {
  it("is queued with its audit entry or not at all", async () => {
    const subscriber = await breakingReader();
    const editor = await makeUser("EDITOR");
    const story = await makeArticle(editor, { status: "PUBLISHED" });
    const edition = await rawDb().edition.create({ data: { kind: "BREAKING", subject: `Written ${uid()}`, items: [story.id], createdById: editor.id } });

    await withAuditRefused(`NEW.action = 'newsletter.send' AND NEW."targetId" = '${edition.id}'`, () => sendEditionNow(editor, edition.id));
    expect(await rawDb().edition.findUniqueOrThrow({ where: { id: edition.id } })).toMatchObject({ status: "DRAFT", queuedAt: null });
    expect(await rawDb().newsletterSend.count({ where: { editionId: edition.id } })).toBe(0);

    expect(await sendEditionNow(editor, edition.id)).toBeGreaterThanOrEqual(1);
    expect(await rawDb().newsletterSend.count({ where: { editionId: edition.id, subscriberId: subscriber.id } })).toBe(1);
    expect(await rawDb().auditLog.findMany({ where: { action: "newsletter.send", targetId: edition.id } })).toMatchObject([{ actorId: editor.id, details: { subject: edition.subject } }]);
  });
});

describe("the desk's edits", () => {
  it("records preparing a section's edition and each edit, with what changed", async () => {
    const editor = await makeUser("EDITOR");
    const section = await makeSection();
    const [older, newer] = [await makeArticle(editor, { status: "PUBLISHED", sectionId: section.id }), await makeArticle(editor, { status: "PUBLISHED", sectionId: section.id })];
    const id = await createSectionEdition(editor, section.id);
    expect(await rawDb().auditLog.findMany({ where: { action: "newsletter.create", targetId: id } })).toMatchObject([{ actorId: editor.id, targetType: "Edition", details: { section: section.name } }]);

    const { subject } = await rawDb().edition.findUniqueOrThrow({ where: { id } });
    await updateEdition(editor, id, { subject, intro: "Good morning.", items: null });
    await updateEdition(editor, id, { subject: "Renamed", intro: "Good morning.", items: [older.id, newer.id] });
    const edits = await rawDb().auditLog.findMany({ where: { action: "newsletter.update", targetId: id }, orderBy: { createdAt: "asc" } });
    expect(edits.map((entry) => entry.details)).toEqual([
      { subject, changed: ["intro"] },
      { subject: "Renamed", changed: ["subject", "articles"] },
    ]);

    // An edit refused (the edition went out meanwhile) is not recorded.
    await rawDb().edition.update({ where: { id }, data: { status: "SENT" } });
    await expect(updateEdition(editor, id, { subject: "Too late", intro: "", items: null })).rejects.toThrow(/cannot change/);
    expect(await rawDb().auditLog.count({ where: { action: "newsletter.update", targetId: id } })).toBe(2);
  });
});
