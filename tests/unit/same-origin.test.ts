import { describe, expect, it } from "vitest";
import { MAX_SAME_ORIGIN_URL_LENGTH, sameOriginPath } from "@/lib/security/same-origin";

const SITE = "http://localhost:3000";

describe("sameOriginPath", () => {
  it("keeps paths on the site, with their query and fragment", () => {
    expect(sameOriginPath("/dashboard", SITE)).toBe("/dashboard");
    expect(sameOriginPath("/dashboard/articles?mine=1&page=2#list", SITE)).toBe("/dashboard/articles?mine=1&page=2#list");
    expect(sameOriginPath("/", SITE)).toBe("/");
    expect(sameOriginPath("/news/caf%C3%A9", SITE)).toBe("/news/caf%C3%A9");
    expect(sameOriginPath("/search?q=100%25", SITE)).toBe("/search?q=100%25");
  });

  it("answers the browser's own serialization (what a browser would request)", () => {
    expect(sameOriginPath("/a b", SITE)).toBe("/a%20b");
    expect(sameOriginPath("/é", SITE)).toBe("/%C3%A9");
    expect(sameOriginPath("/a/./b/../c", SITE)).toBe("/a/c");
  });

  it("keeps absolute URLs of the site's own origin, as a path", () => {
    expect(sameOriginPath("http://localhost:3000/admin", SITE)).toBe("/admin");
    expect(sameOriginPath("HTTP://LOCALHOST:3000/admin?x=1", SITE)).toBe("/admin?x=1");
    expect(sameOriginPath("https://news.example.com/a", "https://news.example.com/")).toBe("/a");
    expect(sameOriginPath("https://news.example.com:443/a", "https://news.example.com")).toBe("/a");
  });

  it("resolves relative candidates against the site's root", () => {
    expect(sameOriginPath("dashboard", SITE)).toBe("/dashboard");
    expect(sameOriginPath("dashboard", "http://localhost:3000/some/page")).toBe("/dashboard");
  });

  it("refuses other origins: hosts, ports, schemes", () => {
    expect(sameOriginPath("https://evil.example/steal", SITE)).toBeNull();
    expect(sameOriginPath("https://localhost:3000/admin", SITE)).toBeNull();
    expect(sameOriginPath("http://localhost:3001/admin", SITE)).toBeNull();
    expect(sameOriginPath("http://localhost:3000.evil.example/", SITE)).toBeNull();
    expect(sameOriginPath("http://localhost:3000@evil.example/", SITE)).toBeNull();
    expect(sameOriginPath("javascript:alert(1)", SITE)).toBeNull();
    expect(sameOriginPath("data:text/html,<script>alert(1)</script>", SITE)).toBeNull();
    expect(sameOriginPath("mailto:a@example.com", SITE)).toBeNull();
    expect(sameOriginPath("file:///etc/passwd", SITE)).toBeNull();
  });

  it("refuses scheme-relative and slash tricks", () => {
    for (const candidate of ["//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "/\\/evil.example"]) {
      expect(sameOriginPath(candidate, SITE), candidate).toBeNull();
    }
  });

  it("refuses paths that resolve to two leading slashes (a browser reads another host there)", () => {
    expect(sameOriginPath("/.//evil.example/phish", SITE)).toBeNull();
    expect(sameOriginPath("/a/..//evil.example", SITE)).toBeNull();
    expect(sameOriginPath("/%2F/evil.example", SITE)).toBeNull();
    expect(sameOriginPath("/%2f%2fevil.example", SITE)).toBeNull();
    expect(sameOriginPath("/%5Cevil.example", SITE)).toBeNull();
  });

  it("refuses the review's payloads: a tab, newline or carriage return, typed or encoded", () => {
    for (const candidate of [
      "/\t/evil.example/phish",
      "/\n/evil.example/phish",
      "/\r/evil.example/phish",
      "/%09/evil.example/phish",
      "/%0A/evil.example/phish",
      "/%0d%0a/evil.example",
      "/dashboard%0D%0ASet-Cookie:%20x=1",
      "/dashboard?x=%0A",
      "/dashboard#%09",
      "/%2509/evil.example",
      "/%250A/evil.example",
    ]) {
      expect(sameOriginPath(candidate, SITE), JSON.stringify(candidate)).toBeNull();
    }
  });

  it("refuses every control character, DEL, the C1 range and the backslash anywhere", () => {
    const codes = [...Array.from({ length: 32 }, (_, i) => i), 0x7f, 0x80, 0x85, 0x9f, 0x5c];
    for (const code of codes) {
      const character = String.fromCharCode(code);
      const hex = code.toString(16).padStart(2, "0");
      expect(sameOriginPath(`/a${character}b`, SITE), `raw ${hex}`).toBeNull();
      if (code < 0x80) expect(sameOriginPath(`/a%${hex}b`, SITE), `encoded ${hex}`).toBeNull();
      expect(sameOriginPath(`/a?q=${encodeURIComponent(character)}`, SITE), `query ${hex}`).toBeNull();
    }
  });

  it("refuses empty, padded, over-long and malformed candidates", () => {
    expect(sameOriginPath("", SITE)).toBeNull();
    expect(sameOriginPath(" /dashboard", SITE)).toBeNull();
    expect(sameOriginPath("/dashboard ", SITE)).toBeNull();
    expect(sameOriginPath(`/${"a".repeat(MAX_SAME_ORIGIN_URL_LENGTH)}`, SITE)).toBeNull();
    expect(sameOriginPath(`/${"a".repeat(MAX_SAME_ORIGIN_URL_LENGTH - 1)}`, SITE)).toBe(`/${"a".repeat(MAX_SAME_ORIGIN_URL_LENGTH - 1)}`);
    expect(sameOriginPath("/news/%ZZ", SITE)).toBeNull();
    expect(sameOriginPath("/news/%", SITE)).toBeNull();
    expect(sameOriginPath("/dashboard", "not a url")).toBeNull();
    expect(sameOriginPath("http://user:pass@localhost:3000/", SITE)).toBeNull();
    expect(sameOriginPath(undefined as unknown as string, SITE)).toBeNull();
  });
});
