/**
 * Readers' side of the newsletters against the real PostgreSQL: double opt-in (the confirmation link works once, for
 * 48 hours, and only as signed), the same outcome for known and unknown addresses, the limits per address and per
 * client, consent records, preferences, unsubscribing, the purge, and the admins' export, erase and suppression.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmSubscription, getConfirmation, getPreferences, getUnsubscribe, purgeUnconfirmedSubscribers, savePreferences, signUp, SIGN_UP_LIMITS, unsubscribe } from "@/lib/data/newsletters/subscribers";
import { eraseSubscriber, exportSubscriber, importSuppressions, subscriberExportCsv } from "@/lib/data/newsletters/subscriber-admin";
import { linkToken } from "@/lib/data/newsletters/links";
import { ForbiddenError, NotFoundError } from "@/lib/data/errors";
import { sectionList } from "@/lib/newsletters/lists";
import { makeSection, makeUser, rawDb, uid } from "../support/factories";
import { makeSearchableArticle, makeSpanishEdition } from "../support/search-factories";
import { ensureUpcomingDigest } from "@/lib/data/newsletters/queue";
import { sendBreakingAlert } from "@/lib/data/newsletters/editions";
import { startAppMailServer, type SmtpInbox } from "../support/smtp-inbox";

let inbox: SmtpInbox;
let counter = 0;
const ip = () => `203.0.113.${(counter++ % 250) + 1}`;
const address = () => `reader-${uid()}@readers.test`;
const tokenIn = (text: string, path: string) => new URL(new RegExp(`https?://\\S+${path}\\?token=\\S+`).exec(text)![0]).searchParams.get("token")!;

beforeAll(async () => {
  inbox = await startAppMailServer();
});
afterAll(() => inbox.close());

/** Signs up and confirms through the e-mailed link; returns the subscriber's row. */
async function subscribed(lists = ["DIGEST"]) {
  const email = address();
  const send = await signUp({ email, lists, source: "footer", ip: ip() });
  await send!();
  const mail = await inbox.waitFor((m) => m.to.includes(email));
  expect(await confirmSubscription(tokenIn(mail.text, "/newsletters/confirm"))).not.toBeNull();
  return rawDb().subscriber.findUniqueOrThrow({ where: { email }, include: { lists: true } });
}

describe("signing up", () => {
  it("mails a confirmation link that works once; confirming adds the lists and records consent", async () => {
    const section = await makeSection();
    const email = address();
    const send = await signUp({ email: `  ${email.toUpperCase()} `, lists: ["DIGEST", sectionList(section.id), "BREAKING"], source: "article", ip: ip() });
    expect(send).not.toBeNull();
    expect((await rawDb().subscriber.findUniqueOrThrow({ where: { email } })).status).toBe("PENDING");
    await send!();
    const mail = await inbox.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toMatch(/Confirm your .* newsletter subscription/);
    const token = tokenIn(mail.text, "/newsletters/confirm");
    expect(await getConfirmation(token)).toEqual({ email });

    const confirmed = await confirmSubscription(token);
    expect(confirmed?.preferencesPath).toMatch(/^\/newsletters\/preferences\?token=/);
    const row = await rawDb().subscriber.findUniqueOrThrow({ where: { email }, include: { lists: true, consents: { orderBy: { createdAt: "asc" } } } });
    expect(row.status).toBe("CONFIRMED");
    expect(row.lists.map((l) => l.list).sort()).toEqual(["BREAKING", "DIGEST", sectionList(section.id)].sort());
    expect(row.consents.map((c) => [c.action, c.source, [...c.lists].sort()])).toEqual([
      ["sign_up", "article", ["BREAKING", "DIGEST", sectionList(section.id)].sort()],
      ["confirm", "e-mail", ["BREAKING", "DIGEST", sectionList(section.id)].sort()],
    ]);
    // Reused: refused.
    expect(await getConfirmation(token)).toBeNull();
    expect(await confirmSubscription(token)).toBeNull();
  });

  it("refuses forged and expired confirmation links, and a link whose nonce was replaced by a newer sign-up", async () => {
    const email = address();
    await (await signUp({ email, lists: [], source: "footer", ip: ip() }))!();
    const first = tokenIn((await inbox.waitFor((m) => m.to.includes(email))).text, "/newsletters/confirm");
    const [purpose, id, expires, nonce] = first.split(".");
    expect(await confirmSubscription(`${purpose}.${id}.${Number(expires) + 3600}.${nonce}.${first.split(".")[4]}`)).toBeNull();
    expect(await confirmSubscription(linkToken("preferences", id!, nonce))).toBeNull();
    expect(await confirmSubscription(first, new Date(Date.now() + 49 * 3_600_000))).toBeNull();

    await (await signUp({ email, lists: ["BREAKING"], source: "footer", ip: ip() }))!();
    await inbox.waitFor((m) => m.to.includes(email) && tokenIn(m.text, "/newsletters/confirm") !== first);
    expect(await confirmSubscription(first)).toBeNull();
    expect((await rawDb().subscriber.findUniqueOrThrow({ where: { email } })).status).toBe("PENDING");
  });

  it("sends nothing to a suppressed address, and limits sign-ups per address and per client", async () => {
    const admin = await makeUser("ADMIN");
    const suppressed = address();
    await importSuppressions(admin, `bounced: <${suppressed}>`, "bounce");
    expect(await signUp({ email: suppressed, lists: [], source: "footer", ip: ip() })).toBeNull();

    const email = address();
    const client = ip();
    // One instant for the whole hour's attempts: the limits count per clock hour.
    const at = new Date();
    for (let i = 0; i < SIGN_UP_LIMITS.perAddress; i++) expect(await signUp({ email, lists: [], source: "footer", ip: ip() }, at)).not.toBeNull();
    expect(await signUp({ email, lists: [], source: "footer", ip: ip() }, at)).toBeNull();
    for (let i = 0; i < SIGN_UP_LIMITS.perClient; i++) expect(await signUp({ email: address(), lists: [], source: "footer", ip: client }, at)).not.toBeNull();
    expect(await signUp({ email: address(), lists: [], source: "footer", ip: client }, at)).toBeNull();
    // Counted in the shared request limits, under hashes: neither address is kept there.
    const buckets = await rawDb().rateLimitWindow.findMany({ where: { bucket: { startsWith: "newsletter-" } }, select: { bucket: true } });
    expect(buckets.length).toBeGreaterThanOrEqual(2);
    expect(buckets.filter((b) => b.bucket.includes(email) || b.bucket.includes(client))).toEqual([]);
    // An hour later both may try again.
    expect(await signUp({ email, lists: [], source: "footer", ip: client }, new Date(at.getTime() + SIGN_UP_LIMITS.windowMs))).not.toBeNull();
  });

  it("purges sign-ups left unconfirmed for 48 hours, and only those", async () => {
    const stale = address();
    await signUp({ email: stale, lists: [], source: "footer", ip: ip() }, new Date(Date.now() - 49 * 3_600_000));
    const fresh = address();
    await signUp({ email: fresh, lists: [], source: "footer", ip: ip() });
    const kept = await subscribed();
    await rawDb().subscriber.update({ where: { id: kept.id }, data: { createdAt: new Date(Date.now() - 72 * 3_600_000) } });
    expect(await purgeUnconfirmedSubscribers()).toBeGreaterThanOrEqual(1);
    expect(await rawDb().subscriber.findUnique({ where: { email: stale } })).toBeNull();
    expect(await rawDb().subscriber.findUnique({ where: { email: fresh } })).not.toBeNull();
    expect(await rawDb().subscriber.findUnique({ where: { id: kept.id } })).not.toBeNull();
  });
});

describe("the reader's control", () => {
  it("preferences change the lists through the signed link; none is unsubscribed; a forged or expired link is refused", async () => {
    const row = await subscribed(["DIGEST"]);
    const token = linkToken("preferences", row.id);
    expect(await getPreferences(token)).toEqual({ email: row.email, status: "CONFIRMED", lists: ["DIGEST"] });
    expect(await savePreferences(token, ["BREAKING"])).toBe(true);
    expect((await getPreferences(token))?.lists).toEqual(["BREAKING"]);
    expect(await savePreferences(token, [])).toBe(true);
    expect((await rawDb().subscriber.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("UNSUBSCRIBED");
    expect(await savePreferences(token, ["DIGEST"])).toBe(true);
    expect((await rawDb().subscriber.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("CONFIRMED");

    expect(await getPreferences(`${token}x`)).toBeNull();
    expect(await getPreferences(linkToken("unsubscribe", row.id))).toBeNull();
    expect(await savePreferences(token, ["BREAKING"], new Date(Date.now() + 181 * 24 * 3_600_000))).toBe(false);
    expect(await getPreferences(linkToken("preferences", "cm0nobody00000"))).toBeNull();
  });

  it("unsubscribing leaves only the list the e-mail came from, is idempotent, and is counted against its edition", async () => {
    const section = await makeSection();
    const row = await subscribed(["DIGEST", "BREAKING", sectionList(section.id)]);
    const edition = await rawDb().edition.create({ data: { kind: "SECTION", sectionId: section.id, subject: "s", status: "SENT" } });
    await rawDb().newsletterSend.create({ data: { editionId: edition.id, subscriberId: row.id, state: "SENT", sentAt: new Date() } });
    const token = linkToken("unsubscribe", row.id, edition.id);
    expect(await getUnsubscribe(token)).toMatchObject({ email: row.email, isSubscribed: true, listName: `the ${section.name} newsletter` });
    expect(await unsubscribe(token, true)).not.toBeNull();
    expect(await unsubscribe(token, true)).not.toBeNull();
    let after = await rawDb().subscriber.findUniqueOrThrow({ where: { id: row.id }, include: { lists: true, consents: true, sends: true } });
    expect(after.status).toBe("CONFIRMED");
    expect(after.lists.map((l) => l.list).sort()).toEqual(["BREAKING", "DIGEST"]);
    expect(after.consents.filter((c) => c.action === "one_click_unsubscribe").map((c) => c.lists)).toEqual([[sectionList(section.id)]]);
    expect(after.sends[0]!.unsubscribedAt).not.toBeNull();
    expect(await getUnsubscribe(token)).toMatchObject({ isSubscribed: false });

    // The footer's page, from a digest and then a breaking alert: the last list leaves the reader unsubscribed.
    for (const kind of ["DIGEST", "BREAKING"] as const) {
      const other = await rawDb().edition.create({ data: { kind, subject: "s", status: "SENT" } });
      expect(await unsubscribe(linkToken("unsubscribe", row.id, other.id), false)).not.toBeNull();
    }
    after = await rawDb().subscriber.findUniqueOrThrow({ where: { id: row.id }, include: { lists: true, consents: true, sends: true } });
    expect(after.lists).toEqual([]);
    expect(after.status).toBe("UNSUBSCRIBED");
    expect(after.consents.filter((c) => c.action === "unsubscribe").map((c) => c.lists)).toEqual([["DIGEST"], ["BREAKING"]]);
    expect(await unsubscribe(linkToken("preferences", row.id, edition.id), true)).toBeNull();
  });

  it("a link that names no edition (or a gone one) leaves every list", async () => {
    const row = await subscribed(["DIGEST", "BREAKING"]);
    expect(await getUnsubscribe(linkToken("unsubscribe", row.id))).toMatchObject({ isSubscribed: true, listName: null });
    expect(await unsubscribe(linkToken("unsubscribe", row.id, "cm0goneedition0"), true)).not.toBeNull();
    const after = await rawDb().subscriber.findUniqueOrThrow({ where: { id: row.id }, include: { lists: true } });
    expect([after.status, after.lists]).toEqual(["UNSUBSCRIBED", []]);
  });
});

describe("in another language edition", () => {
  it("a Spanish digest's unsubscribe link leaves the Spanish digest only, in Spanish, and sends the reader to the Spanish pages", async () => {
    await makeSpanishEdition();
    const row = await subscribed(["DIGEST", "es:DIGEST"]);
    const edition = await rawDb().edition.create({ data: { kind: "DIGEST", language: "es", subject: "s", status: "SENT" } });
    const token = linkToken("unsubscribe", row.id, edition.id);
    expect(await getUnsubscribe(token)).toMatchObject({ isSubscribed: true, listName: "el resumen diario", preferencesPath: expect.stringMatching(/^\/es\/newsletters\/preferences\?token=/) });
    expect((await unsubscribe(token, false))?.preferencesPath).toMatch(/^\/es\//);
    const after = await rawDb().subscriber.findUniqueOrThrow({ where: { id: row.id }, include: { lists: true, consents: true } });
    expect(after.lists.map((l) => l.list)).toEqual(["DIGEST"]);
    expect(after.consents.filter((c) => c.action === "unsubscribe").map((c) => [c.lists, c.language])).toEqual([[["es:DIGEST"], "es"]]);
  });

  it("keeps a digest waiting for every edition, each in its language, and sends a Spanish story's alert to the Spanish list", async () => {
    const edition = await makeSpanishEdition();
    await ensureUpcomingDigest();
    const digests = await rawDb().edition.findMany({ where: { kind: "DIGEST", status: "SCHEDULED", dayKey: { not: null } }, orderBy: { scheduledFor: "desc" }, take: 10 });
    const spanish = digests.find((d) => d.dayKey?.startsWith("DIGEST:es:"));
    expect(spanish).toMatchObject({ language: "es", subject: expect.stringContaining(": las noticias del día, ") });
    expect(digests.find((d) => d.dayKey === spanish!.dayKey!.replace("DIGEST:es:", "DIGEST:"))).toMatchObject({ language: "en", subject: expect.stringContaining(": the day's news, ") });

    const editor = await makeUser("EDITOR");
    const story = await makeSearchableArticle(editor, { edition, headline: `Se cae el puente ${uid()}` });
    const alert = await sendBreakingAlert(editor, story.id);
    expect(await rawDb().edition.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ language: "es", subject: `Última hora: ${story.headline}` });
    expect(alert.queued, "nobody is on the Spanish breaking list").toBe(0);
  });
});

describe("the admins' side", () => {
  it("export everything kept (JSON and CSV, formulas defused) and erase it all; the audit entries keep no address", async () => {
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    const row = await subscribed(["DIGEST"]);
    await expect(exportSubscriber(editor, row.id, "json")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportSubscriber(admin, "no-such-subscriber", "json")).rejects.toBeInstanceOf(NotFoundError);
    const data = await exportSubscriber(admin, row.id, "csv");
    // Personal data left the system: who, whose (by id only), in which format; the refused ones left nothing.
    const exported = await rawDb().auditLog.findMany({ where: { action: "subscriber.export", targetId: { in: [row.id, "no-such-subscriber"] } } });
    expect(exported).toMatchObject([{ actorId: admin.id, targetType: "Subscriber", targetId: row.id, details: { format: "csv" } }]);
    expect(JSON.stringify(exported)).not.toContain(row.email);
    expect(data).toMatchObject({ email: row.email, status: "CONFIRMED", lists: [{ list: "DIGEST" }] });
    expect(data.consents.map((c) => c.action)).toEqual(["sign_up", "confirm"]);
    const csv = subscriberExportCsv({ ...data, suppressedWhy: "=HYPERLINK(1)", suppressedAt: new Date() });
    expect(csv.split("\r\n")[0]).toBe("record,what,detail,when");
    expect(csv).toContain(`subscriber,${row.email},CONFIRMED,`);
    expect(csv).toContain(",'=HYPERLINK(1),");

    await expect(eraseSubscriber(editor, row.id)).rejects.toBeInstanceOf(ForbiddenError);
    await eraseSubscriber(admin, row.id);
    expect(await rawDb().subscriber.findUnique({ where: { id: row.id } })).toBeNull();
    expect(await rawDb().newsletterConsent.count({ where: { subscriberId: row.id } })).toBe(0);
    const entry = await rawDb().auditLog.findFirstOrThrow({ where: { action: "subscriber.erase", targetId: row.id } });
    expect(JSON.stringify(entry)).not.toContain(row.email);
    expect(await getPreferences(linkToken("preferences", row.id))).toBeNull();
  });

  it("imported bounces and complaints suppress known and unknown addresses for every list, and take queued copies out", async () => {
    const admin = await makeUser("ADMIN");
    const known = await subscribed(["DIGEST", "BREAKING"]);
    const edition = await rawDb().edition.create({ data: { kind: "DIGEST", subject: "s", status: "SENDING" } });
    await rawDb().newsletterSend.create({ data: { editionId: edition.id, subscriberId: known.id } });
    const unknown = address();
    const count = await importSuppressions(admin, `Final-Recipient: rfc822; ${known.email.toUpperCase()}\nnot an address\n${unknown}, ${unknown}`, "complaint");
    expect(count).toBe(2);
    const rows = await rawDb().subscriber.findMany({ where: { email: { in: [known.email, unknown] } }, include: { lists: true, sends: true } });
    expect(rows.map((r) => [r.status, r.suppressedWhy, r.lists.length])).toEqual([
      ["SUPPRESSED", "complaint", 0],
      ["SUPPRESSED", "complaint", 0],
    ]);
    expect(rows.find((r) => r.id === known.id)!.sends[0]!.state).toBe("SUPPRESSED");
    expect(await rawDb().auditLog.count({ where: { action: "subscriber.suppress_import", actorId: admin.id } })).toBe(1);
  });
});
