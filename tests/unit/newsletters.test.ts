/**
 * The newsletters' pure parts: signed links (forged, tampered, expired, of another purpose), the e-mail rendering
 * (escaping, both parts, each copy's links), the digest's hour in the site's zone, SMTP replies' verdicts, the
 * backoff, and the admins' pasted bounce lists.
 */
import { describe, expect, it } from "vitest";
import { LINK_TTL_MS, signLink, verifyLink } from "@/lib/newsletters/tokens";
import { editionList, listName, parseListKey, ListKeysSchema } from "@/lib/newsletters/lists";
import { ENGLISH_TEXT, readerText } from "@/lib/i18n/reader-text";
import { personalize, PLACEHOLDERS } from "@/lib/newsletters/copy";
import { renderEdition, type EditionContent } from "@/lib/newsletters/render";
import { nextDigestSlot } from "@/lib/newsletters/schedule";
import { HOSTILE_INPUTS } from "../../e2e/security/hostile-inputs";

const SECRET = "a-secret-that-is-long-enough-for-the-tests";

describe("signed links", () => {
  const now = new Date("2026-12-05T10:00:00Z");
  const token = signLink(SECRET, { purpose: "confirm", subscriberId: "cm0subscriber01", extra: "nonce_1" }, now);

  it("verify for their purpose until they expire", () => {
    expect(verifyLink(SECRET, token, "confirm", now)).toMatchObject({ subscriberId: "cm0subscriber01", extra: "nonce_1", purpose: "confirm" });
    expect(verifyLink(SECRET, token, "confirm", new Date(now.getTime() + LINK_TTL_MS.confirm - 1000))).not.toBeNull();
    expect(verifyLink(SECRET, token, "confirm", new Date(now.getTime() + LINK_TTL_MS.confirm + 1000))).toBeNull();
  });

  it("refuse another purpose, another secret, and any change to a field or the signature", () => {
    expect(verifyLink(SECRET, token, "preferences", now)).toBeNull();
    expect(verifyLink(`${SECRET}x`, token, "confirm", now)).toBeNull();
    const parts = token.split(".");
    for (let i = 0; i < parts.length; i++) {
      const forged = parts.map((part, j) => (j === i ? `${part}A` : part)).join(".");
      expect(verifyLink(SECRET, forged, "confirm", now)).toBeNull();
    }
    // The purpose swapped, keeping the signature.
    expect(verifyLink(SECRET, ["unsubscribe", ...parts.slice(1)].join("."), "unsubscribe", now)).toBeNull();
    for (const junk of [undefined, 42, "", "a.b.c.d.e", "x".repeat(400)]) expect(verifyLink(SECRET, junk, "confirm", now)).toBeNull();
  });

  it("refuse fields that are not URL-safe", () => {
    expect(() => signLink(SECRET, { purpose: "confirm", subscriberId: "a.b", extra: "" })).toThrow();
  });
});

describe("lists", () => {
  it("accept the digest, breaking and a section; drop anything else and repeats", () => {
    expect(parseListKey("SECTION:cm0section0001")).toEqual({ list: "SECTION:cm0section0001", kind: "SECTION", sectionId: "cm0section0001", edition: null });
    expect(ListKeysSchema.parse(["DIGEST", "DIGEST", "BREAKING", "SECTION:x", "<script>", "SECTION:cm0section0001"])).toEqual(["DIGEST", "BREAKING", "SECTION:cm0section0001"]);
  });

  it("name another edition's lists after its code, and keep the default edition's keys as they were", () => {
    expect(editionList("DIGEST", null)).toBe("DIGEST");
    expect(editionList("DIGEST", null, "es")).toBe("es:DIGEST");
    expect(editionList("SECTION", "cm0section0001", "es")).toBe("es:SECTION:cm0section0001");
    expect(parseListKey("es:BREAKING")).toEqual({ list: "es:BREAKING", kind: "BREAKING", sectionId: null, edition: "es" });
    expect(ListKeysSchema.parse(["es:DIGEST", "Spanish:DIGEST", "es:", "es:es:DIGEST"])).toEqual(["es:DIGEST"]);
    expect(listName("SECTION", "Negocios", readerText({ id: "es", locale: "es-MX", isDefault: false }))).toBe("el boletín de Negocios");
    expect(listName("DIGEST", null)).toBe("the daily digest");
  });

  it("write the default edition's subjects and confirmation as before the catalogs (apostrophes kept)", () => {
    expect(ENGLISH_TEXT.t("nlDigestSubject", { site: "Dateline", day: "2026-12-05" })).toBe("Dateline: the day's news, 2026-12-05");
    expect(ENGLISH_TEXT.t("nlBreakingSubject", { headline: "It's {not} a <tag>" })).toBe("Breaking: It's {not} a <tag>");
    expect(ENGLISH_TEXT.t("nlMailConfirmBody", { site: "Dateline", link: "https://x.test/c" })).toBe(
      "Someone (hopefully you) asked to receive Dateline's newsletters at this address.\n\nConfirm here:\nhttps://x.test/c\n\nThe link works once and expires in 48 hours. If you did not ask for this, ignore this e-mail: nothing is sent\nto you without your confirmation, and the address is forgotten after 48 hours.",
    );
  });
});

const content = (overrides: Partial<EditionContent> = {}): EditionContent => ({
  kind: "DIGEST",
  subject: "The day's news",
  intro: "Good morning.\n\nThree stories today.",
  items: [{ headline: "Water plan & the council", dek: "Residents asked.", url: "https://dateline.test/news/water?x=1&y=2", section: "News" }],
  listName: "the daily digest",
  site: { name: "Dateline", url: "https://dateline.test", logoUrl: null, color: "#123456" },
  ...overrides,
});

describe("rendering an edition", () => {
  it("gives HTML and text with the site's colour, the articles, and each copy's own links", async () => {
    const { html, text } = await renderEdition(content());
    expect(html).toContain("#123456");
    expect(html).toContain("Water plan &amp; the council");
    expect(html).toContain('href="https://dateline.test/news/water?x=1&amp;y=2"');
    expect(text).toContain("Water plan & the council\nResidents asked.\nhttps://dateline.test/news/water?x=1&y=2");
    expect(text).toContain("Good morning.\n\nThree stories today.");
    const links = { preferences: "https://dateline.test/newsletters/preferences?token=a.b", unsubscribe: "https://dateline.test/newsletters/unsubscribe?token=c&d" };
    const mine = personalize(html, links, true);
    expect(mine).not.toContain(PLACEHOLDERS.unsubscribe);
    expect(mine).toContain('href="https://dateline.test/newsletters/unsubscribe?token=c&amp;d"');
    expect(personalize(text, links, false)).toContain("Unsubscribe: https://dateline.test/newsletters/unsubscribe?token=c&d");
  });

  it("writes the words around the stories in the list's language", async () => {
    const spanish = readerText({ id: "es", locale: "es-MX", isDefault: false });
    const { html, text } = await renderEdition(content({ kind: "BREAKING", listName: "las alertas de última hora", text: spanish }));
    expect(html).toContain('lang="es"');
    expect(html).toContain("Leer la nota");
    expect(html).toContain("Recibe este correo porque eligió recibir las alertas de última hora de Dateline.");
    expect(html).not.toMatch(/Read the story|Manage your newsletters/);
    expect(text).toContain("ÚLTIMA HORA\nWater plan & the council");
    expect(text).toContain(`Administrar sus boletines: ${PLACEHOLDERS.preferences}`);
    expect(text).toContain(`Darme de baja: ${PLACEHOLDERS.unsubscribe}`);
  });

  it("uses the logo when settings have one, and ignores a colour that is not a hex colour", async () => {
    const { html } = await renderEdition(content({ site: { name: "Dateline", url: "https://dateline.test", logoUrl: "https://cdn.test/logo.png", color: "red;background:url(x)" } }));
    expect(html).toContain('src="https://cdn.test/logo.png"');
    expect(html).not.toContain("url(x)");
  });

  it("keeps every hostile input as text in the intro, the subject and a headline", async () => {
    for (const hostile of HOSTILE_INPUTS.filter((h) => h.value.length < 100_000)) {
      const value = hostile.value.replace(/\u0000/g, "");
      const { html } = await renderEdition(content({ intro: value, subject: value, items: [{ headline: value, dek: value, url: "https://dateline.test/a", section: value }] }));
      // Each tag with its quoted attribute values emptied: what is left is markup, and must hold nothing hostile.
      const tags = [...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0].replace(/"[^"]*"/g, '""'));
      const why = `${hostile.category} / ${hostile.name}`;
      expect(tags.filter((tag) => /^<(script|svg|math|iframe|object|embed)\b/i.test(tag) || /\s(on[a-z]+|id|data-pwn)\s*=\s*[^"\s]/i.test(tag)), why).toEqual([]);
      expect(html.match(/href="\s*(javascript|data):/gi), why).toBeNull();
      expect(html.includes(value) && /[<>"&]/.test(value), why).toBe(false);
    }
  });
});

describe("the digest's hour", () => {
  it("is today's in the site's zone until it passes, then tomorrow's, across a DST change", () => {
    expect(nextDigestSlot(new Date("2026-12-05T12:00:00Z"), 7, "America/Monterrey")).toEqual({ day: "2026-12-05", dayKey: "DIGEST:2026-12-05", at: new Date("2026-12-05T13:00:00Z") });
    expect(nextDigestSlot(new Date("2026-12-05T13:00:01Z"), 7, "America/Monterrey").at).toEqual(new Date("2026-12-06T13:00:00Z"));
    expect(nextDigestSlot(new Date("2026-03-28T12:00:00Z"), 7, "Europe/Madrid").at).toEqual(new Date("2026-03-29T05:00:00Z"));
    expect(nextDigestSlot(new Date("2026-12-31T23:30:00Z"), 0, "UTC").at).toEqual(new Date("2027-01-01T00:00:00Z"));
  });
});
