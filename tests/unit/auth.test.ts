import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, can, type Permission } from "@/lib/auth/permissions";
import { safeReturnPath } from "@/lib/auth/return-path";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { slugify } from "@/lib/content/slug";

describe("permission map", () => {
  it("gives every staff role the dashboard and only admins the admin area", () => {
    expect(ROLES.filter((r) => can(r, "dashboard:access"))).toEqual(["ADMIN", "EDITOR", "JOURNALIST"]);
    expect(ROLES.filter((r) => can(r, "admin:access"))).toEqual(["ADMIN"]);
  });

  it("keeps publishing with the desk and user management with admins", () => {
    expect(can("JOURNALIST", "article:publish")).toBe(false);
    expect(can("EDITOR", "article:publish")).toBe(true);
    expect(can("EDITOR", "user:manage")).toBe(false);
    expect(can(null, "article:read:own")).toBe(false);
  });

  it("gives admins every permission (nothing only an editor can do)", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      expect(can("ADMIN", permission), permission).toBe(true);
    }
  });
});

describe("safeReturnPath", () => {
  const SITE = "http://localhost:3000";

  it("keeps paths on this site and refuses the rest", () => {
    expect(safeReturnPath("/dashboard?mine=1", SITE)).toBe("/dashboard?mine=1");
    expect(safeReturnPath("http://localhost:3000/admin", SITE)).toBe("/admin");
    expect(safeReturnPath("https://evil.example/steal", SITE)).toBe("/dashboard");
    expect(safeReturnPath("//evil.example", SITE)).toBe("/dashboard");
    expect(safeReturnPath("/\\evil.example", SITE)).toBe("/dashboard");
    expect(safeReturnPath("javascript:alert(1)", SITE)).toBe("/dashboard");
    expect(safeReturnPath(undefined, SITE)).toBe("/dashboard");
    expect(safeReturnPath("/login?callbackUrl=/x", SITE)).toBe("/dashboard");
    expect(safeReturnPath("/api/auth/signout", SITE)).toBe("/dashboard");
  });

  it("refuses the review's bypass: a tab or newline that browsers drop turns /\\t/host into //host", () => {
    for (const raw of ["/\t/evil.example/phish", "/\n/evil.example/phish", "/\r\n/evil.example", "/%09/evil.example/phish", "/%0A/evil.example/phish", "/.//evil.example/phish", "/dashboard%0D%0ASet-Cookie:x=1"]) {
      expect(safeReturnPath(raw, SITE), JSON.stringify(raw)).toBe("/dashboard");
    }
  });

  it("answers a path a browser reads the same way (never a raw control character)", () => {
    expect(safeReturnPath("/dashboard/articles/a b", SITE)).toBe("/dashboard/articles/a%20b");
    expect(safeReturnPath("/LOGIN/../login", SITE)).toBe("/dashboard");
  });
});

describe("passwords and slugs", () => {
  it("verifies the right password only", async () => {
    const hash = await hashPassword("a-long-test-password", 4);
    expect(await verifyPassword("a-long-test-password", hash)).toBe(true);
    expect(await verifyPassword("a-long-test-passworD", hash)).toBe(false);
    expect(await verifyPassword("anything", null)).toBe(false);
  });

  it("makes ASCII slugs", () => {
    expect(slugify("Água & Luz: Monterrey’s plan")).toBe("agua-luz-monterrey-s-plan");
    expect(slugify("  --  ")).toBe("");
  });
});
