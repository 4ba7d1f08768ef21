/**
 * An edition as e-mail: HTML built with MJML (tables and inline styles that hold up in Outlook, Gmail and Apple
 * Mail; docs/decisions/0026) and a plain-text part. Rendered once per edition when it is queued; each copy then only
 * swaps in its own links (copy.ts), which is what lets a worker send hundreds a second. Every value from
 * editors or settings is escaped here: the intro is plain text, paragraphs split on blank lines. The words around
 * the stories are the list's language edition's (lib/i18n catalogs).
 */
import mjml2html from "mjml";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";
import { escapeHtml as escape, PLACEHOLDERS } from "./copy";

export type EditionItem = { headline: string; dek: string; url: string; section: string };

export type EditionContent = {
  kind: "DIGEST" | "SECTION" | "BREAKING";
  subject: string;
  intro: string;
  items: EditionItem[];
  /** Why the reader gets it: "the daily digest", "Business". */
  listName: string;
  site: { name: string; url: string; logoUrl: string | null; color: string };
  /** The list's language (default: English). */
  text?: ReaderText;
};

const HEX = /^#[0-9a-fA-F]{6}$/;

function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

function itemBlock(item: EditionItem, color: string, breaking: boolean, text: ReaderText): string {
  return `<mj-section padding="8px 24px"><mj-column>
    <mj-text font-size="12px" text-transform="uppercase" letter-spacing="1px" color="${color}" padding="0">${escape(breaking ? text.t("nlMailBreaking") : item.section)}</mj-text>
    <mj-text font-family="Georgia, serif" font-size="${breaking ? 26 : 20}px" font-weight="bold" padding="4px 0"><a href="${escape(item.url)}" style="color:#111111;text-decoration:none">${escape(item.headline)}</a></mj-text>
    ${item.dek ? `<mj-text font-size="15px" color="#444444" padding="0 0 8px">${escape(item.dek)}</mj-text>` : ""}
    ${breaking ? `<mj-button background-color="${color}" href="${escape(item.url)}" align="left" padding="8px 0">${escape(text.t("nlMailReadStory"))}</mj-button>` : ""}
    <mj-divider border-width="1px" border-color="#e5e5e5" padding="8px 0" />
  </mj-column></mj-section>`;
}

function mjmlSource(content: EditionContent, text: ReaderText): string {
  const color = HEX.test(content.site.color) ? content.site.color : "#a4161a";
  const masthead = content.site.logoUrl
    ? `<mj-image src="${escape(content.site.logoUrl)}" alt="${escape(content.site.name)}" width="180px" href="${escape(content.site.url)}" padding="0" />`
    : `<mj-text font-family="Georgia, serif" font-size="28px" font-weight="bold" color="${color}" padding="0"><a href="${escape(content.site.url)}" style="color:${color};text-decoration:none">${escape(content.site.name)}</a></mj-text>`;
  const intro = paragraphs(content.intro).map((p) => `<mj-text font-size="16px" line-height="1.5" padding="0 0 12px">${escape(p)}</mj-text>`);
  return `<mjml lang="${escape(text.lang)}">
  <mj-head><mj-title>${escape(content.subject)}</mj-title><mj-preview>${escape(content.items[0]?.headline ?? content.subject)}</mj-preview>
    <mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" /><mj-text color="#111111" /></mj-attributes></mj-head>
  <mj-body background-color="#f4f4f4" width="600px">
    <mj-section background-color="#ffffff" border-top="4px solid ${color}" padding="20px 24px 8px"><mj-column>${masthead}</mj-column></mj-section>
    ${intro.length ? `<mj-section background-color="#ffffff" padding="8px 24px"><mj-column>${intro.join("")}</mj-column></mj-section>` : ""}
    <mj-wrapper background-color="#ffffff" padding="0">${content.items.map((item) => itemBlock(item, color, content.kind === "BREAKING", text)).join("")}</mj-wrapper>
    <mj-section padding="16px 24px"><mj-column>
      <mj-text font-size="12px" color="#555555" line-height="1.5">${escape(why(content, text))}<br />
        <a href="${PLACEHOLDERS.preferences}" style="color:#555555">${escape(text.t("nlMailManage"))}</a> · <a href="${PLACEHOLDERS.unsubscribe}" style="color:#555555">${escape(text.t("nlUnsubscribe"))}</a></mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>`;
}

const why = (content: EditionContent, text: ReaderText) => text.t("nlMailWhy", { list: content.listName, site: content.site.name });

function textPart(content: EditionContent, text: ReaderText): string {
  const lines = [content.site.name.toUpperCase(), content.subject, ""];
  for (const p of paragraphs(content.intro)) lines.push(p, "");
  for (const item of content.items) {
    lines.push((content.kind === "BREAKING" ? text.t("nlMailBreaking") : item.section).toLocaleUpperCase(text.locale), item.headline);
    if (item.dek) lines.push(item.dek);
    lines.push(item.url, "");
  }
  lines.push("---", why(content, text));
  lines.push(`${text.t("nlMailManage")}: ${PLACEHOLDERS.preferences}`, `${text.t("nlUnsubscribe")}: ${PLACEHOLDERS.unsubscribe}`);
  return lines.join("\n");
}

export async function renderEdition(content: EditionContent): Promise<{ html: string; text: string }> {
  const text = content.text ?? ENGLISH_TEXT;
  const { html, errors } = await mjml2html(mjmlSource(content, text), { validationLevel: "soft" });
  if (errors.length > 0) console.warn(`[newsletters] MJML warnings: ${errors.map((e) => e.formattedMessage).join("; ")}`);
  return { html, text: textPart(content, text) };
}

