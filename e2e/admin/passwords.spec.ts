/**
 * Sign-in rate limits, "Forgot password?" and the profile page. Specs that fail sign-ins send their own client
 * address, so their failures never count against the address every other spec signs in from.
 */
import { expect, signIn, test } from "../support/fixtures";
import { expectNoAxeViolations } from "../support/axe";
import { createTestUser, uniqueId } from "../support/factories";
import { testDb } from "../support/db";
import { createArchivedStory, GENERIC_SIGN_IN_ERROR, useOwnAddress } from "../support/admin-helpers";
import type { Page } from "@playwright/test";

// Several sign-ins and page loads per test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** Signs in once and waits until the server has recorded the attempt, so the next one counts after it. */
async function attempt(page: Page, email: string, password: string) {
  const before = await testDb().signInAttempt.count({ where: { email: email.toLowerCase() } });
  await signIn(page, email, password);
  await expect.poll(() => testDb().signInAttempt.count({ where: { email: email.toLowerCase() } }), { timeout: 30_000 }).toBe(before + 1);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
}

test("after 5 failures an account is refused even with the right password, with the same message as for an unknown email", async ({ page }) => {
  const user = await createTestUser("JOURNALIST");
  const ghost = `ghost-${uniqueId()}@e2e.dateline.test`;
  await useOwnAddress(page);
  await page.goto("/login");

  const messages: string[] = [];
  for (const email of [user.email, ghost]) {
    for (let i = 0; i < 5; i++) await attempt(page, email, `wrong-password-${i}-guess`);
    await attempt(page, email, user.password); // the right password for the real account: refused all the same
    messages.push((await page.locator("#login-error").textContent()) ?? "");
  }
  expect(messages).toEqual([GENERIC_SIGN_IN_ERROR, GENERIC_SIGN_IN_ERROR]);
  await expect(page).toHaveURL(/\/login/);

  for (const email of [user.email, ghost]) {
    const refused = await testDb().auditLog.count({ where: { action: "auth.sign_in_failed", details: { path: ["reason"], equals: "rate_limited" }, AND: { details: { path: ["email"], equals: email } } } });
    expect(refused, email).toBe(1);
  }
  expect(await testDb().signInAttempt.count({ where: { email: user.email, succeeded: true } })).toBe(0);

  // Another account from the same address is not affected by the per-account limit.
  const other = await createTestUser("JOURNALIST");
  await signIn(page, other.email, other.password);
  await page.waitForURL("**/dashboard");
});

test("“Forgot password?” answers the same whether or not the email has an account", async ({ page }) => {
  const user = await createTestUser("EDITOR");
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expectNoAxeViolations(page);

  const answers: string[] = [];
  for (const email of [`nobody-${uniqueId()}@e2e.dateline.test`, user.email]) {
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    const status = page.getByRole("status");
    await expect(status).toContainText("If there is an active account for that email");
    answers.push((await status.textContent()) ?? "");
    await page.reload();
  }
  expect(answers[0]).toBe(answers[1]);
  const resets = await testDb().passwordReset.findMany({ where: { userId: user.id } });
  expect(resets).toHaveLength(1);
  expect(resets[0]!.issuedById).toBeNull();
  expect(Math.abs(resets[0]!.expiresAt.getTime() - resets[0]!.createdAt.getTime() - 60 * 60_000)).toBeLessThan(5_000);
});

test("a staff member edits the profile that feeds their author page, and changes their password", async ({ page, login }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const { slug } = await testDb().user.findUniqueOrThrow({ where: { id: journalist.id }, select: { slug: true } });
  const section = await testDb().section.findUniqueOrThrow({ where: { slug: "culture" }, select: { id: true } });
  await createArchivedStory(section.id, journalist.id, "profile");
  await page.goto(`/author/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(journalist.name);

  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await expectNoAxeViolations(page);
  const newName = `Renamed Reporter ${uniqueId()}`;
  const bio = `Covers the border economy. ${uniqueId()}`;
  await page.getByLabel("Name", { exact: true }).fill(newName);
  await page.getByLabel("Bio", { exact: true }).fill(bio);
  await page.getByLabel("Avatar URL", { exact: true }).fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText(/Enter a web address starting with https:\/\//)).toBeVisible();
  await page.getByLabel("Avatar URL", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile was saved.")).toBeVisible();

  await page.goto(`/author/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(newName);
  await expect(page.getByText(bio)).toBeVisible();

  // Password: the current one is required, the policy applies, and the person stays signed in afterwards.
  await page.goto("/dashboard/profile");
  await page.getByLabel("Current password", { exact: true }).fill("not-my-password-at-all");
  await page.getByLabel("New password", { exact: true }).fill("harbor-violet-compass-19");
  await page.getByLabel("Confirm new password", { exact: true }).fill("harbor-violet-compass-19");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await page.getByLabel("Current password", { exact: true }).fill(journalist.password);
  await page.getByLabel("New password", { exact: true }).fill("iloveyou123456");
  await page.getByLabel("Confirm new password", { exact: true }).fill("iloveyou123456");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/too common/)).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("harbor-violet-compass-19");
  await page.getByLabel("Confirm new password", { exact: true }).fill("harbor-violet-compass-19");
  await page.getByRole("button", { name: "Change password" }).click();
  await page.waitForURL("**/dashboard/profile?password=changed");
  await expect(page.getByText("Your password was changed.")).toBeVisible();
  await expect(page.getByText(`${newName} (Journalist)`)).toBeVisible();
});
