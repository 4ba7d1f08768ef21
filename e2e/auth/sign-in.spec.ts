import { expect, signIn, test } from "../support/fixtures";
import { createTestUser } from "../support/factories";
import { expectNoAxeViolations } from "../support/axe";

const GENERIC = "That email and password do not match an active account.";

test("a journalist signs in, sees the dashboard, and is refused at /admin", async ({ page, login }) => {
  const user = await login({ role: "JOURNALIST" });
  await expect(page.getByRole("heading", { name: "Your articles" })).toBeVisible();
  await expect(page.getByText(`${user.name} (Journalist)`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Staff accounts" })).toHaveCount(0);
});

test("an admin signs in and sees the staff list", async ({ page, login }) => {
  const admin = await login({ role: "ADMIN" });
  await page.getByRole("link", { name: "Admin" }).click();
  const table = page.getByRole("table", { name: "Staff accounts" });
  await expect(table).toBeVisible();
  await expect(table.getByRole("rowheader", { name: admin.name })).toBeVisible();
  await expect(table.getByRole("cell", { name: "journalist@dateline.test" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a wrong password and an unknown email give the same generic error", async ({ page }) => {
  const user = await createTestUser("EDITOR");
  await page.goto("/login");
  await expectNoAxeViolations(page);
  await signIn(page, user.email, "not-the-password-at-all");
  await expect(page.getByText(GENERIC)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  await page.reload();
  await signIn(page, `nobody-${user.id}@dateline.test`, "not-the-password-at-all");
  await expect(page.getByText(GENERIC)).toBeVisible();
});

test("a signed-out visit to the dashboard lands on sign-in and returns there afterwards", async ({ page }) => {
  const user = await createTestUser("JOURNALIST");
  await page.goto("/dashboard?mine=1");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await signIn(page, user.email, user.password);
  await page.waitForURL("**/dashboard?mine=1");
  await expect(page.getByRole("heading", { name: "Your articles" })).toBeVisible();
});

test("signing out ends the session", async ({ page, login }) => {
  await login({ role: "EDITOR" });
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/login**");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});

test("a deactivated user's open session is refused on the next request", async ({ page, browser, login }) => {
  // Three sign-ins (bcrypt each), a second browser context and the admin page: over 30 s on a loaded 2-core machine.
  test.slow();
  const journalist = await login({ role: "JOURNALIST" });
  await expect(page.getByRole("heading", { name: "Your articles" })).toBeVisible();

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  const admin = await createTestUser("ADMIN");
  await adminPage.goto("/login");
  await signIn(adminPage, admin.email, admin.password);
  await adminPage.waitForURL("**/dashboard");
  await adminPage.goto("/admin");
  await adminPage.getByRole("button", { name: `Deactivate ${journalist.name}` }).click();
  await adminPage.getByRole("button", { name: `Yes, deactivate ${journalist.name}` }).click();
  await expect(adminPage.getByText("The account was deactivated.")).toBeVisible();
  await adminContext.close();

  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText("Your session has ended. Please sign in again.")).toBeVisible();

  await signIn(page, journalist.email, journalist.password);
  await expect(page.getByText(GENERIC)).toBeVisible();
});
