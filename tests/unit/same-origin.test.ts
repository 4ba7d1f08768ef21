import { describe, expect, it } from "vitest";
import { MAX_SAME_ORIGIN_URL_LENGTH, sameOriginPath } from "@/lib/security/same-origin";

const SITE = "http://localhost:3000";

describe("sameOriginPath", () => {
  /** Each [candidate, expected] against the site; expected null means refused. */
  function check(cases: [string, string | null][], site = SITE) {
    for (const [candidate, expected] of cases) expect(sameOriginPath(candidate, site), JSON.stringify(candidate)).toBe(expected);
  }

  it("keeps paths on the site, with their query and fragment", () => {
    check([
      ["/dashboard", "/dashboard"],
      ["/dashboard/articles?mine=1&page=2#list", "/dashboard/articles?mine=1&page=2#list"],
      ["/", "/"],
      ["/news/caf%C3%A9", "/news/caf%C3%A9"],
      ["/search?q=100%25", "/search?q=100%25"],
    ]);
  });

  it("answers the browser's own serialization (what a browser would request)", () => {
    check([
      ["/a b", "/a%20b"],
      ["/é", "/%C3%A9"],
      ["/a/./b/../c", "/a/c"],
    ]);
  });

  it("keeps absolute URLs of the site's own origin, as a path", () => {
    check([
      ["http://localhost:3000/admin", "/admin"],
      ["HTTP://LOCALHOST:3000/admin?x=1", "/admin?x=1"],
    ]);
    check([["https://news.example.com/a", "/a"]], "https://news.example.com/");
    check([["https://news.example.com:443/a", "/a"]], "https://news.example.com");
  });

  it("resolves relative candidates against the site's root", () => {
    check([["dashboard", "/dashboard"]]);
    check([["dashboard", "/dashboard"]], "http://localhost:3000/some/page");
  });

  const refused = (candidates: string[]) => check(candidates.map((c) => [c, null]));

  it("refuses other origins: hosts, ports, schemes", () => {
    refused([
      "https://evil.example/steal",
      "https://localhost:3000/admin",
      "http://localhost:3001/admin",
      "http://localhost:3000.evil.example/",
      "http://localhost:3000@evil.example/",
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "mailto:a@example.com",
      "file:///etc/passwd",
    ]);
  });

  it("refuses scheme-relative and slash tricks", () => {
    refused(["//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "/\\/evil.example"]);
  });

  it("refuses paths that resolve to two leading slashes (a browser reads another host there)", () => {
    refused(["/.//evil.example/phish", "/a/..//evil.example", "/%2F/evil.example", "/%2f%2fevil.example", "/%5Cevil.example"]);
  });

  it("refuses the review's payloads: a tab, newline or carriage return, typed or encoded", () => {
    refused([
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
    ]);
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
