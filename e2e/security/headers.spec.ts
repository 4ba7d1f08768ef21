/**
 * Security headers, request by request: the headers every response carries, HSTS only over https, the cached public
 * pages' policy (on the render that stores them and on cache hits), the nonce policy of per-request
 * pages, and the session cookie's attributes over http.
 */
import { expect, test } from "@playwright/test";
import { createTaggedArchive } from "../support/article-factories";
import { createTestUser } from "../support/factories";
import { directive, inlineScripts, signInWithRequest } from "./request-helpers";

test("every response carries nosniff, a referrer policy and a permissions policy; HSTS only over https", async ({ request }) => {
  const archive = await createTaggedArchive(1);
  const urls = ["/", archive.articles[0]!.path, "/culture", `/tag/${archive.tag.slug}`, "/feed.xml", "/sitemap.xml", "/robots.txt", "/media/nothing.png", "/login", "/search?q=water", "/api/auth/csrf", "/dashboard"];
  for (const url of urls) {
    const response = await request.get(url, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], url).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
    expect(headers["strict-transport-security"], url).toBeUndefined();
  }
  for (const url of ["/", "/login", "/feed.xml"]) {
    const overHttps = await request.get(url, { headers: { "x-forwarded-proto": "https" } });
    expect(overHttps.headers()["strict-transport-security"], url).toBe("max-age=63072000; includeSubDomains");
  }
});

test("cached public pages stay cached and allow scripts from this site only, on the first render and on hits", async ({ request }) => {
  const archive = await createTaggedArchive(1);
  // Brand-new pages: nothing is cached for them yet, so the first request renders and stores them.
  // A search is cached too (proxy.ts rewrites it to a cacheable path): a query nobody has searched for yet.
  const search = `/search?q=${encodeURIComponent(archive.tag.slug.replace(/-/g, " "))}`;
  for (const url of [`/tag/${archive.tag.slug}`, archive.articles[0]!.path, `/author/${archive.author.slug}`, search]) {
    const first = await request.get(url);
    expect(first.status(), url).toBe(200);
    expect(first.headers()["x-nextjs-cache"], url).toBe("MISS");
    const second = await request.get(url);
    expect(second.headers()["x-nextjs-cache"], url).toBe("HIT");
    for (const response of [first, second]) {
      const policy = response.headers()["content-security-policy"];
      const scriptSrc = directive(policy, "script-src") ?? "";
      // Reader pages are documents (docs/decisions/0022): Next's inline scripts are gone, so there is nothing to hash,
      // and any other inline script (say, one smuggled into an article) has no hash and does not run. A cached page
      // that hydrates would list its own scripts' hashes here (tests/unit/security-headers.test.ts).
      expect(scriptSrc, url).toBe("script-src 'self'");
      expect(directive(policy, "object-src")).toBe("object-src 'none'");
      expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'self'");
      expect(inlineScripts(await response.text()), url).toEqual([]);
    }
    expect(second.headers()["content-security-policy"]).toBe(first.headers()["content-security-policy"]);
    // Not a per-request page: no nonce anywhere, so nothing forces dynamic rendering.
    expect(await second.text()).not.toContain("nonce=");
  }
});

test("per-request pages get a fresh nonce on every script, and staff and sign-in pages cannot be framed", async ({ request }) => {
  const pages: [string, "'none'" | "'self'"][] = [
    ["/login", "'none'"],
    ["/forgot-password", "'none'"],
    ["/invite/not-a-real-token", "'none'"],
    ["/reset-password/not-a-real-token", "'none'"],
    ["/preview/not-a-real-token", "'none'"],
    ["/search", "'self'"], // the empty form; a query is served from the page cache (next test)
  ];
  for (const [url, frameAncestors] of pages) {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await request.get(url);
      const policy = response.headers()["content-security-policy"];
      const scriptSrc = directive(policy, "script-src") ?? "";
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
      expect(nonce, url).toBeTruthy();
      expect(scriptSrc, url).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
      expect(directive(policy, "frame-ancestors"), url).toBe(`frame-ancestors ${frameAncestors}`);
      expect(response.headers()["x-frame-options"], url).toBe(frameAncestors === "'none'" ? "DENY" : undefined);
      const html = await response.text();
      const tags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length, url).toBeGreaterThan(3);
      for (const tag of tags.filter((t) => !/type="application\/ld\+json"/.test(t))) expect(tag, url).toContain(`nonce="${nonce}"`);
      nonces.push(nonce!);
    }
    expect(nonces[0], url).not.toBe(nonces[1]);
  }
});

test("the dashboard and admin answer with a nonce policy and DENY framing; the session cookie is HttpOnly and SameSite=Lax", async ({ request }) => {
  const admin = await createTestUser("ADMIN");
  const cookies = await signInWithRequest(request, admin);
  const session = cookies.find((c) => c.startsWith("next-auth.session-token="));
  expect(session).toBeTruthy();
  expect(session).toMatch(/; HttpOnly/i);
  expect(session).toMatch(/; SameSite=Lax/i);
  // The e2e server runs on http://localhost: no Secure flag, no __Secure- prefix (tests/unit/auth-cookies.test.ts
  // checks both for https).
  expect(session).not.toMatch(/; Secure/i);
  for (const cookie of cookies) expect(cookie, cookie.split("=")[0]).toMatch(/; HttpOnly/i);

  for (const url of ["/dashboard", "/dashboard/media", "/admin/users", "/admin/settings"]) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(200);
    const policy = response.headers()["content-security-policy"];
    expect(directive(policy, "script-src"), url).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
    expect(directive(policy, "frame-ancestors"), url).toBe("frame-ancestors 'none'");
    expect(response.headers()["x-frame-options"], url).toBe("DENY");
  }
});
