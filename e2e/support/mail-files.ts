/**
 * The e-mails the app wrote as .eml files (no SMTP in the e2e run: lib/mail/transport.ts writes them to MAIL_DIR,
 * which scripts/e2e.ts sets), parsed with mailparser, for specs that follow a link a reader would get by e-mail.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";

/** The newest message to `to` whose text matches `match`, waiting up to `timeoutMs` for it to be written. */
export async function waitForMail(to: string, match: RegExp, timeoutMs = 15_000): Promise<{ subject: string; text: string }> {
  const dir = process.env.MAIL_DIR;
  if (!dir) throw new Error("MAIL_DIR is not set: run e2e tests with `npm run test:e2e`.");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(".eml")).sort().reverse();
    for (const name of names) {
      const raw = await readFile(path.join(dir, name), "utf8");
      if (!raw.includes(to)) continue;
      const mail = await simpleParser(raw);
      const addresses = [mail.to].flat().flatMap((a) => a?.value.map((v) => v.address) ?? []);
      if (addresses.includes(to) && match.test(mail.text ?? "")) return { subject: mail.subject ?? "", text: mail.text ?? "" };
    }
    if (Date.now() > deadline) throw new Error(`no e-mail to ${to} matching ${match} in ${dir} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The site-relative path of the first link in `text` to `pathname` (with its query). */
export function linkPath(text: string, pathname: string): string {
  const url = new RegExp(`https?://\\S+${pathname}\\?\\S+`).exec(text)?.[0];
  if (!url) throw new Error(`no ${pathname} link in:\n${text}`);
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
