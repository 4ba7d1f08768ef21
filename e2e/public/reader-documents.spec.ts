/**
 * Reader pages are documents (docs/decisions/0022): served without Next's client runtime, with /reader.js as their
 * only script, under a policy that allows scripts from this site alone; each page type passes axe's WCAG and
 * best-practice rules (heading order included) in light and dark, and the W3C Nu HTML checker (vnu-jar, run offline
 * on this machine's Java) finds no error in its markup. Staff pages keep the app.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { publishArticle } from "@/lib/data/articles/workflow";
import { articles, staff } from "@/prisma/seed-data";
import { createDraft, editorActor } from "../support/articles";
import { expectNoAxeViolations } from "../support/axe";

const lead = articles[0]!;
const ana = staff.find((s) => s.slug === "ana-ruiz")!;
const PAGES = {
  home: "/",
  section: `/${lead.section}`,
  article: `/${lead.section}/${lead.slug}`,
  tag: "/tag/water",
  author: `/author/${ana.slug}`,
  search: "/search?q=water",
};

const NEXT_CHUNK = /<script[^>]+src="\/_next\/static\/[^"]+\.js"/;
const scriptSrc = (policy: string | undefined) => policy?.split("; ").find((d) => d.startsWith("script-src ")) ?? "";

/** What a reader's browser gets for `path`: a document with the reader's script and no client runtime. */
function expectReaderDocument(html: string, policy: string | undefined, what: string) {
  expect(html, what).not.toMatch(NEXT_CHUNK);
  expect(html, what).not.toContain("self.__next_f");
  expect(html, what).toContain('<script type="module" src="/reader.js"></script>');
  expect(scriptSrc(policy), what).toBe("script-src 'self'");
}

for (const [kind, path] of Object.entries(PAGES)) {
  test(`the ${kind} page is a document without Next's client runtime, and passes axe with best practices`, async ({ page }) => {
    const rscRequests: string[] = [];
    page.on("request", (request) => {
      if (request.headers()["rsc"] || request.url().includes("_rsc=")) rscRequests.push(request.url());
    });
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expectReaderDocument(await response!.text(), response!.headers()["content-security-policy"], path);
    // Nothing hydrates, so nothing prefetches: hovering a link asks the server for nothing.
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link").first().hover();
    await page.waitForTimeout(300);
    expect(rscRequests, "no RSC prefetch or navigation requests").toEqual([]);
    expect(await page.evaluate(() => "__next_f" in window)).toBe(false);
    await expectNoAxeViolations(page, { bestPractices: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await expectNoAxeViolations(page, { bestPractices: true });
  });
}

test("the first reader of a just-published article already gets the document, with its policy", async ({ request }) => {
  const draft = await createDraft();
  await publishArticle(await editorActor(), draft.id);
  const first = await request.get(draft.path);
  expect(first.status()).toBe(200);
  expectReaderDocument(await first.text(), first.headers()["content-security-policy"], "the render that stored it");
  // The next reader is served the stored entry. Other specs publish in parallel, and a publish in the same section
  // expires this page's related-articles tag, so the entry may be rendered again before it is hit: ask until it is.
  let hit = await request.get(draft.path);
  for (let i = 0; i < 5 && hit.headers()["x-nextjs-cache"] !== "HIT"; i++) hit = await request.get(draft.path);
  expect(hit.headers()["x-nextjs-cache"]).toBe("HIT");
  expectReaderDocument(await hit.text(), hit.headers()["content-security-policy"], "the cache hit");
});

test("the documents rendered without Next's page pipeline link the site's stylesheet, as Next's pages do", async ({ page, request }) => {
  const stylesheets = (html: string) => [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  const nextPage = stylesheets(await (await request.get(PAGES.section)).text());
  expect(nextPage.length, "the section page (a Next page) links the site's CSS").toBeGreaterThan(0);
  for (const path of [PAGES.home, PAGES.article, "/es", "/no-such-section/no-such-story"]) {
    const response = await request.get(path);
    expect(stylesheets(await response.text()), path).toEqual(nextPage);
  }
  for (const href of nextPage) {
    const css = await request.get(href!);
    expect(css.status(), href).toBe(200);
    expect(css.headers()["content-type"], href).toMatch(/^text\/css/);
  }
  // And the page is styled: the skip link is taken out of the flow (visually hidden) until focused.
  await page.goto(PAGES.article);
  expect(await page.getByRole("link", { name: "Skip to content" }).evaluate((link) => getComputedStyle(link).position)).toBe("absolute");
});

test("staff pages keep Next's app, under their nonce policy", async ({ request }) => {
  const response = await request.get("/login");
  expect(await response.text()).toMatch(NEXT_CHUNK);
  expect(scriptSrc(response.headers()["content-security-policy"])).toMatch(/^script-src 'self' 'nonce-[^']+' 'strict-dynamic'$/);
});

test("every reader page type is valid HTML to the W3C Nu checker", async ({ request }) => {
  test.slow(); // one Java start for all six pages
  const dir = mkdtempSync(path.join(os.tmpdir(), "dateline-vnu-"));
  const files = [];
  for (const [kind, url] of Object.entries(PAGES)) {
    const file = path.join(dir, `${kind}.html`);
    writeFileSync(file, await (await request.get(url)).text());
    files.push(file);
  }
  const jar = path.join(process.cwd(), "node_modules/vnu-jar/build/dist/vnu.jar");
  // --exit-zero-always: the answer is in the JSON, which lists every message with its type.
  const out = execFileSync("java", ["-jar", jar, "--format", "json", "--stdout", "--exit-zero-always", ...files], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  const { messages } = JSON.parse(out) as { messages: { type: string; url: string; message: string; extract?: string }[] };
  const errors = messages.filter((m) => m.type === "error").map((m) => `${path.basename(m.url)}: ${m.message} ${m.extract ?? ""}`.trim());
  expect(errors).toEqual([]);
});
