/**
 * One edition's copies as raw MIME. Composing every copy with nodemailer's MIME builder cost milliseconds of CPU
 * each (streams, line folding, encoders): the send's bottleneck (docs/performance.md, Newsletters). So nodemailer
 * composes the edition once, as a template whose per-copy parts are stand-ins (recipient, Message-ID, Date, the
 * one-click URL, and the two bodies as a short token); each copy is then a few string replacements, and its bodies,
 * with its own links swapped in, encoded as base64 by Node. The headers and the multipart structure stay
 * nodemailer's (From and Subject encoding, boundaries), and SMTP still goes through nodemailer (raw message).
 */
import MailComposer from "nodemailer/lib/mail-composer";

/** Stand-ins for each copy's own links in the rendered HTML and text, replaced by personalize(). */
export const PLACEHOLDERS = { preferences: "https://dateline.invalid/__preferences__", unsubscribe: "https://dateline.invalid/__unsubscribe__" } as const;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** One copy's HTML or text: the placeholders replaced by its own links. */
export function personalize(body: string, links: { preferences: string; unsubscribe: string }, html: boolean): string {
  const value = (url: string) => (html ? escapeHtml(url) : url);
  return body.replaceAll(PLACEHOLDERS.preferences, value(links.preferences)).replaceAll(PLACEHOLDERS.unsubscribe, value(links.unsubscribe));
}

// Each body is a short token in the template, with one non-ASCII character so that nodemailer encodes it as base64
// (the copies' encoding): the template then holds base64(token), one line, exactly where the copy's body goes.
const TOKENS = { to: "copy-recipient@dateline.invalid", messageId: "<copy-message-id@dateline.invalid>", oneClick: "https://dateline.invalid/__one_click__" };
const TEXT_TOKEN = "@@dateline·text@@";
const HTML_TOKEN = "@@dateline·html@@";
const b64 = (token: string) => Buffer.from(token).toString("base64");
const TEMPLATE_DATE = new Date(Date.UTC(2000, 0, 1));
const formatDate = (date: Date) => date.toUTCString().replace(/GMT/, "+0000");

export type CopyTemplate = { head: string; middle: string; tail: string; html: string; text: string; envelopeFrom: string };

export type EditionMessage = { from: string; subject: string; html: string; text: string; listId: string };

/** Composes the edition once with nodemailer; copyMessage() fills it in per reader. */
export async function buildCopyTemplate(edition: EditionMessage): Promise<CopyTemplate> {
  const composer = new MailComposer({
    from: edition.from,
    to: TOKENS.to,
    subject: edition.subject,
    messageId: TOKENS.messageId,
    date: TEMPLATE_DATE,
    text: TEXT_TOKEN,
    html: HTML_TOKEN,
    textEncoding: "base64",
    headers: { "List-Unsubscribe": `<${TOKENS.oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "List-Id": edition.listId },
  });
  const node = composer.compile();
  const raw = (await node.build()).toString("latin1").replace(/\r?\n/g, "\r\n");
  const [head, rest] = splitOnce(raw, b64(TEXT_TOKEN));
  const [middle, tail] = splitOnce(rest, b64(HTML_TOKEN));
  return { head, middle, tail, html: edition.html, text: edition.text, envelopeFrom: node.getEnvelope().from || "" };
}

function splitOnce(value: string, token: string): [string, string] {
  const at = value.indexOf(token);
  if (at === -1 || value.indexOf(token, at + 1) !== -1) throw new Error("The MIME template lost a stand-in");
  return [value.slice(0, at), value.slice(at + token.length)];
}

function base64Lines(value: string): string {
  const encoded = Buffer.from(value, "utf8").toString("base64");
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return lines.join("\r\n");
}

export type CopyFields = { to: string; messageId: string; date: Date; oneClickUrl: string; links: { preferences: string; unsubscribe: string } };

// What goes into a header verbatim: printable ASCII, no spaces, no angle brackets (no header injection).
const HEADER_SAFE = /^[\x21-\x3b\x3d\x3f-\x7e]+$/;

/** One reader's copy: the raw message and its SMTP envelope. */
export function copyMessage(template: CopyTemplate, fields: CopyFields): { raw: string; envelope: { from: string; to: string } } {
  const id = fields.messageId.replace(/^<|>$/g, "");
  for (const value of [fields.to, id, fields.oneClickUrl]) if (!HEADER_SAFE.test(value)) throw new Error("A copy's header value is not plain ASCII");
  const head = template.head
    .replace(TOKENS.to, fields.to)
    .replace(TOKENS.messageId, `<${id}>`)
    .replace(formatDate(TEMPLATE_DATE), formatDate(fields.date))
    .replace(TOKENS.oneClick, fields.oneClickUrl);
  const raw = `${head}${base64Lines(personalize(template.text, fields.links, false))}${template.middle}${base64Lines(personalize(template.html, fields.links, true))}${template.tail}`;
  return { raw, envelope: { from: template.envelopeFrom, to: fields.to } };
}
