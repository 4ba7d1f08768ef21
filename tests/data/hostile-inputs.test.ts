/**
 * Every entry of the hostile-input corpus (e2e/security/hostile-inputs.ts) through every write path, the way each
 * server action or route runs it: the zod schema first, then the data layer, any error turned into the answer the
 * person sees by failure(). Each save must be stored (and read back as typed, trimmed) or refused with a specific
 * message: never the generic "Something went wrong" of an unexpected error (a 500).
 *
 * The site settings and sections are tested here rather than in the browser specs: they show on every page of the
 * shared e2e database. Their rendering outside React (feeds, JSON-LD, sitemaps) is in tests/unit/hostile-inputs.test.ts.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { failure, type ActionResult } from "@/lib/actions/result";
import { SLUG_PATTERN } from "@/lib/content/slug";
import { documentToPlainText, type DocNode } from "@/lib/content/document";
import { createSection } from "@/lib/data/sections";
import { getSettingsForAdmin, updateSiteSettings } from "@/lib/data/settings";
import { createTag } from "@/lib/data/tags";
import { getArticleForEditor, saveArticle } from "@/lib/data/articles/editor";
import { addNote, listNotes } from "@/lib/data/articles/notes";
import { SearchQuerySchema, searchPublishedArticles } from "@/lib/data/search";
import { getOwnProfile, updateOwnProfile } from "@/lib/data/users/profile";
import { addCorrection } from "@/lib/data/articles/workflow";
import { AdminSectionInputSchema, SOCIAL_LABELS, SiteSettingsSchema, TagInputSchema } from "@/lib/validation/admin";
import { ArticleSaveSchema, CorrectionSchema, NoteSchema } from "@/lib/validation/articles";
import { LiveEntryEditSchema } from "@/lib/validation/live";
import { toStorableText } from "@/lib/validation/text";
import { ProfileInputSchema } from "@/lib/validation/users";
import { HOSTILE_DOCUMENTS, HOSTILE_INPUTS, type HostileInput } from "../../e2e/security/hostile-inputs";
import { unsafeMarkup } from "../support/html-audit";
import { makeArticle, makeUser, rawDb } from "../support/factories";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

const GENERIC = "Something went wrong on our side";

/** What the action answers: the schema's refusal, the data layer's refusal, or success. */
async function act<S extends z.ZodType, T>(schema: S, raw: unknown, run: (input: z.output<S>) => Promise<T>): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return failure(parsed.error);
  try {
    return { ok: true, data: await run(parsed.data) };
  } catch (error) {
    return failure(error);
  }
}

/** Stored or refused with a clear message (a 4xx naming the problem), never an unexpected error. */
function expectStoredOrRefused(result: ActionResult<unknown>, where: string) {
  if (result.ok) return;
  expect(result.status, `${where}: ${result.message}`).toBeLessThan(500);
  expect(result.message, where).not.toContain(GENERIC);
  expect(result.message.length, where).toBeGreaterThan(5);
}

/** What a field holds after a save that passed: the input as the schemas normalize it (storable, trimmed). */
const stored = (value: string) => toStorableText(value).trim();

const label = (h: HostileInput) => `${h.category} / ${h.name}`;

function hostileBody(value: string): DocNode {
  return {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: value }] },
      { type: "paragraph", content: [{ type: "text", text: "a link", marks: [{ type: "link", attrs: { href: value, target: value, onclick: value } }, { type: value }] }] },
      { type: "heading", attrs: { level: value, id: value }, content: [{ type: "text", text: "Heading" }] },
      { type: "image", attrs: { src: `/media/x.png?${value}`, alt: value, caption: value, mediaId: null, onerror: value } },
      { type: "image", attrs: { src: value, alt: value } },
      { type: "embed", attrs: { url: value } },
      { type: value.slice(0, 40) || "unknown", attrs: { html: value }, content: [{ type: "text", text: "kept words" }] },
    ],
  };
}

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const undo of cleanup) await undo();
});

describe("hostile input through every write path", () => {
  it("the article save (headline, dek, body, dateline, tags, slug, SEO fields) stores or refuses each entry", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor);
    for (const h of HOSTILE_INPUTS) {
      const current = await getArticleForEditor(editor, article.id);
      const base = {
        articleId: article.id,
        mode: "manual",
        sectionId: current.sectionId,
        authorIds: [editor.id],
        featuredImageId: null,
        slug: current.slug,
      };
      // The slug only takes lower-case words: every hostile slug is refused, with the rule spelled out.
      const slug = await act(ArticleSaveSchema, { ...base, ...current, baseVersion: current.version, slug: h.value }, (input) => saveArticle(editor, input));
      expect(slug.ok, label(h)).toBe(false);
      expect(slug.ok ? "" : slug.fieldErrors?.slug, label(h)).toMatch(/^(Use lower-case letters, digits and single dashes|Keep the slug under 80 characters)$/);

      // Every other field at once; a field refused with a message is put back and the rest saved again.
      const fields: Record<string, unknown> = {
        headline: h.value,
        dek: h.value,
        body: hostileBody(h.value),
        datelineCity: h.value,
        tags: [h.value],
        seoTitle: h.value,
        seoDescription: h.value,
      };
      const refused = new Set<string>();
      for (let attempt = 0; attempt <= Object.keys(fields).length; attempt++) {
        const before = await getArticleForEditor(editor, article.id);
        const input: Record<string, unknown> = { ...base, baseVersion: before.version };
        for (const [field, value] of Object.entries(fields)) input[field] = refused.has(field) ? before[field as keyof typeof before] : value;
        const result = await act(ArticleSaveSchema, input, (parsed) => saveArticle(editor, parsed));
        expectStoredOrRefused(result, label(h));
        if (!result.ok) {
          const named = [...new Set(Object.keys(result.fieldErrors ?? {}).map((path) => path.split(".")[0]!))];
          expect(named.length, `${label(h)}: ${result.message}`).toBeGreaterThan(0);
          for (const field of named) {
            expect(Object.keys(fields), `${label(h)}: ${result.message}`).toContain(field);
            expect(refused.has(field), `${label(h)}: ${field} refused twice`).toBe(false);
            refused.add(field);
          }
          continue;
        }
        const after = await getArticleForEditor(editor, article.id);
        const row = await rawDb().article.findUniqueOrThrow({ where: { id: article.id }, select: { bodyText: true, bodyHtml: true } });
        for (const field of ["headline", "dek", "datelineCity", "seoTitle", "seoDescription"] as const) {
          if (!refused.has(field)) expect(after[field], `${label(h)} in ${field}`).toBe(stored(h.value));
        }
        if (!refused.has("tags")) expect(after.tags.length, `${label(h)} as a tag`).toBe(1);
        if (!refused.has("body")) expect(row.bodyText, label(h)).toContain(stored(h.value).slice(0, 20).split(/\s/)[0]);
        expect(row.bodyText, label(h)).toBe(documentToPlainText(after.body));
        expect(unsafeMarkup(row.bodyHtml), label(h)).toEqual([]);
        break;
      }
    }
  }, 120_000);

  it("the article save refuses each hostile document with a message on the body, and changes nothing", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor);
    const before = await getArticleForEditor(editor, article.id);
    for (const d of HOSTILE_DOCUMENTS) {
      const input = { ...before, articleId: article.id, baseVersion: before.version, mode: "manual", authorIds: [editor.id], body: JSON.parse(d.json) };
      const result = await act(ArticleSaveSchema, input, (parsed) => saveArticle(editor, parsed));
      expect(result.ok, d.name).toBe(false);
      expect(result.ok ? null : result.status, d.name).toBe(400);
      expect(result.ok ? null : Object.keys(result.fieldErrors ?? {}), d.name).toEqual(["body"]);
      expect(result.ok ? "" : result.fieldErrors?.body, d.name).toMatch(/^The body is nested more than \d+ levels deep/);
    }
    expect((await getArticleForEditor(editor, article.id)).version).toBe(before.version);
  });

  // Review rv-data: a base version past PostgreSQL's integer overflowed the CONFLICT revision's column: a 500.
  it("the article save refuses a base version no article can have with a 400, and records nothing", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor);
    const before = await getArticleForEditor(editor, article.id);
    const save = (baseVersion: number) => act(ArticleSaveSchema, { ...before, articleId: article.id, baseVersion, mode: "manual", authorIds: [editor.id] }, (parsed) => saveArticle(editor, parsed));
    for (const baseVersion of [1e10, 2_147_483_648]) {
      const result = await save(baseVersion);
      expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { baseVersion: "That version number is out of range: reload the page." } });
    }
    expect(await rawDb().revision.count({ where: { articleId: article.id } })).toBe(0);
    // The largest integer is a version, just not this article's: the usual conflict, kept as a CONFLICT revision.
    expect(await save(2_147_483_647)).toMatchObject({ ok: false, status: 409 });
    expect(await rawDb().revision.count({ where: { articleId: article.id, kind: "CONFLICT" } })).toBe(1);
    expect(LiveEntryEditSchema.safeParse({ entryId: "e1", title: "", body: before.body, isKeyEvent: false, isPinned: false, baseVersion: 1e10 }).success).toBe(false);
  });

  it("the profile (name, bio, avatar URL) stores or refuses each entry", async () => {
    const journalist = await makeUser("JOURNALIST");
    for (const h of HOSTILE_INPUTS) {
      for (const field of ["name", "bio", "avatarUrl"] as const) {
        const profile = await getOwnProfile(journalist);
        const input = { name: profile.name, bio: profile.bio, avatarUrl: profile.avatarUrl ?? "", [field]: h.value };
        const result = await act(ProfileInputSchema, input, (parsed) => updateOwnProfile(journalist, parsed));
        expectStoredOrRefused(result, `${label(h)} in ${field}`);
        if (result.ok && field !== "avatarUrl") expect((await getOwnProfile(journalist))[field], label(h)).toBe(stored(h.value));
      }
    }
  });

  it("notes and corrections store or refuse each entry", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor, { status: "PUBLISHED" });
    for (const h of HOSTILE_INPUTS) {
      const note = await act(NoteSchema, { articleId: article.id, body: h.value }, (input) => addNote(editor, input.articleId, input.body));
      expectStoredOrRefused(note, `${label(h)} as a note`);
      if (note.ok) {
        const notes = await listNotes(editor, article.id);
        expect(notes.at(-1)?.body, label(h)).toBe(stored(h.value));
      }
      const correction = await act(CorrectionSchema, { articleId: article.id, kind: "CORRECTION", text: h.value }, (input) => addCorrection(editor, input));
      expectStoredOrRefused(correction, `${label(h)} as a correction`);
    }
  });

  it("tag and section names store or refuse each entry", async () => {
    const admin = await makeUser("ADMIN");
    for (const h of HOSTILE_INPUTS) {
      const tag = await act(TagInputSchema, { name: h.value, slug: "" }, (input) => createTag(admin, input));
      expectStoredOrRefused(tag, `${label(h)} as a tag name`);
      const tagSlug = await act(TagInputSchema, { name: "Fine name", slug: h.value }, (input) => createTag(admin, input));
      // Only lower-case words make a slug: anything else is refused, or is nothing at all once made storable (the
      // slug then comes from the name).
      expectStoredOrRefused(tagSlug, `${label(h)} as a tag slug`);
      if (tagSlug.ok) expect(tagSlug.data.slug, label(h)).toMatch(SLUG_PATTERN);

      const section = await act(AdminSectionInputSchema, { name: h.value, slug: `s-${Math.random().toString(36).slice(2)}`, description: h.value }, (input) => createSection(admin, input));
      expectStoredOrRefused(section, `${label(h)} as a section name`);
      if (section.ok) {
        cleanup.push(() => rawDb().section.delete({ where: { id: section.data.id } }));
        expect(section.data.name, label(h)).toBe(stored(h.value));
      }
    }
  });

  it("site settings store or refuse each entry (and are put back)", async () => {
    const admin = await makeUser("ADMIN");
    const original = await getSettingsForAdmin(admin);
    const socialLinks = Object.fromEntries(Object.keys(SOCIAL_LABELS).map((k) => [k, original.socialLinks[k as keyof typeof original.socialLinks] ?? ""]));
    const valid = { siteName: original.siteName, description: original.description, logoUrl: original.logoUrl ?? "", locale: original.locale, timeZone: original.timeZone, socialLinks };
    try {
      for (const h of HOSTILE_INPUTS) {
        for (const field of ["siteName", "description", "logoUrl", "locale", "timeZone", "social"] as const) {
          const input = field === "social" ? { ...valid, socialLinks: { ...valid.socialLinks, x: h.value } } : { ...valid, [field]: h.value };
          const result = await act(SiteSettingsSchema, input, (parsed) => updateSiteSettings(admin, parsed));
          expectStoredOrRefused(result, `${label(h)} in ${field}`);
          if (result.ok && (field === "siteName" || field === "description")) {
            expect((await getSettingsForAdmin(admin))[field], label(h)).toBe(stored(h.value));
          }
        }
      }
    } finally {
      await updateSiteSettings(admin, SiteSettingsSchema.parse(valid));
    }
  });

  it("search runs or refuses each entry", async () => {
    for (const h of HOSTILE_INPUTS) {
      const result = await act(SearchQuerySchema, h.value, (q) => (q ? searchPublishedArticles(q) : Promise.resolve(null)));
      expectStoredOrRefused(result, `${label(h)} as a search`);
    }
  });
});
