/** Site settings, house ads on the article page, and the audit log with its CSV export. */
import { expect, test } from "../support/fixtures";
import { expectNoAxeViolations } from "../support/axe";
import { createTestUser, uniqueId } from "../support/factories";
import { testDb } from "../support/db";
import { sessionUserFor } from "../support/admin-helpers";
import { articles } from "@/prisma/seed-data";
import { deleteAdSlot } from "@/lib/data/ad-slots";
import { recordSuccessfulSignIn } from "@/lib/data/users/sign-in";

// Several sign-ins and page loads per test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

const lead = articles.find((a) => a.status === "PUBLISHED")!;

test("an ad slot configured in settings appears on the article page, labelled “Advertising”", async ({ page, login }) => {
  const admin = await login({ role: "ADMIN" });
  const id = uniqueId();
  await page.goto("/admin/settings");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Add an ad slot" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New ad slot" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Name", { exact: true }).fill(`House ad ${id}`);
  await page.getByLabel("Placement", { exact: true }).selectOption("HEADER");
  await page.getByRole("radio", { name: "An image with a link" }).check();
  await page.getByLabel("Image URL", { exact: true }).fill("/logo.png");
  await page.getByRole("button", { name: "Create ad slot" }).click();
  await expect(page.getByText("Describe the image for people who cannot see it")).toBeVisible();
  await page.getByLabel("Image description (alt text)", { exact: true }).fill(`Subscribe to Dateline ${id}`);
  await page.getByLabel("Link URL (optional)", { exact: true }).fill("https://example.test/subscribe");
  await page.getByRole("button", { name: "Create ad slot" }).click();
  // On to the new slot's page, which previews it as readers will see it.
  await page.waitForURL(/\/admin\/settings\/ads\/[a-z0-9]+\?ad=created$/);
  await expect(page.getByText("The ad slot was created. Readers see it now.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Preview" }).getByRole("img", { name: `Subscribe to Dateline ${id}` })).toBeVisible();
  await expectNoAxeViolations(page);
  const slot = await testDb().adSlot.findFirstOrThrow({ where: { name: `House ad ${id}` } });
  await page.goto("/admin/settings");
  await expect(page.getByRole("table", { name: "Ad slots" }).getByRole("rowheader", { name: `House ad ${id}` })).toBeVisible();

  try {
    await page.goto(`/${lead.section}/${lead.slug}`);
    const ad = page.getByRole("main").getByRole("complementary", { name: "Advertising", exact: true });
    await expect(ad).toContainText("Advertising");
    await expect(ad.getByRole("img", { name: `Subscribe to Dateline ${id}` })).toBeVisible();
    await expect(ad.getByRole("link")).toHaveAttribute("href", "https://example.test/subscribe");
    await expect(ad.getByRole("link")).toHaveAttribute("rel", /sponsored/);

    // The same slot as an HTML snippet: shown in a sandboxed frame, still labelled.
    await page.goto(`/admin/settings/ads/${slot.id}`);
    await page.getByRole("radio", { name: "An HTML snippet" }).check();
    await page.getByLabel("HTML snippet", { exact: true }).fill(`<p id="snippet">Snippet ${id}</p><script>parent.document.title = "owned"</script>`);
    await page.getByRole("button", { name: "Save ad slot" }).click();
    await page.waitForURL(`**/admin/settings/ads/${slot.id}?ad=saved`);
    await page.goto(`/${lead.section}/${lead.slug}`);
    const frame = ad.locator("iframe");
    await expect(frame).toHaveAttribute("sandbox", "allow-popups allow-popups-to-escape-sandbox");
    await expect(page.frameLocator(`aside[aria-label="Advertising"] iframe`).getByText(`Snippet ${id}`)).toBeVisible();
    await expect(ad).toContainText("Advertising");
    await expect(page).not.toHaveTitle("owned");
  } finally {
    await deleteAdSlot(await sessionUserFor(admin), slot.id);
  }
});

test("settings validate the locale and time zone, and nothing is saved when they are wrong", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const before = await testDb().settings.findUniqueOrThrow({ where: { id: 1 } });
  await page.goto("/admin/settings");
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue(before.timeZone);
  await page.getByLabel("Locale", { exact: true }).fill("not a locale!");
  await page.getByLabel("Facebook", { exact: true }).fill("ftp://example.test/page");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("That is not a locale this server knows")).toBeVisible();
  await expect(page.getByLabel("Locale", { exact: true })).toBeFocused();
  expect(await testDb().settings.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before);
});

test("the audit log filters entries and exports them as CSV that spreadsheets cannot run as formulas", async ({ page, login }) => {
  const admin = await login({ role: "ADMIN" });
  const id = uniqueId();
  // An account whose email begins with "=": what a spreadsheet would treat as a formula.
  const risky = await testDb().user.create({ data: { email: `=cmd-${id}@e2e.dateline.test`, name: `Risky ${id}`, slug: `risky-${id}`, role: "JOURNALIST", status: "ACTIVE" }, select: { id: true, email: true } });
  await recordSuccessfulSignIn(risky, "10.0.0.1");
  const target = await createTestUser("JOURNALIST");

  await page.goto(`/admin/users?q=${encodeURIComponent(target.email)}`);
  await page.getByLabel(`Role of ${target.name}`, { exact: true }).selectOption("EDITOR");
  await page.getByRole("button", { name: `Change role of ${target.name}` }).click();
  await expect(page.getByText("The role is now Editor.")).toBeVisible();

  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click();
  // One vocabulary: the filter lists actions by their labels, grouped, never by their codes.
  const action = page.getByLabel("Action", { exact: true });
  await expect(action.locator("optgroup[label='Staff']").getByRole("option", { name: "Role changed" })).toHaveCount(1);
  expect((await action.getByRole("option").allTextContents()).filter((text) => /^[a-z_]+\.[a-z_]+$/.test(text))).toEqual([]);
  await action.selectOption({ label: "Role changed" });
  await page.getByLabel("Actor email", { exact: true }).fill(admin.email);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=user\.role_change/);
  const table = page.getByRole("table", { name: "Audit entries, newest first" });
  await expect(table.getByRole("row")).toHaveCount(2); // the header and the one change
  const entry = table.getByRole("row").nth(1);
  await expect(entry).toContainText("Role changed");
  // The target by name, linked to the person's row; the details as labelled values.
  await expect(entry.getByRole("link", { name: `${target.name} (${target.email})` })).toHaveAttribute("href", `/admin/users?q=${encodeURIComponent(target.email)}`);
  await expect(entry.getByRole("term")).toHaveText(["From", "To"]);
  await expect(entry.getByRole("definition")).toHaveText(["Journalist", "Editor"]);
  await expectNoAxeViolations(page);

  const csv = await page.request.get(`/admin/audit/export?actor=${encodeURIComponent(`=cmd-${id}`)}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="dateline-audit-/);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toBe('"time (UTC)","action","actor email","actor id","target type","target id","ip","details"');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`"auth.sign_in","'=cmd-${id}@e2e.dateline.test"`);

  const own = await page.request.get(`/admin/audit/export?action=user.role_change&actor=${encodeURIComponent(admin.email)}`);
  expect((await own.text()).trim().split("\r\n")).toHaveLength(2);
});
