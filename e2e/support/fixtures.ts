/**
 * `login({ role })` creates a unique user with that role and signs in through the real form, as a person would.
 */
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { createTestUser, type TestUser } from "./factories";
import type { Role } from "@/lib/auth/permissions";

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Another browser (its own cookies and storage) signed in as `user`; close its context when done. */
export async function openAs(browser: Browser, user: TestUser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await signIn(page, user.email, user.password);
  await page.waitForURL("**/dashboard");
  return { context, page };
}

type Fixtures = { login: (options: { role: Role }) => Promise<TestUser> };

export const test = base.extend<Fixtures>({
  login: async ({ page }, use) => {
    await use(async ({ role }) => {
      const user = await createTestUser(role);
      await page.goto("/login");
      await signIn(page, user.email, user.password);
      await page.waitForURL("**/dashboard");
      return user;
    });
  },
});

export { expect };
