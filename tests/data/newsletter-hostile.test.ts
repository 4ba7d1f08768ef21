/**
 * The hostile-input corpus (e2e/security/hostile-inputs.ts) in the newsletters' two text inputs from outside the
 * newsroom's trust: the sign-up form (an address, list keys, the form's name, posted to the real route handler) and
 * an edition's introduction (through the desk's schema and data layer into the rendered e-mail). Nothing is ever a
 * 500; nothing is stored but an address; the intro reaches the e-mail as text. A body larger than any form of ours
 * is refused after reading FORM_BODY_LIMIT of it, however it is sent.
 */
import { describe, expect, it, vi } from "vitest";
import { FORM_BODY_LIMIT } from "@/app/api/newsletters/form-post";
import { POST as subscribe } from "@/app/api/newsletters/subscribe/route";
import { POST as unsubscribe } from "@/app/api/newsletters/unsubscribe/route";
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

/** A chunked form body (no Content-Length) of `chunks` × 64 KB that counts how much of it the handler pulled. */
function chunkedForm(url: string, contentType: string, chunks = 128) {
  const chunk = new TextEncoder().encode("a=&".repeat(21_845)); // 64 KB less a byte
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= chunks * chunk.length) return controller.close();
      pulled.bytes += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const request = new Request(url, { method: "POST", body, duplex: "half", headers: { "content-type": contentType } } as RequestInit);
  return { request, pulled };
}

describe("a body larger than any form of ours", () => {
  it("one-click unsubscribe stops reading it and answers 413 (no Content-Length, the type in any case)", async () => {
    const { request, pulled } = chunkedForm("http://localhost:3000/api/newsletters/unsubscribe?token=x", "Application/x-www-form-urlencoded");
    const response = await unsubscribe(request);
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/too large \(at most 64 KB\)/);
    expect(pulled.bytes).toBeLessThanOrEqual(256 * 1024);
  }, 60_000);

  it("the sign-up form likewise", async () => {
    const { request, pulled } = chunkedForm("http://localhost:3000/api/newsletters/subscribe", "application/x-www-form-urlencoded");
    expect((await subscribe(request)).status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(256 * 1024);
    expect(pending.tasks).toEqual([]);
  }, 60_000);

  it("a chunked form within the limit is read as before", async () => {
    expect(65_535).toBeLessThanOrEqual(FORM_BODY_LIMIT);
    const { request } = chunkedForm("http://localhost:3000/api/newsletters/subscribe", "Application/X-WWW-Form-Urlencoded", 1);
    const response = await subscribe(request);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/\/newsletters\?error=email$/);
  });
});

