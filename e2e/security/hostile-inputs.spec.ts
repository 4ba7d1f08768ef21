/**
 * The hostile-input corpus (./hostile-inputs.ts) through every field a person types into and out through every page
 * and feed that shows it. Each save is stored (and shown as text) or refused with a clear message, never a 500; no
 * dialog fires, no injected element exists, no javascript:/data: link is rendered; feeds and sitemaps stay
 * well-formed for a strict parser; JSON-LD stays inside its <script>.
 *
 * Fast by batching: one draft takes every entry in turn over the editor's real save route; then 25 published
 * "carrier" articles by one author hold every entry between them (headline packs of at most 200 characters, and
 * the whole corpus in each body), and one browser pass visits each page type. The carriers live in Culture, dated
 * years back except one, so they never crowd the front page other specs look at; only that one is published through
 * the real publish path, which refreshes the lists, feeds and sitemaps.
 *
 * Site settings and section names show on every page of this shared database: they are tested in
 * tests/data/hostile-inputs.test.ts and tests/unit/hostile-inputs.test.ts instead.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { slugify } from "@/lib/content/slug";
import { updateMedia } from "@/lib/data/media/changes";
import { addNote } from "@/lib/data/articles/notes";
import { updateOwnProfile } from "@/lib/data/users/profile";
import { addCorrection, publishArticle } from "@/lib/data/articles/workflow";
import { MediaUpdateSchema } from "@/lib/media/validation";
import { CorrectionSchema, NoteSchema } from "@/lib/validation/articles";
import { toStorableText } from "@/lib/validation/text";
import { ProfileInputSchema } from "@/lib/validation/users";
import { signedInPage } from "../support/admin-helpers";
import { testDb } from "../support/db";
import { createEditorArticle, FILLER, sessionUserOf } from "../support/editor-factories";
import { uniqueId } from "../support/factories";
import { expect, test } from "../support/fixtures";
import { makeImage } from "../support/media-files";
import { uploadThroughApi } from "../support/media-library";
import { unsafeMarkup } from "../../tests/support/html-audit";
import { HOSTILE_DOCUMENTS, HOSTILE_INPUTS, inputsFitting, packInputs, type HostileInput } from "./hostile-inputs";

const GENERIC = "Something went wrong on our side";
const YEAR_MS = 365 * 86_400_000;
const label = (h: HostileInput) => `${h.category} / ${h.name}`;
/** A field's value after a save that passed: made storable and trimmed, as the schemas do. */
const stored = (value: string) => toStorableText(value).trim();

type SaveFields = { headline: string; dek: string; body: unknown; datelineCity: string; tags: string[]; seoTitle: string; seoDescription: string };
type SaveAnswer = { status: number; json: { ok: boolean; message?: string; fieldErrors?: Record<string, string>; data?: { version: number } } };

async function readDraft(articleId: string) {
  return testDb().article.findUniqueOrThrow({
    where: { id: articleId },
    select: { version: true, slug: true, sectionId: true, headline: true, dek: true, body: true, datelineCity: true, seoTitle: true, seoDescription: true, featuredImageId: true, bodyHtml: true, tags: { select: { tag: { select: { name: true } } } }, authors: { select: { userId: true } } },
  });
}

/**
 * The editor's save, as the page sends it: PUT /api/articles/:id with the fields and the version it is based on.
 * `bodyJson` is a body as JSON text, spliced in as it is (a hostile document cannot go through JSON.stringify).
 */
async function putArticle(request: APIRequestContext, articleId: string, fields: Partial<SaveFields> & { slug?: string }, featuredImageId: string | null = null, bodyJson?: string): Promise<SaveAnswer> {
  const current = await readDraft(articleId);
  const placeholder = "\u0000body";
  const data = {
    baseVersion: current.version,
    mode: "manual",
    headline: current.headline,
    dek: current.dek,
    body: current.body,
    datelineCity: current.datelineCity,
    tags: current.tags.map((t) => t.tag.name),
    seoTitle: current.seoTitle,
    seoDescription: current.seoDescription,
    slug: current.slug,
    sectionId: current.sectionId,
    authorIds: current.authors.map((a) => a.userId),
    featuredImageId: featuredImageId ?? current.featuredImageId,
    ...fields,
    ...(bodyJson ? { body: placeholder } : {}),
  };
  const text = JSON.stringify(data);
  const response = await request.put(`/api/articles/${articleId}`, {
    headers: { "content-type": "application/json" },
    data: Buffer.from(bodyJson ? text.replace(JSON.stringify(placeholder), () => bodyJson) : text),
  });
  return { status: response.status(), json: await response.json() };
}

/** Stored, or refused with a specific message (a 4xx), never a 500 or the generic failure. */
function expectStoredOrRefused(answer: SaveAnswer, where: string) {
  expect(answer.status, `${where}: ${answer.json.message}`).toBeLessThan(500);
  if (answer.status !== 200) {
    expect(answer.json.ok, where).toBe(false);
    expect(answer.json.message ?? "", where).not.toContain(GENERIC);
    expect((answer.json.message ?? "").length, where).toBeGreaterThan(5);
  }
}

/**
 * A body with the entry as text, as a link (href and junk attributes), an image's alt/caption/src and an embed.
 * `addresses` go in as they are, as a link's href and an image's src each.
 */
function bodyWith(values: string[], options: { image?: { id: string; url: string }; lead?: string; addresses?: string[] } = {}) {
  const content: unknown[] = [{ type: "paragraph", content: [{ type: "text", text: options.lead ?? FILLER }] }];
  for (const value of values) {
    content.push(
      { type: "paragraph", content: [{ type: "text", text: value }, { type: "text", text: " link", marks: [{ type: "link", attrs: { href: value, onclick: value } }, { type: value.slice(0, 40) || "x" }] }] },
      { type: "embed", attrs: { url: value } },
    );
  }
  content.push({ type: "heading", attrs: { level: 2, id: values[0] }, content: [{ type: "text", text: "Images" }] });
  content.push({ type: "image", attrs: { src: values[0], alt: values[0] || "x" } });
  for (const address of options.addresses ?? []) {
    content.push({ type: "paragraph", content: [{ type: "text", text: "address", marks: [{ type: "link", attrs: { href: address } }] }] }, { type: "image", attrs: { src: address, alt: "address" } });
  }
  if (options.image) content.push({ type: "image", attrs: { mediaId: options.image.id, src: options.image.url, alt: values.join(" ").slice(0, 500) || "alt", caption: values.join(" ").slice(0, 1000) } });
  return { type: "doc", content };
}

/** In the page: injected elements, inline handlers, script URLs. Empty when the page only shows text. */
function auditDom(): string[] {
  const problems: string[] = [];
  for (const el of Array.from(document.querySelectorAll('[id^="pwn"], [data-pwn]'))) problems.push(`injected <${el.localName} id="${el.id}">`);
  for (const el of Array.from(document.querySelectorAll("*"))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) problems.push(`<${el.localName} ${name}>`);
      if (name === "srcdoc") problems.push(`<${el.localName} srcdoc>`);
      if (["href", "src", "action", "formaction", "data", "xlink:href", "poster"].includes(name)) {
        // React's own placeholder on forms and buttons whose action is a server function, until it hydrates.
        if (attr.value === "javascript:throw new Error('React form unexpectedly submitted.')") continue;
        const url = attr.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
        if (/^(javascript|vbscript):/.test(url) || /^data:(text\/html|image\/svg|text\/javascript|application)/.test(url)) problems.push(`<${el.localName} ${name}="${attr.value.slice(0, 60)}">`);
      }
    }
  }
  // In an article's body, a link leaves the site only marked as external (rel="nofollow"), and an image never.
  for (const body of Array.from(document.querySelectorAll(".article-body"))) {
    for (const a of Array.from(body.querySelectorAll<HTMLAnchorElement>("a[href]"))) {
      if (a.protocol !== "mailto:" && a.origin !== location.origin && !a.relList.contains("nofollow")) problems.push(`body link to ${a.href} without rel="nofollow"`);
    }
    for (const img of Array.from(body.querySelectorAll("img"))) {
      // An address the browser cannot resolve (img.src is then the raw attribute) loads nothing.
      if (URL.canParse(img.src) && new URL(img.src).origin !== location.origin) problems.push(`body image from ${img.src}`);
    }
  }
  return problems;
}

async function expectSafePage(page: Page, path: string, dialogs: string[]) {
  const response = await page.goto(path, { waitUntil: "load" });
  expect(response?.status(), `${path} answers`).toBeLessThan(500);
  expect(await page.evaluate(auditDom), `${path}: nothing injected`).toEqual([]);
  expect(dialogs, `${path}: no dialog`).toEqual([]);
}

async function expectStrictXml(page: Page, xml: string, where: string) {
  const error = await page.evaluate((source) => new DOMParser().parseFromString(source, "application/xml").getElementsByTagName("parsererror")[0]?.textContent ?? null, xml);
  expect(error, `${where} is well-formed XML`).toBeNull();
}

// Hundreds of saves and searches per test (about 50 s alone on 2 cores; each search that finds nothing now also looks
// for a spelling): room for a machine busy with the rest of the suite.
test.describe.configure({ timeout: 240_000 });

test("every entry through every article field over the editor's save route, every hostile body, and every search box", async ({ page, login }) => {
  const editor = await login({ role: "EDITOR" });
  const draft = await createEditorArticle(editor, { headline: "Hostile matrix" });
  for (const h of HOSTILE_INPUTS) {
    // The slug takes lower-case words only: refused, with the rule spelled out.
    const slug = await putArticle(page.request, draft.id, { slug: h.value });
    expect(slug.status, label(h)).toBe(400);
    expect(slug.json.fieldErrors?.slug, label(h)).toMatch(/^(Use lower-case letters, digits and single dashes|Keep the slug under 80 characters)$/);

    // Every other field at once; what is refused (by name) is put back and the rest saved again.
    const fields: SaveFields = { headline: h.value, dek: h.value, body: bodyWith([h.value]), datelineCity: h.value, tags: [h.value], seoTitle: h.value, seoDescription: h.value };
    let pending: (keyof SaveFields)[] = Object.keys(fields) as (keyof SaveFields)[];
    const refused: string[] = [];
    for (let attempt = 0; attempt < 10 && pending.length; attempt++) {
      const answer = await putArticle(page.request, draft.id, Object.fromEntries(pending.map((f) => [f, fields[f]])));
      expectStoredOrRefused(answer, label(h));
      if (answer.status === 200) break;
      const named = [...new Set(Object.keys(answer.json.fieldErrors ?? {}).map((path) => path.split(".")[0]!))] as (keyof SaveFields)[];
      // Too large as a whole (413): try each field alone.
      const next = named.length ? pending.filter((f) => !named.includes(f)) : pending.slice(1);
      if (!named.length) {
        const one = await putArticle(page.request, draft.id, { [pending[0]!]: fields[pending[0]!] });
        expectStoredOrRefused(one, `${label(h)} in ${pending[0]}`);
        if (one.status !== 200) refused.push(pending[0]!);
      } else refused.push(...named);
      pending = next;
    }
    const saved = await readDraft(draft.id);
    for (const field of ["headline", "dek", "datelineCity", "seoTitle", "seoDescription"] as const) {
      if (!refused.includes(field)) expect(saved[field], `${label(h)} in ${field}`).toBe(stored(h.value));
    }
    if (!refused.includes("tags")) expect(saved.tags.map((t) => slugify(t.tag.name)), label(h)).toEqual([slugify(stored(h.value))]);
    expect(saved.bodyHtml, label(h)).not.toMatch(/<(script|svg|math|iframe|object|embed|style|base|form|meta|link|input|details|template|noscript)\b/i);
    // Links and images included: nothing a browser would run, or resolve off-site unless marked as an external link.
    expect(unsafeMarkup(saved.bodyHtml), label(h)).toEqual([]);
  }

  // Bodies whose shape is the attack (nesting deep enough to overflow a recursive reader): a 400 naming the body.
  for (const d of HOSTILE_DOCUMENTS) {
    const before = await readDraft(draft.id);
    const answer = await putArticle(page.request, draft.id, {}, null, d.json);
    expect(answer.status, `${d.name}: ${answer.json.message}`).toBe(400);
    expect(answer.json.fieldErrors?.body, d.name).toMatch(/^The body is nested more than \d+ levels deep/);
    expect((await readDraft(draft.id)).version, d.name).toBe(before.version);
  }

  // Search boxes: the reader's search with every entry, the dashboard's and the media library's with one of each
  // category. A URL over Node's 16 KB header limit (the 1 MB entry) is refused by the server before the app sees it:
  // a 431, or — when Node closes the socket while the client is still writing the rest — a reset connection. Either is
  // that refusal and nothing else; anything under the limit must answer, below 500, and never echo markup.
  const HEADER_LIMIT = 16 * 1024;
  const oneOfEachCategory = HOSTILE_INPUTS.filter((h, i) => HOSTILE_INPUTS.findIndex((o) => o.category === h.category) === i);
  for (const h of HOSTILE_INPUTS) {
    for (const path of oneOfEachCategory.includes(h) ? ["/search?q=", "/dashboard?q=", "/dashboard/media?q="] : ["/search?q="]) {
      // A URL cannot carry a lone surrogate: the browser sends U+FFFD in its place, as here.
      const url = `${path}${encodeURIComponent(h.value.toWellFormed())}`;
      if (url.length > HEADER_LIMIT) {
        const outcome = await page.request.get(url).then(
          (r) => `HTTP ${r.status()}`,
          (error: Error) => (/ECONNRESET|EPIPE/.test(error.message) ? "connection reset" : error.message),
        );
        expect(["HTTP 431", "connection reset"], `${label(h)} at ${path}`).toContain(outcome);
        continue;
      }
      const response = await page.request.get(url);
      expect(response.status(), `${label(h)} at ${path}`).toBeLessThan(500);
      // React escapes "<" in text and attributes (and as \u003c in its payload): markup typed in never comes back raw.
      if (response.ok() && h.value.includes("<")) expect(await response.text(), `${label(h)} at ${path}`).not.toContain(stored(h.value));
    }
  }
});

test("every entry shown on every page and feed, as text", async ({ page, login, browser, request }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const author = await login({ role: "EDITOR" });
  const actor = await sessionUserOf(author);
  const token = `hostile${uniqueId()}`;
  const usable = HOSTILE_INPUTS.filter((h) => h.value.length <= 20_000);

  // The author's public profile: name and bio.
  const [name] = packInputs(inputsFitting(78).filter((h) => stored(h.value).length >= 2), 78);
  const bio = packInputs(HOSTILE_INPUTS, 1000)[0]!;
  await updateOwnProfile(actor, ProfileInputSchema.parse({ name: `A ${name}`, bio, avatarUrl: "" }));
  const { slug: authorSlug, name: authorName } = await testDb().user.findUniqueOrThrow({ where: { id: author.id }, select: { slug: true, name: true } });

  // A library image with hostile alt text, caption and credit (and file name).
  const image = await uploadThroughApi(page.request, await makeImage("jpeg", { width: 800, height: 500, seed: Date.now() % 100_000 }), `<img id=pwn99 src=x onerror=alert(99)>\u202Egpj.jpg`);
  const [alt] = packInputs(HOSTILE_INPUTS, 500);
  const [caption] = packInputs(HOSTILE_INPUTS.slice(20), 1000);
  await updateMedia(actor, image.id, MediaUpdateSchema.parse({ alt, caption, credit: packInputs(HOSTILE_INPUTS.slice(40), 200)[0], focalX: 0.5, focalY: 0.5 }));

  // The carriers: every entry in some headline, dek, SEO field, dateline and tag, and the whole corpus in each body.
  const headlines = packInputs(HOSTILE_INPUTS, 200);
  const deks = packInputs(HOSTILE_INPUTS, 400);
  const seoTitles = packInputs(HOSTILE_INPUTS, 70);
  const descriptions = packInputs(HOSTILE_INPUTS, 160).map((d) => (stored(d).length >= 50 ? d : `${d} — and words enough for the description of the piece`));
  const datelines = packInputs(HOSTILE_INPUTS, 80).filter((d) => stored(d));
  const tagNames = inputsFitting(40).filter((h) => slugify(h.value)).map((h) => stored(h.value));
  const addresses = usable.filter((h) => ["offsite-url", "javascript-url", "data-url"].includes(h.category)).map((h) => h.value);
  const body = bodyWith(usable.map((h) => `${token} ${h.value}`), { image, lead: `${FILLER} ${token}`, addresses });
  const carriers: { id: string; slug: string; headline: string; path: string }[] = [];
  for (const [i, headline] of headlines.entries()) {
    const draft = await createEditorArticle(author, { headline: "Carrier", sectionSlug: "culture" });
    const answer = await putArticle(
      page.request,
      draft.id,
      {
        headline,
        dek: deks[i % deks.length]!,
        body,
        datelineCity: datelines[i % datelines.length]!,
        tags: tagNames.slice((i * 3) % tagNames.length, ((i * 3) % tagNames.length) + 3),
        seoTitle: seoTitles[i % seoTitles.length]!,
        seoDescription: descriptions[i % descriptions.length]!,
        slug: `hostile-${i}-${draft.slug}`,
      },
      image.id,
    );
    expect(answer.status, `carrier ${i}: ${answer.json.message}`).toBe(200);
    const saved = await readDraft(draft.id);
    carriers.push({ id: draft.id, slug: saved.slug, headline: saved.headline, path: `/culture/${saved.slug}` });
  }
  // All but the first go out dated years back (nothing shows them on the front page); the first is published through
  // the real path, which refreshes the section, the feeds and the sitemaps.
  const [front, ...archive] = carriers;
  await testDb().$transaction(
    archive.map((c, i) => testDb().article.update({ where: { id: c.id }, data: { status: "PUBLISHED", publishedAt: new Date(Date.now() - 3 * YEAR_MS - i * 60_000) } })),
  );
  await publishArticle(actor, front!.id);
  for (const text of packInputs(HOSTILE_INPUTS, 1980)) {
    await addCorrection(actor, CorrectionSchema.parse({ articleId: front!.id, kind: "CORRECTION", text: `Corrected: ${text}` }));
    await addNote(actor, front!.id, NoteSchema.parse({ articleId: front!.id, body: text }).body);
  }

  // Every carrier's page over HTTP: no typed markup comes back raw (React escapes "<" in text and attributes, and
  // as \u003c in its payload), and the JSON-LD is one whole <script> whose headline is the stored one.
  const markup = usable.filter((h) => h.value.includes("<")).map((h) => stored(h.value));
  for (const carrier of carriers) {
    const response = await request.get(carrier.path);
    expect(response.status(), carrier.path).toBe(200);
    const html = await response.text();
    for (const raw of markup) expect(html, `${carrier.path} echoes markup`).not.toContain(raw);
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts.length, `${carrier.path}: one JSON-LD script`).toBe(1);
    expect(scripts[0], carrier.path).not.toMatch(/<|-->/);
    const ld = [JSON.parse(scripts[0]!)].flat().find((d: { "@type": string }) => d["@type"] === "NewsArticle");
    expect(ld?.headline, `${carrier.path}: JSON-LD stays whole`).toBe(carrier.headline);
  }

  // Every page type in one browser, signed in as the author: a few carriers (the headline with the script tags, the
  // ones with bidi and control characters), the lists, search, the dashboard and the editor.
  const inBrowser = carriers.filter((c, i) => i === 0 || /[\u0000-\u001f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/.test(c.headline) || i === carriers.length - 1).slice(0, 6);
  for (const carrier of inBrowser) {
    await expectSafePage(page, carrier.path, dialogs);
    await expect(page.locator("h1").first(), carrier.path).toHaveText(carrier.headline.replace(/\s+/g, " ").trim(), { useInnerText: false });
  }
  await expectSafePage(page, front!.path, dialogs);
  const corrections = page.locator('section[aria-labelledby="corrections-heading"] li');
  await expect(corrections).toHaveCount(packInputs(HOSTILE_INPUTS, 1980).length);
  await expect(corrections.first()).toContainText("Corrected: ");
  for (const path of [
    `/author/${authorSlug}`,
    `/author/${authorSlug}/page/2`,
    `/tag/${slugify(tagNames[0]!)}`,
    `/tag/${slugify(tagNames[5]!)}`,
    "/",
    "/culture",
    `/search?q=${token}`,
    `/search?q=${encodeURIComponent(HOSTILE_INPUTS[0]!.value)}`,
    "/dashboard?mine=1",
    `/dashboard/articles/${front!.id}`,
    `/dashboard/articles/${carriers[1]!.id}`,
    "/dashboard/media",
    `/dashboard/media/${image.id}`,
    "/dashboard/profile",
  ]) {
    await expectSafePage(page, path, dialogs);
  }
  // The search snippets (ts_headline) around the token carry the payloads, as text.
  await page.goto(`/search?q=${token}`);
  await expect(page.getByRole("heading", { name: new RegExp(`\\d+ results for “${token}”`) })).toBeVisible();

  // The admin pages, as an admin.
  const admin = await signedInPage(browser, "ADMIN");
  const adminDialogs: string[] = [];
  admin.page.on("dialog", (dialog) => {
    adminDialogs.push(dialog.message());
    void dialog.dismiss();
  });
  for (const path of ["/admin/audit", `/admin/tags?q=${encodeURIComponent(tagNames[0]!)}`, `/admin/users?q=${encodeURIComponent(authorName.slice(0, 30).toWellFormed())}`, "/admin/tags"]) {
    await expectSafePage(admin.page, path, adminDialogs);
  }
  await admin.close();

  // Feeds, sitemaps and OG images over HTTP: well-formed for a strict parser, every headline back as text.
  const feeds = [`/author/${authorSlug}`, "/culture", ""];
  for (const base of feeds) {
    for (const file of ["feed.xml", "atom.xml"]) {
      const response = await request.get(`${base}/${file}`);
      expect(response.status(), `${base}/${file}`).toBe(200);
      await expectStrictXml(page, await response.text(), `${base}/${file}`);
    }
    const json = await request.get(`${base}/feed.json`);
    expect(json.status(), `${base}/feed.json`).toBe(200);
    const feed = JSON.parse(await json.text());
    if (base.startsWith("/author")) {
      expect(feed.items.map((i: { title: string }) => i.title).sort(), "every carrier in the author's JSON feed").toEqual(carriers.map((c) => c.headline.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")).sort());
    }
  }
  const rss = await (await request.get(`/author/${authorSlug}/feed.xml`)).text();
  const titles = await page.evaluate((source) => Array.from(new DOMParser().parseFromString(source, "application/xml").querySelectorAll("item > title")).map((t) => t.textContent), rss);
  expect(titles.length).toBe(carriers.length);
  for (const path of ["/sitemap.xml", "/news-sitemap.xml"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const xml = await response.text();
    await expectStrictXml(page, xml, path);
    for (const [, loc] of xml.matchAll(/<loc>([^<]*\/sitemaps\/[^<]*)<\/loc>/g)) {
      const child = await request.get(new URL(loc!).pathname);
      expect(child.status(), loc).toBe(200);
      await expectStrictXml(page, await child.text(), loc!);
    }
  }
  for (const carrier of inBrowser) {
    const response = await request.get(`/og${carrier.path}`);
    expect(response.status(), `OG image of ${carrier.path}`).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
  }
  expect(dialogs).toEqual([]);
});
