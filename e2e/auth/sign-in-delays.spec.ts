/**
 * Failed sign-ins slow an account down instead of locking it (issue 20, finding 5): after five failures the next
 * attempt must wait, attempts refused while waiting do not count or extend the wait, the person is told to wait
 * (the same words for an unknown email), and an admin can lift the delay from the staff list.
 */
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "../support/fixtures";
import { expectNoAxeViolations } from "../support/axe";
import { createTestUser, uniqueId } from "../support/factories";
import { testDb } from "../support/db";
import { signedInPage, useOwnAddress } from "../support/admin-helpers";

test.describe.configure({ timeout: 120_000 });

const DELAYED = /Too many failed sign-ins for this account\. Try again in/;

/** One failed sign-in, waited for until the server has recorded it. */
async function fail(page: Page, email: string, i: number) {
  const before = await testDb().signInAttempt.count({ where: { email: email.toLowerCase(), succeeded: false } });
  await signIn(page, email, `wrong-password-${i}-guess`);
  await expect.poll(() => testDb().signInAttempt.count({ where: { email: email.toLowerCase(), succeeded: false } }), { timeout: 30_000 }).toBe(before + 1);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
}

/** A refused attempt: the delay's message, still on the sign-in page. Returns the message. */
async function refusedWhileDelayed(page: Page, email: string, password: string): Promise<string> {
  await signIn(page, email, password);
  const error = page.locator("#login-error");
  await expect(error).toHaveText(DELAYED);
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  return (await error.textContent()) ?? "";
}

test("five failures delay the account, the same for an unknown email; refusals while delayed do not count", async ({ page }) => {
  const user = await createTestUser("JOURNALIST");
  const ghost = `ghost-${uniqueId()}@e2e.dateline.test`;
  await useOwnAddress(page);
  await page.goto("/login");

  const messages: string[] = [];
  // Each account's attempts follow each other within seconds, well inside the first delay (30 s).
  for (const email of [user.email, ghost]) {
    for (let i = 0; i < 5; i++) await fail(page, email, i);
    messages.push(await refusedWhileDelayed(page, email, user.password)); // the right password: not even checked
    await refusedWhileDelayed(page, email, "another-wrong-guess");
  }
  expect(messages[0]).toBe(messages[1]); // nothing tells a real account from an unknown email
  await expectNoAxeViolations(page);

  for (const email of [user.email, ghost]) {
    expect(await testDb().signInAttempt.count({ where: { email, succeeded: false } }), email).toBe(5);
    const refused = await testDb().auditLog.count({ where: { action: "auth.sign_in_failed", details: { path: ["reason"], equals: "rate_limited" }, AND: { details: { path: ["email"], equals: email } } } });
    expect(refused, email).toBe(2);
  }
  expect(await testDb().signInAttempt.count({ where: { email: user.email, succeeded: true } })).toBe(0);

  // Another account from the same address is not affected.
  const other = await createTestUser("JOURNALIST");
  await signIn(page, other.email, other.password);
  await page.waitForURL("**/dashboard");
});

test("an admin lifts a delay from the staff list, and the person signs in at once", async ({ page, browser }) => {
  const user = await createTestUser("EDITOR");
  // Nine recent failures: a delay of several minutes, made directly so the test need not wait out the first ones.
  await testDb().signInAttempt.createMany({ data: Array.from({ length: 9 }, () => ({ email: user.email, ip: "192.0.2.44", succeeded: false })) });
  await useOwnAddress(page);
  await page.goto("/login");
  await refusedWhileDelayed(page, user.email, user.password);
  await expect(page.locator("#login-error")).toContainText("minutes");

  const admin = await signedInPage(browser, "ADMIN");
  await admin.page.goto(`/admin/users?q=${encodeURIComponent(user.email)}`);
  const row = admin.page.getByRole("table", { name: "Staff accounts" }).getByRole("row", { name: new RegExp(user.name) });
  await expect(row).toContainText("Sign-in delayed until");
  await expectNoAxeViolations(admin.page);
  await row.getByRole("button", { name: `Unlock sign-in for ${user.name}` }).click();
  await expect(row.getByText(`${user.name} can sign in again now.`)).toBeVisible();
  await expect(row).not.toContainText("Sign-in delayed");
  await expect(row.getByRole("button", { name: `Unlock sign-in for ${user.name}` })).toHaveCount(0);
  const entry = await testDb().auditLog.findFirst({ where: { action: "user.sign_in_unlock", targetId: user.id } });
  expect(entry?.actorId).toBe(admin.user.id);
  expect(entry?.details).toMatchObject({ failures: 9 });
  await admin.close();

  await signIn(page, user.email, user.password);
  await page.waitForURL("**/dashboard");
});
