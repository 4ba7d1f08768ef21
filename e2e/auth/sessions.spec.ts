/**
 * Signing out ends the session for real (issue 20, finding 6): a copy of the session cookie stops working, and
 * /api/auth/session neither answers nor renews it. "Sign out everywhere" on the profile ends every session.
 */
import type { BrowserContext } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { expectNoAxeViolations } from "../support/axe";
import { testDb } from "../support/db";

test.describe.configure({ timeout: 90_000 });

/** A second browser holding a copy of `from`'s cookies, as a stolen or copied cookie would be. */
async function copyCookies(from: BrowserContext, to: BrowserContext) {
  await to.addCookies(await from.cookies());
}

async function sessionUser(context: BrowserContext): Promise<{ body: unknown; setsCookie: boolean }> {
  const response = await context.request.get("/api/auth/session");
  const body = (await response.json()) as { user?: { email?: string } };
  const setsCookie = response.headersArray().some((h) => h.name.toLowerCase() === "set-cookie" && /session-token=[^;]+/.test(h.value) && !/session-token=;/.test(h.value));
  return { body: body.user?.email ?? null, setsCookie };
}

test("after signing out, a copy of the session cookie is refused and /api/auth/session does not renew it", async ({ page, context, browser, login }) => {
  const user = await login({ role: "JOURNALIST" });
  const copy = await browser.newContext();
  await copyCookies(context, copy);
  const copyPage = await copy.newPage();
  await copyPage.goto("/dashboard");
  await expect(copyPage.getByRole("heading", { name: "Your articles" })).toBeVisible();
  expect((await sessionUser(copy)).body).toBe(user.email);

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/login**");

  const session = await sessionUser(copy);
  expect(session).toEqual({ body: null, setsCookie: false });
  await copyPage.goto("/dashboard");
  await expect(copyPage).toHaveURL(/\/login/);
  await expect(copyPage.getByRole("heading", { name: "Sign in to Dateline" })).toBeVisible();
  expect(await testDb().auditLog.count({ where: { action: "auth.sign_out", targetId: user.id } })).toBe(1);
  await copy.close();
});

test("“Sign out everywhere” on the profile ends every session of the account, this one included", async ({ page, context, browser, login }) => {
  const user = await login({ role: "EDITOR" });
  const other = await browser.newContext();
  await copyCookies(context, other);

  await page.goto("/dashboard/profile");
  const section = page.getByRole("region", { name: "Sessions" });
  await expect(section).toBeVisible();
  await expectNoAxeViolations(page);
  await section.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.waitForURL("**/login**");
  await expect(page.getByText("You were signed out everywhere")).toBeVisible();

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  expect((await sessionUser(other)).body).toBeNull();
  const otherPage = await other.newPage();
  await otherPage.goto("/dashboard/profile");
  await expect(otherPage).toHaveURL(/\/login/);
  const entry = await testDb().auditLog.findFirst({ where: { action: "auth.sign_out_everywhere", targetId: user.id } });
  expect(entry?.actorId).toBe(user.id);
  await other.close();
});
