/**
 * Text that goes into XML documents (feeds, sitemaps). Headlines are typed by people and pasted from anywhere, so
 * they carry `&`, `<`, quotes, and the odd control character from a word processor. A single one of those written
 * raw makes the whole feed unreadable for every subscriber, so everything written into XML passes through here.
 */

/** Characters XML 1.0 forbids anywhere in a document, even escaped: C0 controls other than tab/LF/CR, U+FFFE/F. */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Removes what XML cannot carry at all; a lone surrogate becomes U+FFFD. Everything else is kept as is. */
export function toXmlSafeText(value: string): string {
  return value.toWellFormed().replace(INVALID_XML_CHARS, "");
}

/** Escapes text for an XML element or a double- or single-quoted attribute. */
export function escapeXml(value: string): string {
  return toXmlSafeText(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const CDATA_END = "]]>";
const CDATA_SPLIT = "]]]]><![CDATA[>";

/**
 * Prepares plain text for the `feed` package's CDATA sections. The package (through xml-js) splits only the FIRST
 * "]]>" in a CDATA value; a second one would end the section early and break the document. So the first occurrence
 * is left for the package and every later one is split here, the same way. tests/unit/distribution-feeds.test.ts
 * parses the result, so a change in the package's behaviour fails a test rather than a subscriber's reader.
 */
export function toFeedCdata(value: string): string {
  const text = toXmlSafeText(value);
  const first = text.indexOf(CDATA_END);
  if (first === -1) return text;
  const head = text.slice(0, first + CDATA_END.length);
  return head + text.slice(head.length).split(CDATA_END).join(CDATA_SPLIT);
}
