/**
 * The policies in a real Chromium: no CSP violation while a reader uses the public site (the reader's script and its
 * copy-link button, dark mode) and while staff sign in, write in the editor and use the admin pages; and an injected
 * inline script IS blocked, so "no violations" means the policy is enforced, not absent.
 */
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../support/fixtures";
import { createTestUser } from "../support/factories";
import { FILLER } from "../support/editor-factories";
import { articles } from "@/prisma/seed-data";

/** Collects CSP violations (Chromium reports each on the console) and page errors for the whole test. */
function watchViolations(page: Page): string[] {
  const found: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) found.push(message.text());
  });
  page.on("pageerror", (error) => found.push(`page error: ${error.message}`));
  return found;
}

const seeded = articles[0]!;

test("a reader's pages run under their policy: the reader's script, copy button working, dark mode, nothing blocked", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const violations = watchViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  for (const url of ["/", `/${seeded.section}`]) {
    const response = await page.goto(url);
    expect(response?.headers()["content-security-policy"], url).toMatch(/script-src 'self'(;|$)/);
  }
  await page.goto(`/${seeded.section}/${seeded.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(seeded.headline);
  // The button only works once /reader.js has run, which the policy must allow.
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/${seeded.section}/${seeded.slug}$`));
  expect(await page.locator(".public-theme").first().evaluate((el) => getComputedStyle(el).colorScheme)).toBe("dark");
  // Links are plain navigations to the next document, under the same policy.
  await page.getByRole("banner").getByRole("link", { name: /Dateline/ }).first().click();
  await expect(page).toHaveURL(/\/$/);
  expect(violations).toEqual([]);

  // An inline script that is not one of the page's own is refused (and reported).
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
  });
  expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected ?? false)).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});

test("staff sign in, write in the editor and use the admin pages under the nonce policy without violations", async ({ page }) => {
  test.slow(); // sign-in, a new article, an autosave and three more pages
  const violations = watchViolations(page);
  const admin = await createTestUser("ADMIN");
  await page.goto("/login");
  await signIn(page, admin.email, admin.password);
  await page.waitForURL("**/dashboard");

  // "New article" is a server action posted by the page itself: same origin, so the proxy's guard lets it through.
  await page.getByRole("button", { name: "New article" }).click();
  await page.waitForURL(/\/dashboard\/articles\/[^/]+$/);
  await page.getByLabel("Headline").fill(`A policy check ${Date.now()}`);
  const body = page.getByRole("textbox", { name: "Body" });
  await body.click();
  await page.keyboard.type(FILLER.slice(0, 120));
  await expect(page.getByRole("status").filter({ hasText: /^Saved at/ })).toBeVisible();

  for (const url of ["/dashboard/media", "/admin/users", "/admin/settings"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 }), url).toBeVisible();
  }
  expect(violations).toEqual([]);
});
