/**
 * The SMTP transport keeps its connections (lib/mail/transport.ts): `createTransport({ url, pool: true })` had
 * quietly opened one connection per message. Against a real smtp-server counting its connections.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getSmtpTransport } from "@/lib/mail/transport";
const SMTP_CONNECTIONS = 5;

let connections = 0;
let accepted = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onConnect(_session, callback) {
    connections++;
    callback();
  },
  onData(stream, _session, callback) {
    stream.resume();
    stream.on("end", () => {
      accepted++;
      callback();
    });
  },
});
let url = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  getSmtpTransport(url).close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it("sends many messages over at most SMTP_CONNECTIONS connections", async () => {
  const transport = getSmtpTransport(url);
  const send = (i: number) => transport.sendMail({ from: "news@dateline.test", to: `reader-${i}@readers.test`, subject: `Message ${i}`, text: "Hello." });
  for (let round = 0; round < 3; round++) await Promise.all(Array.from({ length: 2 * SMTP_CONNECTIONS }, (_, i) => send(round * 100 + i)));
  expect(accepted).toBe(6 * SMTP_CONNECTIONS);
  expect(connections).toBeGreaterThan(0);
  expect(connections).toBeLessThanOrEqual(SMTP_CONNECTIONS);
});
