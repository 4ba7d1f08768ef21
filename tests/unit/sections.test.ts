import { describe, expect, it } from "vitest";
import { SectionInputSchema, SectionSlugSchema } from "@/lib/validation/sections";

describe("section slugs", () => {
  it("refuses slugs that collide with the site's own routes", () => {
    for (const slug of ["search", "login", "dashboard", "admin", "tag", "author", "feed.xml", "sitemap.xml", "page", "api"]) {
      const result = SectionSlugSchema.safeParse(slug);
      expect(result.success, slug).toBe(false);
    }
    expect(SectionSlugSchema.safeParse("admin").error?.issues[0]?.message).toBe("That slug is used by the site itself; choose another");
  });

  it("accepts ordinary slugs and explains malformed ones", () => {
    expect(SectionInputSchema.parse({ name: "Local news", slug: "local-news" })).toEqual({ name: "Local news", slug: "local-news", description: "" });
    expect(SectionSlugSchema.safeParse("Local News").error?.issues[0]?.message).toMatch(/lower-case/);
    expect(SectionSlugSchema.safeParse("a--b").success).toBe(false);
  });
});
