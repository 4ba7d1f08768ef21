/**
 * The return path after sign-in never leaves the site (issue 20, finding 1). The review's payload: a tab (or newline)
 * that browsers drop, so `/\t/evil.example` becomes `//evil.example`, another host. No request may reach another
 * host: the browser context aborts any, and the spec checks that none was even attempted.
 */
import { expect, signIn, test } from "../support/fixtures";
import { createTestUser } from "../support/factories";
import { sameOriginPath } from "@/lib/security/same-origin";

const HOSTILE_CALLBACKS = [
  "%2F%09%2Fevil.example%2Fphish", // the review's: /<tab>/evil.example/phish
  "%2F%0A%2Fevil.example%2Fphish", // a newline: was a 500 when signed in
  "%2F%0D%0A%2Fevil.example",
  "%2F%5Cevil.example", // a backslash: browsers read it as a slash
  "%2F.%2F%2Fevil.example%2Fphish", // /.//evil.example resolves to the path //evil.example
  "%2F%2Fevil.example",
  "https%3A%2F%2Fevil.example%2Fphish",
  "%2Fdashboard%250A%2Fevil.example", // an escaped escape
];

test("signing in through a hostile callbackUrl ends on the site, and nothing is requested from another host", async ({ page, context, baseURL }) => {
  const siteHost = new URL(baseURL!).host;
  const offSite: string[] = [];
  await context.route(
    (url) => url.host !== siteHost,
    (route) => {
      offSite.push(route.request().url());
      return route.abort();
    },
  );
  const user = await createTestUser("JOURNALIST");
  await page.goto(`/login?callbackUrl=${HOSTILE_CALLBACKS[0]}`);
  await signIn(page, user.email, user.password);
  await page.waitForURL((url) => url.pathname === "/dashboard", { timeout: 20_000 });
  expect(new URL(page.url()).host).toBe(siteHost);
  await expect(page.getByRole("heading", { name: "Your articles" })).toBeVisible();
  expect(offSite).toEqual([]);
});

test("signed in, every hostile callbackUrl answers a redirect to a path on the site, never a 500", async ({ page, login, baseURL }) => {
  await login({ role: "EDITOR" });
  for (const callback of HOSTILE_CALLBACKS) {
    const response = await page.request.get(`/login?callbackUrl=${callback}`, { maxRedirects: 0 });
    expect(response.status(), callback).toBeGreaterThanOrEqual(300);
    expect(response.status(), callback).toBeLessThan(400);
    const location = response.headers()["location"] ?? "";
    expect(sameOriginPath(location, baseURL!), `${callback} -> ${JSON.stringify(location)}`).toBe("/dashboard");
  }
  // A path on the site is still honoured.
  const kept = await page.request.get(`/login?callbackUrl=${encodeURIComponent("/dashboard/profile?x=1")}`, { maxRedirects: 0 });
  expect(kept.headers()["location"]).toMatch(/^(?:http:\/\/[^/]+)?\/dashboard\/profile\?x=1$/);
});
