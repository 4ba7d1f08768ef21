/**
 * A newsletter copy from the edition's MIME template (lib/newsletters/copy.ts), read back by mailparser as a mail
 * client would: the reader's own headers and links, both parts intact (non-ASCII, long lines), nothing of another
 * copy, and no header injection through a copy's values.
 */
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { buildCopyTemplate, copyMessage, PLACEHOLDERS } from "@/lib/newsletters/copy";

const html = `<html><body><h1>Café &amp; crème — ${"a long line of the story ".repeat(40)}</h1><a href="${PLACEHOLDERS.preferences}">Manage</a> <a href="${PLACEHOLDERS.unsubscribe}">Unsubscribe</a></body></html>`;
const text = `Café & crème\n${"a long line of the story ".repeat(40)}\nManage: ${PLACEHOLDERS.preferences}\nUnsubscribe: ${PLACEHOLDERS.unsubscribe}`;

const template = () => buildCopyTemplate({ from: "Dateline Nouvelles <news@dateline.test>", subject: "Le matin — 5 décembre", html, text, listId: "<digest.newsletters.dateline.test>" });

const fields = (n: number) => ({
  to: `reader-${n}@readers.test`,
  messageId: `<edition1.subscriber${n}@dateline.test>`,
  date: new Date(Date.UTC(2026, 11, 5, 7, 0, n)),
  oneClickUrl: `https://dateline.test/api/newsletters/unsubscribe?token=unsubscribe.s${n}.1796000000.edition1.sig_${n}`,
  links: { preferences: `https://dateline.test/newsletters/preferences?token=p${n}`, unsubscribe: `https://dateline.test/newsletters/unsubscribe?token=u${n}&x=1` },
});

describe("a copy from the edition's template", () => {
  it("carries the reader's headers, links and both parts, as a mail client reads them", async () => {
    const t = await template();
    const copy = copyMessage(t, fields(1));
    expect(copy.envelope).toEqual({ from: "news@dateline.test", to: "reader-1@readers.test" });
    const mail = await simpleParser(copy.raw);
    expect(mail.subject).toBe("Le matin — 5 décembre");
    expect(mail.from?.value).toEqual([{ address: "news@dateline.test", name: "Dateline Nouvelles" }]);
    expect(mail.messageId).toBe("<edition1.subscriber1@dateline.test>");
    expect(mail.date).toEqual(new Date(Date.UTC(2026, 11, 5, 7, 0, 1)));
    const lines = Object.fromEntries(mail.headerLines.map((l) => [l.key, l.line.slice(l.line.indexOf(":") + 1).trim()]));
    expect(lines.to).toBe("reader-1@readers.test");
    expect(lines["list-unsubscribe"]).toBe(`<${fields(1).oneClickUrl}>`);
    expect(lines["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(lines["list-id"]).toBe("<digest.newsletters.dateline.test>");
    expect(mail.text).toContain("Café & crème");
    expect(mail.text).toContain("Unsubscribe: https://dateline.test/newsletters/unsubscribe?token=u1&x=1");
    expect(mail.text).toContain("a long line of the story ".repeat(40).trim());
    expect(mail.html).toContain('href="https://dateline.test/newsletters/unsubscribe?token=u1&amp;x=1"');
    expect(mail.html).toContain('href="https://dateline.test/newsletters/preferences?token=p1"');
    expect(mail.html).not.toContain("dateline.invalid");
    // Lines stay within what SMTP allows.
    expect(Math.max(...copy.raw.split("\r\n").map((l) => l.length))).toBeLessThanOrEqual(998);
    expect(copy.raw).not.toMatch(/[^\r]\n/);
  });

  it("gives each reader only their own values", async () => {
    const t = await template();
    const [one, two] = [copyMessage(t, fields(1)), copyMessage(t, fields(2))];
    const mail = await simpleParser(two.raw);
    expect(mail.messageId).toBe("<edition1.subscriber2@dateline.test>");
    expect(mail.text).toContain("token=p2");
    expect(`${mail.text}${String(mail.html)}${two.raw}`).not.toMatch(/token=[pu]1|sig_1|subscriber1@|reader-1@/);
    expect(one.raw).not.toBe(two.raw);
  });

  it("refuses header values that would add a header or break one", async () => {
    const t = await template();
    for (const to of ["a@b.test\r\nBcc: x@evil.test", "a b@c.test", "<a@b.test>", "ünï@b.test"]) expect(() => copyMessage(t, { ...fields(1), to })).toThrow();
    expect(() => copyMessage(t, { ...fields(1), oneClickUrl: "https://x.test/>\r\nX-Evil: 1" })).toThrow();
  });
});
