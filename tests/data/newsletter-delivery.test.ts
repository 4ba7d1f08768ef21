/**
 * Newsletters through a real SMTP server (smtp-server in this process, messages parsed with mailparser; nodemailer
 * sends as it would to a provider): sign-up → confirmation → confirm → the digest with the day's articles and the
 * right headers and parts → one-click unsubscribe → the next digest does not reach the address, while the breaking
 * alerts the reader also chose still do (one-click leaves the list the e-mail came from). Then refusals:
 * permanent ones suppress the address for every list, temporary ones are retried and delivered; the rate is kept.
 * And a worker stopped halfway through a 2,000-recipient send. Stopped with SIGTERM (a deploy, a supervisor), it
 * records the copies in flight and hands back the rest: every subscriber has exactly one copy, none repeated. Killed
 * with SIGKILL (no clean-up runs), the queue worked again after its leases ran out: every subscriber has the edition,
 * once. What can repeat is only a copy the server accepted in the instant before the dead worker recorded it (at most
 * one per lane, LANES); such a repeat carries the same Message-ID (edition + subscriber), so mail clients show one
 * message. The test counts both: distinct messages per subscriber (exactly one), and raw repeats (at most the copies
 * the server had accepted and the worker had not recorded when it died).
 *
 * One file, so that its workers (each works the whole queue) never send another file's copies to the wrong inbox.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as oneClick } from "@/app/api/newsletters/unsubscribe/route";
import { deliverNewsletterSends, LANES, LEASE_MS, retryDelayMs } from "@/lib/data/newsletters/delivery";
import { queueDueEditions, queueEdition } from "@/lib/data/newsletters/queue";
import { confirmSubscription, signUp } from "@/lib/data/newsletters/subscribers";
import { sectionList } from "@/lib/newsletters/lists";
import { makeArticle, makeSection, makeUser, rawDb, uid } from "../support/factories";
import { makeSearchableArticle, makeSpanishEdition } from "../support/search-factories";
import { startAppMailServer, type SmtpInbox } from "../support/smtp-inbox";

let inbox: SmtpInbox;
const refusals = new Map<string, number>();

beforeAll(async () => {
  inbox = await startAppMailServer({ refuse: (address) => refusals.get(address) ?? false, from: "Dateline Newsletters <news@dateline.test>" });
});
afterAll(() => inbox.close());

let counter = 0;
const ip = () => `192.0.2.${(counter++ % 250) + 1}`;
const linkIn = (text: string, path: string) => new RegExp(`https?://\\S+${path}\\?token=\\S+`).exec(text)?.[0] ?? "";

/** Works the queue until nothing is due at `now`. */
async function drain(now?: Date) {
  for (let i = 0; i < 20; i++) {
    const tally = await deliverNewsletterSends({ now });
    if (tally.sent + tally.failed + tally.suppressed + tally.retry === 0) return;
  }
}

describe("a reader's newsletter, end to end", () => {
  it("sign-up, confirmation, the digest with its headers and parts, one-click unsubscribe, then no more digests", async () => {
    const email = `reader-${uid()}@readers.test`;
    await (await signUp({ email, lists: ["DIGEST", "BREAKING"], source: "footer", ip: ip() }))!();
    const confirmation = await inbox.waitFor((m) => m.to.includes(email));
    expect(confirmation.from).toBe("news@dateline.test");
    const confirmToken = new URL(linkIn(confirmation.text, "/newsletters/confirm")).searchParams.get("token");
    expect(await confirmSubscription(confirmToken)).not.toBeNull();

    // A day of its own, three days ago, so that other tests' articles are not in its window.
    const day = new Date(Date.now() - 3 * 24 * 3_600_000 - Math.floor(Math.random() * 3_600_000));
    const author = await makeUser("JOURNALIST");
    const todays = await makeArticle(author, { status: "PUBLISHED", publishedAt: new Date(day.getTime() - 2 * 3_600_000), headline: `Story of the day ${uid()}` });
    const older = await makeArticle(author, { status: "PUBLISHED", publishedAt: new Date(day.getTime() - 25 * 3_600_000), headline: `Story of the day before ${uid()}` });
    const edition = await rawDb().edition.create({ data: { kind: "DIGEST", subject: `The day's news ${uid()}`, intro: "Good morning.", status: "SCHEDULED", scheduledFor: day } });

    await queueDueEditions(new Date(day.getTime() + 1000));
    await drain();
    const digest = await inbox.waitFor((m) => m.to.includes(email) && m.subject === edition.subject);
    expect(digest.text).toContain(todays.headline);
    expect(digest.text).not.toContain(older.headline);
    expect(digest.html).toContain(todays.headline);
    expect(digest.html).toMatch(/<html[\s\S]*<\/html>/);
    expect(digest.text).toContain("Good morning.");
    expect(digest.date).toBeInstanceOf(Date);
    expect(Math.abs(digest.date!.getTime() - Date.now())).toBeLessThan(60_000);
    const subscriber = await rawDb().subscriber.findUniqueOrThrow({ where: { email } });
    expect(digest.messageId).toBe(`<${edition.id}.${subscriber.id}@localhost>`);
    expect(digest.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const oneClickUrl = /^<(https?:\/\/[^>]+\/api\/newsletters\/unsubscribe\?token=[^>]+)>$/.exec(digest.headers["list-unsubscribe"]?.replace(/\s+/g, "") ?? "")?.[1];
    expect(oneClickUrl).toBeTruthy();
    expect(linkIn(digest.text, "/newsletters/preferences")).not.toBe("");
    expect(linkIn(digest.text, "/newsletters/unsubscribe")).not.toBe("");

    // RFC 8058: the provider POSTs "List-Unsubscribe=One-Click" to the header's URL, with no cookie and no Origin.
    const response = await oneClick(new Request(oneClickUrl!, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }));
    expect(response.status).toBe(200);
    expect(await rawDb().newsletterSend.findUniqueOrThrow({ where: { editionId_subscriberId: { editionId: edition.id, subscriberId: subscriber.id } } })).toMatchObject({ state: "SENT" });
    expect((await rawDb().newsletterSend.findFirstOrThrow({ where: { editionId: edition.id, subscriberId: subscriber.id } })).unsubscribedAt).not.toBeNull();

    const next = await rawDb().edition.create({ data: { kind: "DIGEST", subject: `The next day ${uid()}`, items: [todays.id], itemsEdited: true } });
    await queueEdition(next.id);
    await drain();
    expect(inbox.received.filter((m) => m.to.includes(email) && m.subject === next.subject)).toEqual([]);
    expect(await rawDb().newsletterSend.count({ where: { editionId: next.id, subscriberId: subscriber.id } })).toBe(0);
    const alert = await rawDb().edition.create({ data: { kind: "BREAKING", subject: `Breaking ${uid()}`, items: [todays.id], itemsEdited: true } });
    await queueEdition(alert.id);
    await drain();
    expect((await inbox.waitFor((m) => m.to.includes(email) && m.subject === alert.subject)).text).toContain(todays.headline);
  });
});

describe("a Spanish reader's newsletter, end to end", () => {
  it("a sign-up from a Spanish form: the confirmation in Spanish, the Spanish digest with only Spanish stories and /es/ links", async () => {
    const edition = await makeSpanishEdition();
    const email = `lectora-${uid()}@readers.test`;
    const english = `reader-${uid()}@readers.test`;
    await (await signUp({ email, lists: ["es:DIGEST", "es:SECTION:nosuchsection01", "fr:DIGEST"], source: "footer", ip: ip(), language: "es" }))!();
    await (await signUp({ email: english, lists: ["DIGEST"], source: "footer", ip: ip() }))!();
    const confirmation = await inbox.waitFor((m) => m.to.includes(email));
    expect(confirmation.subject).toMatch(/^Confirme su suscripción a los boletines de /);
    expect(confirmation.text).toContain("Confirme aquí:");
    const confirmToken = new URL(linkIn(confirmation.text, "/es/newsletters/confirm")).searchParams.get("token");
    expect((await confirmSubscription(confirmToken))?.preferencesPath).toMatch(/^\/es\/newsletters\/preferences\?token=/);
    const englishToken = new URL(linkIn((await inbox.waitFor((m) => m.to.includes(english))).text, "/newsletters/confirm")).searchParams.get("token");
    await confirmSubscription(englishToken);

    const subscriber = await rawDb().subscriber.findUniqueOrThrow({ where: { email }, include: { lists: true, consents: { orderBy: { createdAt: "asc" } } } });
    expect(subscriber.language).toBe("es");
    expect(subscriber.lists.map((l) => l.list)).toEqual(["es:DIGEST"]);
    expect(subscriber.consents.map((c) => [c.action, c.language, c.lists])).toEqual([
      ["sign_up", "es", ["es:DIGEST"]],
      ["confirm", "es", ["es:DIGEST"]],
    ]);

    // A day of its own, four days ago: a Spanish and an English story in its window.
    const day = new Date(Date.now() - 4 * 24 * 3_600_000 - Math.floor(Math.random() * 3_600_000));
    const author = await makeUser("JOURNALIST");
    const section = await makeSection();
    await rawDb().sectionTranslation.create({ data: { sectionId: section.id, editionId: "es", name: `Ciudad ${section.id}`, slug: `ciudad-${section.id}` } });
    const publishedAt = new Date(day.getTime() - 2 * 3_600_000);
    const spanish = await makeSearchableArticle(author, { edition, sectionId: section.id, publishedAt, headline: `Nota del día ${uid()}` });
    const other = await makeArticle(author, { status: "PUBLISHED", sectionId: section.id, publishedAt, headline: `English story ${uid()}` });
    const [digestEs, digestEn] = await Promise.all([
      rawDb().edition.create({ data: { kind: "DIGEST", language: "es", subject: `Las noticias del día ${uid()}`, status: "SCHEDULED", scheduledFor: day } }),
      rawDb().edition.create({ data: { kind: "DIGEST", subject: `The day's news ${uid()}`, status: "SCHEDULED", scheduledFor: day } }),
    ]);
    await queueDueEditions(new Date(day.getTime() + 1000));
    await drain();

    const digest = await inbox.waitFor((m) => m.to.includes(email) && m.subject === digestEs.subject);
    expect(digest.text).toContain(spanish.headline);
    expect(digest.text).not.toContain(other.headline);
    expect(digest.text).toContain(`/es/ciudad-${section.id}/${spanish.slug}`);
    expect(digest.text).toContain(`CIUDAD ${section.id.toUpperCase()}`);
    expect(digest.text).toContain("Recibe este correo porque eligió recibir el resumen diario de");
    expect(digest.html).toContain('lang="es"');
    expect(linkIn(digest.text, "/es/newsletters/preferences")).not.toBe("");
    expect(linkIn(digest.text, "/es/newsletters/unsubscribe")).not.toBe("");
    expect(digest.headers["list-id"]).toMatch(/^<es\.digest\.newsletters\./);
    const englishDigest = await inbox.waitFor((m) => m.to.includes(english) && m.subject === digestEn.subject);
    expect(englishDigest.text).toContain(other.headline);
    expect(englishDigest.text).not.toContain(spanish.headline);
    expect(inbox.received.filter((m) => (m.to.includes(email) && m.subject === digestEn.subject) || (m.to.includes(english) && m.subject === digestEs.subject))).toEqual([]);
  });
});

/** `count` confirmed subscribers of a fresh section's list, with addresses made by `name`. */
async function sectionAudience(count: number, name: (i: number) => string) {
  const section = await makeSection();
  const emails = Array.from({ length: count }, (_, i) => name(i));
  await rawDb().subscriber.createMany({ data: emails.map((email) => ({ email, status: "CONFIRMED" as const })) });
  const rows = await rawDb().subscriber.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  await rawDb().newsletterMembership.createMany({ data: rows.map((r) => ({ subscriberId: r.id, list: sectionList(section.id), kind: "SECTION" as const, sectionId: section.id })) });
  const article = await makeArticle(await makeUser("JOURNALIST"), { status: "PUBLISHED", sectionId: section.id });
  const edition = await rawDb().edition.create({ data: { kind: "SECTION", sectionId: section.id, subject: `Section news ${uid()}`, items: [article.id], itemsEdited: true } });
  return { section, edition, subscribers: rows };
}

describe("refusals", () => {
  it("a permanent rejection suppresses the address for every list; a temporary one is retried later and delivered", async () => {
    const run = uid();
    const { edition, subscribers } = await sectionAudience(6, (i) => `${["ok", "ok", "perm", "perm", "temp", "temp"][i]}-${i}-${run}@readers.test`);
    const byKind = (kind: string) => subscribers.filter((s) => s.email.startsWith(kind));
    for (const s of byKind("perm")) refusals.set(s.email, 550);
    for (const s of byKind("temp")) refusals.set(s.email, 451);
    await rawDb().newsletterMembership.createMany({ data: byKind("perm").map((s) => ({ subscriberId: s.id, list: "BREAKING", kind: "BREAKING" as const })) });

    expect(await queueEdition(edition.id)).toBe(6);
    await drain();
    const states = async () => Object.fromEntries((await rawDb().newsletterSend.findMany({ where: { editionId: edition.id }, select: { subscriberId: true, state: true } })).map((r) => [r.subscriberId, r.state]));
    let now = await states();
    for (const s of byKind("ok")) expect(now[s.id]).toBe("SENT");
    for (const s of byKind("perm")) expect(now[s.id]).toBe("SUPPRESSED");
    for (const s of byKind("temp")) expect(now[s.id]).toBe("QUEUED");
    const perm = await rawDb().subscriber.findMany({ where: { id: { in: byKind("perm").map((s) => s.id) } }, include: { lists: true } });
    expect(perm.map((s) => [s.status, s.lists.length, s.suppressedWhy.startsWith("rejected: ")])).toEqual([
      ["SUPPRESSED", 0, true],
      ["SUPPRESSED", 0, true],
    ]);

    // Still refusing at the first retry: queued again with a longer wait.
    await drain(new Date(Date.now() + retryDelayMs(1) + 1000));
    const retried = await rawDb().newsletterSend.findMany({ where: { editionId: edition.id, subscriberId: { in: byKind("temp").map((s) => s.id) } } });
    expect(retried.map((r) => [r.state, r.attempts])).toEqual([
      ["QUEUED", 2],
      ["QUEUED", 2],
    ]);
    for (const s of byKind("temp")) refusals.delete(s.email);
    await drain(new Date(Date.now() + retryDelayMs(1) + retryDelayMs(2) + 2000));
    now = await states();
    for (const s of byKind("temp")) expect(now[s.id]).toBe("SENT");
    for (const s of [...byKind("ok"), ...byKind("temp")]) expect(inbox.received.filter((m) => m.to.includes(s.email) && m.subject === edition.subject)).toHaveLength(1);
    for (const s of byKind("perm")) expect(inbox.received.filter((m) => m.to.includes(s.email))).toEqual([]);
    await queueDueEditions();
    expect((await rawDb().edition.findUniqueOrThrow({ where: { id: edition.id } })).status).toBe("SENT");
  });

  it("keeps to the rate per minute", async () => {
    const { edition } = await sectionAudience(5, (i) => `rate-${i}-${uid()}@readers.test`);
    await queueEdition(edition.id);
    // A minute of its own, a day ahead, so that other tests' sends do not count against it. The tallies count every
    // copy the worker took (another test's, queued meanwhile, too): never more than the rate in one minute.
    const minute = new Date(Date.now() + 24 * 3_600_000);
    const at = (seconds: number) => new Date(minute.getTime() + seconds * 1000);
    expect((await deliverNewsletterSends({ now: at(0), ratePerMinute: 2 })).sent).toBeLessThanOrEqual(2);
    expect((await deliverNewsletterSends({ now: at(30), ratePerMinute: 2 })).sent).toBe(0);
    const sent = () => rawDb().newsletterSend.count({ where: { editionId: edition.id, state: "SENT" } });
    for (let m = 1; (await sent()) < 5; m++) {
      expect(m, "minutes it took").toBeLessThan(30);
      expect((await deliverNewsletterSends({ now: at(61 * m), ratePerMinute: 2 })).sent).toBeLessThanOrEqual(2);
    }
    expect(await rawDb().newsletterSend.count({ where: { editionId: edition.id, sentAt: { lte: at(60) } } })).toBeLessThanOrEqual(2);
  });

  it("a copy claimed by a worker is left alone until its lease runs out", async () => {
    const { edition, subscribers } = await sectionAudience(1, () => `leased-${uid()}@readers.test`);
    await queueEdition(edition.id);
    await rawDb().newsletterSend.updateMany({ where: { editionId: edition.id }, data: { state: "SENDING", leaseUntil: new Date(Date.now() + LEASE_MS) } });
    await drain();
    expect(inbox.received.filter((m) => m.to.includes(subscribers[0]!.email))).toEqual([]);
    await drain(new Date(Date.now() + LEASE_MS + 1000));
    expect(inbox.received.filter((m) => m.to.includes(subscribers[0]!.email))).toHaveLength(1);
  });
});

const RECIPIENTS = 2_000;

/**
 * A worker in a process of its own (scripts/lib/newsletter-worker.ts) sending one edition to RECIPIENTS subscribers,
 * stopped with `signal` once half of them have their copy. Returns what the inbox and the queue held when it exited.
 */
async function sendStoppedHalfway(signal: "SIGKILL" | "SIGTERM") {
  const run = uid();
  const { edition, subscribers } = await sectionAudience(RECIPIENTS, (i) => `${signal.toLowerCase()}-${i}-${run}@readers.test`);
  expect(await queueEdition(edition.id)).toBe(RECIPIENTS);
  const ours = () => inbox.received.filter((m) => m.subject === edition.subject);

  const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(import.meta.dirname, "../../scripts/lib/newsletter-worker.ts")], {
    cwd: path.join(import.meta.dirname, "../.."),
    env: { ...process.env, SMTP_URL: inbox.url, NEWSLETTER_RATE_PER_MINUTE: "1000000", DISABLE_SCHEDULER: "1" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => worker.once("exit", (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 120_000;
  while (ours().length < RECIPIENTS / 2) {
    if (Date.now() > deadline) throw new Error(`the worker sent only ${ours().length} copies in 2 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  worker.kill(signal);
  const exit = await exited;
  const atStop = ours().length;
  expect(atStop).toBeLessThan(RECIPIENTS);
  const states = Object.fromEntries(
    (await rawDb().newsletterSend.groupBy({ by: ["state"], where: { editionId: edition.id }, _count: { _all: true } })).map((g) => [g.state, g._count._all]),
  );
  return { edition, subscribers, ours, exit, atStop, states };
}

/** Works the queue as another worker would, at `now`, until nothing is left to send. */
async function restart(now: Date) {
  for (let i = 0; i < 50; i++) {
    const tally = await deliverNewsletterSends({ now, ratePerMinute: 1_000_000 });
    if (tally.sent + tally.retry + tally.failed + tally.suppressed === 0) break;
  }
}

/** Each subscriber's copies, by Message-ID: every one has this edition's, and no other message. */
async function copiesBySubscriber({ edition, subscribers, ours }: Awaited<ReturnType<typeof sendStoppedHalfway>>) {
  expect(await rawDb().newsletterSend.groupBy({ by: ["state"], where: { editionId: edition.id }, _count: { _all: true } })).toEqual([{ state: "SENT", _count: { _all: RECIPIENTS } }]);
  const byAddress = new Map<string, string[]>();
  for (const mail of ours()) for (const to of mail.to) byAddress.set(to, [...(byAddress.get(to) ?? []), mail.messageId]);
  expect(subscribers.filter((s) => !byAddress.has(s.email))).toEqual([]);
  for (const s of subscribers) expect(new Set(byAddress.get(s.email)), s.email).toEqual(new Set([`<${edition.id}.${s.id}@localhost>`]));
  return byAddress;
}

describe("an instance stopped mid-send", () => {
  it("stopped (SIGTERM, as a deploy or a supervisor does): it records what it has in flight and hands back the rest; every subscriber has exactly one copy", { timeout: 180_000 }, async () => {
    const stopped = await sendStoppedHalfway("SIGTERM");
    expect(stopped.exit, "a clean exit").toEqual({ code: 0, signal: null });
    // Every copy the server accepted is recorded, and nothing is left claimed: another worker may go on at once.
    expect(stopped.states).toEqual({ SENT: stopped.atStop, QUEUED: RECIPIENTS - stopped.atStop });

    await restart(new Date()); // no lease to wait for
    const byAddress = await copiesBySubscriber(stopped);
    expect([...byAddress.values()].filter((ids) => ids.length !== 1), "no copy repeated").toEqual([]);
    console.info(`[stop test] stopped after ${stopped.atStop} copies; none repeated`);
  });

  it("killed (SIGKILL: no clean-up runs): after the restart every subscriber has the edition once; only copies accepted and not yet recorded can repeat", { timeout: 180_000 }, async () => {
    const killed = await sendStoppedHalfway("SIGKILL");
    expect(killed.exit.signal).toBe("SIGKILL");
    // Copies the server accepted that the dead worker had not recorded as SENT: the only ones that may go twice.
    const unrecorded = killed.atStop - (killed.states.SENT ?? 0);
    // A lane takes its next copy only once its last one is recorded: at most one unrecorded copy per lane.
    expect(unrecorded).toBeLessThanOrEqual(LANES);

    // The restart: another worker, once the dead one's leases have run out.
    await restart(new Date(Date.now() + LEASE_MS + 1000));
    const byAddress = await copiesBySubscriber(killed);
    const repeats = [...byAddress.values()].filter((ids) => ids.length > 1).length;
    expect(repeats).toBeLessThanOrEqual(unrecorded);
    console.info(`[crash test] killed after ${killed.atStop} copies, ${unrecorded} of them unrecorded; ${repeats} repeated (same Message-ID)`);
  });
});
