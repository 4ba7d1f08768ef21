/** "Forgot password?" and the profile page. (The sign-in limits are e2e/auth/sign-in-delays.spec.ts.) */
import { expect, test } from "../support/fixtures";
import { expectNoAxeViolations } from "../support/axe";
import { createTestUser, uniqueId } from "../support/factories";
import { testDb } from "../support/db";
import { createArchivedStory } from "../support/admin-helpers";

// Several sign-ins and page loads per test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

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
  // The link is made after the answer (so its timing tells nothing): wait for it.
  await expect.poll(() => testDb().passwordReset.count({ where: { userId: user.id } })).toBe(1);
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
