/** Sections and tags as admins manage them; a renamed section's old URLs answer 308 to the new ones. */
import { expect, test } from "../support/fixtures";
import { expectNoAxeViolations } from "../support/axe";
import { uniqueId } from "../support/factories";
import { testDb } from "../support/db";
import { createArchivedStory } from "../support/admin-helpers";

// Several sign-ins and page loads per test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

test("a new section's slug is made from its name as it is typed, until the admin types one", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const id = uniqueId();
  await page.goto("/admin/sections");
  const name = page.getByLabel("Name", { exact: true });
  const slug = page.getByLabel("Slug", { exact: true });
  await name.fill(`Nuevo León ${id}`);
  await expect(slug).toHaveValue(`nuevo-leon-${id}`);
  await name.fill(`Nuevo León Norte ${id}`);
  await expect(slug).toHaveValue(`nuevo-leon-norte-${id}`);
  // Once the admin writes a slug, the name no longer changes it; emptying it hands it back to the name.
  await slug.fill(`nl-${id}`);
  await name.fill(`Nuevo León Sur ${id}`);
  await expect(slug).toHaveValue(`nl-${id}`);
  await slug.fill("");
  await name.press("End"); // focusing a field does not put the caret at its end everywhere
  await name.pressSequentially("!");
  await expect(slug).toHaveValue(`nuevo-leon-sur-${id}`);
  await page.getByRole("button", { name: "Create section" }).click();
  await expect(page.getByText(`Section “Nuevo León Sur ${id}!” was created`)).toBeVisible();
  expect(await testDb().section.findUnique({ where: { slug: `nuevo-leon-sur-${id}` }, select: { name: true } })).toEqual({ name: `Nuevo León Sur ${id}!` });
  // An existing section's slug stays put when it is renamed: an address changes only on purpose.
  await page.getByRole("table", { name: "Sections, in navigation order" }).getByRole("link", { name: `Edit Nuevo León Sur ${id}!` }).click();
  await page.getByLabel("Name", { exact: true }).fill(`Renamed ${id}`);
  await expect(page.getByLabel("Slug", { exact: true })).toHaveValue(`nuevo-leon-sur-${id}`);
  await expectNoAxeViolations(page);
});

test("an admin creates, reorders and renames a section; old URLs redirect permanently", async ({ page, login, request }) => {
  const admin = await login({ role: "ADMIN" });
  const id = uniqueId();
  await page.goto("/admin/sections");
  await expectNoAxeViolations(page);
  await page.getByLabel("Name", { exact: true }).fill(`Border ${id}`);
  await page.getByLabel("Slug", { exact: true }).fill(`border-${id}`);
  await page.getByLabel("Description", { exact: true }).fill("Crossings and trade.");
  await page.getByRole("button", { name: "Create section" }).click();
  await expect(page.getByText(`Section “Border ${id}” was created`)).toBeVisible();
  const table = page.getByRole("table", { name: "Sections, in navigation order" });
  await expect(table.getByRole("rowheader", { name: `Border ${id}` })).toBeVisible();

  // Reorder with the keyboard: focus "Up" and press Enter.
  const names = async () => (await table.getByRole("rowheader").allTextContents()).map((n) => n.trim());
  const before = await names();
  const index = before.indexOf(`Border ${id}`);
  await page.getByRole("button", { name: `Move Border ${id} up` }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await names()).indexOf(`Border ${id}`)).toBe(index - 1);

  const section = await testDb().section.findUniqueOrThrow({ where: { slug: `border-${id}` } });
  const story = await createArchivedStory(section.id, admin.id, "section rename");
  expect((await request.get(`/border-${id}`)).status()).toBe(200);
  expect((await request.get(`/border-${id}/${story.slug}`)).status()).toBe(200);

  await table.getByRole("link", { name: `Edit Border ${id}` }).click();
  await expect(page.getByRole("heading", { name: `Edit Border ${id}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Name", { exact: true }).fill(`Frontier ${id}`);
  await page.getByLabel("Slug", { exact: true }).fill(`frontier-${id}`);
  await page.getByRole("button", { name: "Save section" }).click();
  await expect(page.getByText(`Saved. The section is at /frontier-${id}.`)).toBeVisible();
  await expect(page.getByText(`/border-${id}`)).toBeVisible(); // listed under former addresses

  const old = await request.get(`/border-${id}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers().location).toMatch(new RegExp(`/frontier-${id}$`));
  const oldArticle = await request.get(`/border-${id}/${story.slug}`, { maxRedirects: 0 });
  expect(oldArticle.status()).toBe(308);
  expect(oldArticle.headers().location).toMatch(new RegExp(`/frontier-${id}/${story.slug}$`));

  await page.goto(`/border-${id}`);
  await expect(page).toHaveURL(new RegExp(`/frontier-${id}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Frontier ${id}` })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: `Frontier ${id}` })).toBeVisible();
});

test("a reserved or taken slug is refused with a clear message", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  await page.goto("/admin/sections");
  await page.getByLabel("Name", { exact: true }).fill(`Reserved ${uniqueId()}`);
  await page.getByLabel("Slug", { exact: true }).fill("admin");
  await page.getByRole("button", { name: "Create section" }).click();
  await expect(page.getByText("That slug is used by the site itself; choose another")).toBeVisible();
  await expect(page.getByLabel("Slug", { exact: true })).toBeFocused();
  await page.getByLabel("Slug", { exact: true }).fill("news");
  await page.getByRole("button", { name: "Create section" }).click();
  await expect(page.getByText("Another section already uses this slug.")).toBeVisible();
});

test("an admin creates, renames and merges tags", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const id = uniqueId();
  await page.goto("/admin/tags");
  await expectNoAxeViolations(page);
  for (const name of [`Rainfall ${id}`, `Rain ${id}`]) {
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Create tag" }).click();
    await expect(page.getByText(`Tag “${name}” was created`)).toBeVisible();
  }
  await page.getByLabel("Search tags", { exact: true }).fill(id);
  await page.getByRole("button", { name: "Search" }).click();
  const table = page.getByRole("table", { name: "Tags" });
  await expect(table.getByRole("rowheader")).toHaveText([`Rain ${id}`, `Rainfall ${id}`]);

  await table.getByRole("link", { name: `Edit or merge Rainfall ${id}` }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("Name", { exact: true }).fill(`Rain totals ${id}`);
  await page.getByLabel("Slug", { exact: true }).fill(`rain-totals-${id}`);
  await page.getByRole("button", { name: "Save tag" }).click();
  await expect(page.getByText(`Saved. The tag is “Rain totals ${id}” at /tag/rain-totals-${id}.`)).toBeVisible();

  const rain = await testDb().tag.findUniqueOrThrow({ where: { slug: `rain-${id}` } });
  await page.getByLabel(`Merge “Rain totals ${id}” into`, { exact: true }).selectOption(rain.id);
  await page.getByRole("button", { name: "Merge tags" }).click();
  await page.waitForURL(`**/admin/tags/${rain.id}?merged=1`);
  await expect(page.getByText("The tags were merged into this one.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `/tag/rainfall-${id}` })).toBeVisible();
  expect(await testDb().tag.count({ where: { slug: { in: [`rainfall-${id}`, `rain-totals-${id}`] } } })).toBe(0);
  expect(await testDb().slugRedirect.count({ where: { entity: "TAG", targetId: rain.id } })).toBe(2);
});
