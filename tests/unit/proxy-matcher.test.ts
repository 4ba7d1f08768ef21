/**
 * Which requests pass through proxy.ts. It must see the staff areas (sign-in redirect), the pages that need a nonce,
 * searches and the 410 pages, and nothing else: each request it sees costs throughput. Articles answer their own 410
 * (app/(public)/article-document.tsx), so the cached reader pages never pass through it.
 */
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { isProtectedPath, PROTECTED_AREAS } from "@/lib/auth/permissions";
import { config } from "@/proxy";
import { refuseMalformedPath } from "@/lib/security/malformed-url";

const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url });

describe("proxy matcher", () => {
  it.each(PROTECTED_AREAS)("sees all of the staff area %s, which the proxy protects", (prefix) => {
    for (const url of [prefix, `${prefix}/`, `${prefix}/some/page`]) {
      expect(matches(url), url).toBe(true);
      expect(isProtectedPath(new URL(url, "http://localhost").pathname), url).toBe(true);
    }
    expect(isProtectedPath(`${prefix}-lookalike`)).toBe(false);
  });

  it.each([
    "/dashboard",
    "/dashboard/articles/abc",
    "/admin",
    "/admin/users",
    "/search?q=water",
    "/es/search?q=agua",
    "/es/gone",
    "/login",
    "/forgot-password",
    "/preview/some-token",
    "/invite/some-token",
    "/reset-password/some-token",
    "/gone",
    "/newsletters",
    "/newsletters/confirm?token=a.b.c.d.e",
    "/newsletters/preferences?token=a.b.c.d.e",
    "/newsletters/unsubscribe?token=a.b.c.d.e",
    "/newsletters/check-your-email",
  ])("sees %s", (url) => {
    expect(matches(url)).toBe(true);
  });

  it.each(["/news/%ZZ", "/tag/%ZZ", "/media/%", "/preview/%E0%A4%A", "/dashboard/articles/%ZZ", "/%ZZ", "/og/news/%C3", "/sitemaps/a%2", "/api/auth/%ZZ", "/tag/caf%C3%A9"])(
    "sees %s, an escape that may not decode (a 400 when it does not)",
    (url) => {
      expect(matches(url)).toBe(true);
    },
  );

  it.each(["/tag/%ZZ", "/media/%", "/preview/%E0%A4%A", "/og/news/%C3", "/sitemaps/a%2", "/%FF"])("refuses %s with a 400 and a message", async (url) => {
    const response = refuseMalformedPath(new URL(url, "http://localhost").pathname);
    expect(response?.status).toBe(400);
    expect(await response?.text()).toContain("This address is not valid");
  });

  it.each(["/tag/caf%C3%A9", "/news/a%20b", "/tag/100%25"])("lets %s through: it decodes", (url) => {
    expect(refuseMalformedPath(new URL(url, "http://localhost").pathname)).toBeNull();
  });

  it.each([
    "/",
    "/news/monterrey-council-approves-emergency-water-plan",
    "/business/q3-results-2025",
    "/es",
    "/es/negocios/crece-la-inversion-en-el-norte",
    "/tag/water%20works",
    "/news",
    "/news/page/2",
    "/news/feed.xml",
    "/news/atom.xml",
    // (/news/feed.json does pass: Next's matchers also accept a trailing ".json", for data requests. It is harmless.)
    "/tag/water",
    "/author/ana-ruiz",
    "/api/media",
    "/api/articles/abc",
    "/sitemaps/articles-1.xml",
    "/og/news/some-slug",
    "/_next/image",
    "/_next/static/chunks/app.js",
    "/search/results/d2F0ZXI/1",
    "/es/search/results/YWd1YQ/1",
    "/feed.xml",
    "/es/feed.xml",
    "/es/negocios/feed.xml",
    "/es/negocios/page/2",
    "/es/tag/agua",
    "/es/author/ana-ruiz",
    "/es/negocios/una-nota/atom.xml",
  ])("does not see %s", (url) => {
    expect(matches(url)).toBe(false);
  });

  it.each(["multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "Application/x-www-form-urlencoded", "MULTIPART/FORM-DATA; boundary=x"])(
    "sees a form posted as %s anywhere (a possible server action; its body capped), whatever the case",
    (type) => {
      expect(unstable_doesMiddlewareMatch({ config, url: "/news/some-story", headers: { "content-type": type } })).toBe(true);
    },
  );

  it("does not see a cached page's GET or another type of body for it", () => {
    expect(unstable_doesMiddlewareMatch({ config, url: "/news/some-story", headers: { "content-type": "application/json" } })).toBe(false);
  });
});

