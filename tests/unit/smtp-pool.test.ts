/**
 * The SMTP transport keeps its connections (lib/mail/transport.ts): `createTransport({ url, pool: true })` had
 * quietly opened one connection per message. Against a real smtp-server counting its connections.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { getSmtpTransport, SMTP_CONNECTIONS } from "@/lib/mail/transport";
import { startSmtpInbox, type SmtpInbox } from "../support/smtp-inbox";

let inbox: SmtpInbox;
beforeAll(async () => {
  inbox = await startSmtpInbox();
});
afterAll(async () => {
  getSmtpTransport(inbox.url).close();
  await inbox.close();
});

it("sends many messages over at most SMTP_CONNECTIONS connections", async () => {
  const transport = getSmtpTransport(inbox.url);
  const send = (i: number) => transport.sendMail({ from: "news@dateline.test", to: `reader-${i}@readers.test`, subject: `Message ${i}`, text: "Hello." });
  for (let round = 0; round < 3; round++) await Promise.all(Array.from({ length: 2 * SMTP_CONNECTIONS }, (_, i) => send(round * 100 + i)));
  await expect.poll(() => inbox.received.length).toBe(6 * SMTP_CONNECTIONS);
  expect(inbox.connections()).toBeGreaterThan(0);
  expect(inbox.connections()).toBeLessThanOrEqual(SMTP_CONNECTIONS);
});
