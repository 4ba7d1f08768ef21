/** Staff management end to end: filters, role changes on the next request, deactivation ending a live session. */
import { expect, signIn, test } from "../support/fixtures";
import { expectNoAxeViolations } from "../support/axe";
import { createTestUser } from "../support/factories";
import { GENERIC_SIGN_IN_ERROR, signedInPage, useOwnAddress } from "../support/admin-helpers";
import { testDb } from "../support/db";

// Several sign-ins and page loads per test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

test("the staff list searches and filters by role and status, and shows the last sign-in", async ({ page, login }) => {
  const admin = await login({ role: "ADMIN" });
  const editor = await createTestUser("EDITOR");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Staff" })).toHaveAttribute("aria-current", "page");

  await page.getByLabel("Search by name or email", { exact: true }).fill(editor.email);
  await page.getByRole("button", { name: "Apply" }).click();
  const table = page.getByRole("table", { name: "Staff accounts" });
  await expect(table.getByRole("rowheader")).toHaveText([editor.name]);
  await expect(table.getByRole("row", { name: new RegExp(editor.name) })).toContainText("Never");

  await page.getByLabel("Search by name or email", { exact: true }).fill(admin.email);
  await page.getByLabel("Status", { exact: true }).selectOption("DEACTIVATED");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No accounts match.")).toBeVisible();

  await page.goto(`/admin/users?q=${encodeURIComponent(admin.email)}&role=ADMIN&status=ACTIVE`);
  await expect(table.getByRole("rowheader", { name: new RegExp(admin.name) })).toBeVisible();
  await expect(table.getByRole("row", { name: new RegExp(admin.name) })).not.toContainText("Never");
  await expectNoAxeViolations(page);
});

test("a role change takes effect on the person's next request", async ({ page, login, browser }) => {
  const journalist = await login({ role: "JOURNALIST" });
  expect((await page.goto("/admin"))?.status()).toBe(403);

  const admin = await signedInPage(browser, "ADMIN");
  await admin.page.goto(`/admin/users?q=${encodeURIComponent(journalist.email)}`);
  await admin.page.getByLabel(`Role of ${journalist.name}`, { exact: true }).selectOption("ADMIN");
  await admin.page.getByRole("button", { name: `Change role of ${journalist.name}` }).click();
  await expect(admin.page.getByText("The role is now Admin.")).toBeVisible();
  await admin.close();

  // Same session, no sign-in again: the next request sees the new role.
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(200);
  await expect(page.getByText(`${journalist.name} (Admin)`)).toBeVisible();
  await expect(page.getByRole("table", { name: "Staff accounts" })).toBeVisible();
  const entry = await testDb().auditLog.findFirst({ where: { action: "user.role_change", targetId: journalist.id } });
  expect(entry?.details).toEqual({ from: "JOURNALIST", to: "ADMIN" });
});

test("deactivating a signed-in user refuses their next request, and reactivating lets them sign in again", async ({ page, login, browser }) => {
  const editor = await login({ role: "EDITOR" });
  await useOwnAddress(page);
  const admin = await signedInPage(browser, "ADMIN");
  await admin.page.goto(`/admin/users?q=${encodeURIComponent(editor.email)}`);
  // Deactivating asks first, in the page, and works from the keyboard: Cancel changes nothing.
  const deactivate = admin.page.getByRole("button", { name: `Deactivate ${editor.name}` });
  await deactivate.focus();
  await admin.page.keyboard.press("Enter");
  const question = admin.page.getByRole("group", { name: `Deactivate ${editor.name}? They are signed out everywhere and cannot sign in until an admin reactivates the account.` });
  await expect(question).toBeVisible();
  await expect(question.getByRole("button", { name: `Yes, deactivate ${editor.name}` })).toBeFocused();
  await expectNoAxeViolations(admin.page);
  await admin.page.keyboard.press("Tab");
  await admin.page.keyboard.press("Enter"); // Cancel
  await expect(question).toBeHidden();
  await expect(deactivate).toBeFocused();
  await expect(admin.page.getByRole("row", { name: new RegExp(editor.name) })).toContainText("Active");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);

  await admin.page.keyboard.press("Enter");
  await expect(question.getByRole("button", { name: `Yes, deactivate ${editor.name}` })).toBeFocused();
  await admin.page.keyboard.press("Enter");
  await expect(admin.page.getByText("The account was deactivated.")).toBeVisible();
  await expect(admin.page.getByRole("row", { name: new RegExp(editor.name) })).toContainText("Deactivated");

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText("Your session has ended. Please sign in again.")).toBeVisible();
  await signIn(page, editor.email, editor.password);
  await expect(page.getByText(GENERIC_SIGN_IN_ERROR)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  await admin.page.getByRole("button", { name: `Reactivate ${editor.name}` }).click();
  await expect(admin.page.getByText("The account is active again.")).toBeVisible();
  await admin.close();
  await page.goto("/login");
  await signIn(page, editor.email, editor.password);
  await page.waitForURL("**/dashboard");
});

test("an admin issues a reset link; it sets a new password once and ends the person's open sessions", async ({ page, login, browser }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const admin = await signedInPage(browser, "ADMIN");
  await admin.page.goto(`/admin/users?q=${encodeURIComponent(journalist.email)}`);
  await admin.page.getByRole("button", { name: `Issue a password reset link for ${journalist.name}` }).click();
  const link = await admin.page.getByLabel(`Password reset link for ${journalist.name}`, { exact: true }).inputValue();
  await expect(admin.page.getByText("Email is not set up on this server")).toBeVisible();
  await expectNoAxeViolations(admin.page);
  await admin.close();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(new URL(link).pathname);
  await expect(visitor.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(visitor.getByText(journalist.email)).toBeVisible();
  await expectNoAxeViolations(visitor);
  await visitor.getByLabel("New password", { exact: true }).fill("qwertyuiop1234");
  await visitor.getByLabel("Confirm new password", { exact: true }).fill("qwertyuiop1234");
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor.getByText(/too (common|easy)/)).toBeVisible();
  const fresh = "marigold-tunnel-sparrow-63";
  await visitor.getByLabel("New password", { exact: true }).fill(fresh);
  await visitor.getByLabel("Confirm new password", { exact: true }).fill(fresh);
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await visitor.waitForURL("**/login?reason=password-reset");
  await signIn(visitor, journalist.email, fresh);
  await visitor.waitForURL("**/dashboard");

  // The session opened before the reset has ended; the link cannot be used twice.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  await visitor.goto(new URL(link).pathname);
  await expect(visitor.getByRole("heading", { name: "This reset link does not work" })).toBeVisible();
  await visitor.context().close();
});
