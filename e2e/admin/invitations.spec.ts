/** Invitations end to end: invite → accept → sign in with the new role; revoked, expired and replaced links fail. */
import { expect, test } from "../support/fixtures";
import { expectNoAxeViolations } from "../support/axe";
import { testDb } from "../support/db";
import { uniqueId } from "../support/factories";
import type { Page } from "@playwright/test";

// Several sign-ins and page loads per test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

const PASSWORD = "lantern-orchard-pebble-58";

/** Invites `email` with `role` from /admin/invitations and returns the link shown to copy. */
async function invite(page: Page, email: string, role: "Journalist" | "Editor" | "Admin"): Promise<string> {
  await page.goto("/admin/invitations");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation for ${email} is ready` })).toBeVisible();
  const link = await page.getByLabel("Invitation link", { exact: true }).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return new URL(link).pathname;
}

test("an admin invites an editor, who accepts, signs in and works as an editor", async ({ page, login, browser }) => {
  await login({ role: "ADMIN" });
  const email = `invitee-${uniqueId()}@e2e.dateline.test`;
  const path = await invite(page, email, "Editor");
  await expect(page.getByRole("table", { name: "Invitations" }).getByRole("row", { name: new RegExp(email) })).toContainText("Pending");
  await expectNoAxeViolations(page);

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(path);
  await expect(invitee.getByRole("heading", { name: "Join Dateline" })).toBeVisible();
  await expect(invitee.getByText(email)).toBeVisible();
  await expectNoAxeViolations(invitee);
  await invitee.getByLabel("Your name", { exact: true }).fill("Inés Invitada");
  await invitee.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await invitee.getByLabel("Confirm password", { exact: true }).fill(PASSWORD);
  await invitee.getByRole("button", { name: "Create my account" }).click();

  // Signed in at once: no second trip through the sign-in page.
  await invitee.waitForURL("**/dashboard");
  await expect(invitee.getByText("Inés Invitada (Editor)")).toBeVisible();
  await expect(invitee.getByRole("heading", { name: "Review queue", exact: false })).toBeVisible();
  expect((await invitee.goto("/admin"))?.status()).toBe(403);

  // The link was for one use only.
  await invitee.goto(path);
  await expect(invitee.getByRole("heading", { name: "This invitation link does not work" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("table", { name: "Invitations" }).getByRole("row", { name: new RegExp(email) })).toContainText("Accepted");
  await invitee.context().close();
});

test("a weak or mismatched password is refused on the invitation page, and the link keeps working", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const email = `weak-${uniqueId()}@e2e.dateline.test`;
  const path = await invite(page, email, "Journalist");
  await page.goto(path);
  await page.getByLabel("Your name", { exact: true }).fill("Weak Password");
  await page.getByLabel("Password", { exact: true }).fill("password1234");
  await page.getByLabel("Confirm password", { exact: true }).fill("password1234");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText(/too common/)).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();

  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();

  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password", { exact: true }).fill(`${PASSWORD}-typo`);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText("The two passwords are not the same")).toBeVisible();
  await expectNoAxeViolations(page);

  expect(await testDb().user.count({ where: { email } })).toBe(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Join Dateline" })).toBeVisible();
});

test("a revoked invitation's link fails", async ({ page, login, browser }) => {
  await login({ role: "ADMIN" });
  const email = `revoked-${uniqueId()}@e2e.dateline.test`;
  const path = await invite(page, email, "Journalist");
  await page.getByRole("button", { name: `Revoke the invitation to ${email}` }).click();
  await expect(page.getByRole("table", { name: "Invitations" }).getByRole("row", { name: new RegExp(email) })).toContainText("Revoked");

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(path);
  await expect(visitor.getByRole("heading", { name: "This invitation link does not work" })).toBeVisible();
  await expect(visitor.getByLabel("Your name", { exact: true })).toHaveCount(0);
  await expectNoAxeViolations(visitor);
  await visitor.context().close();
});

test("an expired link fails, and resending gives a new link while the old one stays dead", async ({ page, login, browser }) => {
  await login({ role: "ADMIN" });
  const email = `expired-${uniqueId()}@e2e.dateline.test`;
  const oldPath = await invite(page, email, "Journalist");
  await testDb().invitation.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 60_000) } });

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(oldPath);
  await expect(visitor.getByRole("heading", { name: "This invitation link does not work" })).toBeVisible();

  await page.reload();
  const row = page.getByRole("table", { name: "Invitations" }).getByRole("row", { name: new RegExp(email) });
  await expect(row).toContainText("Expired");
  await row.getByRole("button", { name: `Resend the invitation to ${email}` }).click();
  const newLink = await row.getByLabel("Invitation link", { exact: true }).inputValue();
  const newPath = new URL(newLink).pathname;
  expect(newPath).not.toBe(oldPath);
  await expect(row).toContainText("Pending");

  await visitor.goto(oldPath);
  await expect(visitor.getByRole("heading", { name: "This invitation link does not work" })).toBeVisible();
  await visitor.goto(newPath);
  await expect(visitor.getByRole("heading", { name: "Join Dateline" })).toBeVisible();
  await visitor.context().close();
});
