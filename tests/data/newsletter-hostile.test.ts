/**
 * The hostile-input corpus (e2e/security/hostile-inputs.ts) in the newsletters' two text inputs from outside the
 * newsroom's trust: the sign-up form (an address, list keys, the form's name, posted to the real route handler) and
 * an edition's introduction (through the desk's schema and data layer into the rendered e-mail). Nothing is ever a
 * 500; nothing is stored but an address; the intro reaches the e-mail as text.
 */
import { describe, expect, it, vi } from "vitest";
import { POST as subscribe } from "@/app/api/newsletters/subscribe/route";
import { previewEdition, updateEdition } from "@/lib/data/newsletters/editions";
import { EditionInputSchema } from "@/lib/validation/newsletters";
import { HOSTILE_INPUTS } from "../../e2e/security/hostile-inputs";
import { makeArticle, makeSection, makeUser, rawDb } from "../support/factories";

const pending = vi.hoisted(() => ({ tasks: [] as (() => unknown)[] }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => unknown) => {
    pending.tasks.push(task);
  },
}));

const corpus = HOSTILE_INPUTS.filter((h) => h.value.length <= 64 * 1024);

function post(fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return subscribe(new Request("http://localhost:3000/api/newsletters/subscribe", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }));
}

describe("hostile input in the sign-up form", () => {
  it("as the address: sent back to the form, nothing stored; in the lists and the form's name: ignored", async () => {
    const before = await rawDb().subscriber.count();
    for (const hostile of corpus) {
      const why = `${hostile.category} / ${hostile.name}`;
      const response = await post({ email: hostile.value, lists: hostile.value, source: hostile.value });
      expect(response.status, why).toBe(303);
      expect(response.headers.get("location"), why).toMatch(/\/newsletters\?error=email$/);
    }
    expect(pending.tasks).toEqual([]);
    expect(await rawDb().subscriber.count()).toBe(before);

    const email = `hostile-lists-${Date.now()}@readers.test`;
    const response = await post({ email, lists: corpus.map((h) => h.value).slice(0, 40), source: "<script>" });
    expect(response.headers.get("location")).toMatch(/\/newsletters\/check-your-email$/);
    for (const task of pending.tasks.splice(0)) await task();
    const row = await rawDb().subscriber.findUniqueOrThrow({ where: { email }, include: { consents: true } });
    expect(row.pendingLists).toEqual(["DIGEST"]);
    expect(row.consents.map((c) => c.source)).toEqual(["page"]);
  });
});

describe("hostile input in an edition's introduction", () => {
  it("is stored as text and reaches the e-mail escaped, never as markup", async () => {
    const editor = await makeUser("EDITOR");
    const section = await makeSection();
    const article = await makeArticle(editor, { status: "PUBLISHED", sectionId: section.id });
    const edition = await rawDb().edition.create({ data: { kind: "SECTION", sectionId: section.id, subject: "Hostile", items: [article.id], itemsEdited: true } });
    for (const hostile of corpus) {
      const why = `${hostile.category} / ${hostile.name}`;
      const parsed = EditionInputSchema.safeParse({ id: edition.id, subject: hostile.value.slice(0, 200) || "x", intro: hostile.value, items: null });
      if (!parsed.success) {
        expect(parsed.error.issues[0]?.message, why).toMatch(/characters|subject/);
        continue;
      }
      await updateEdition(editor, edition.id, parsed.data);
      const { html, text } = await previewEdition(editor, edition.id);
      const tags = [...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0].replace(/"[^"]*"/g, '""'));
      expect(tags.filter((tag) => /^<(script|svg|math|iframe|object|embed)\b/i.test(tag) || /\s(on[a-z]+|id|data-pwn)\s*=\s*[^"\s]/i.test(tag)), why).toEqual([]);
      expect(html.match(/href="\s*(javascript|data):/gi), why).toBeNull();
      const words = parsed.data.intro.split(/\s+/).filter((w) => /^[A-Za-z]{4,}$/.test(w));
      for (const word of words.slice(0, 3)) expect(text, why).toContain(word);
    }
  });
});
