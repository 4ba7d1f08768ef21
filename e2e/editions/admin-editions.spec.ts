/**
 * Language editions as admins manage them (docs/decisions/0033-editions-admin.md): the editions screen, a section's
 * and a tag's names in the Spanish edition, and "New article" in a chosen edition. The seeded Spanish edition is
 * shared with the specs running beside this one, so its settings, access and existence are only ever refused a
 * change here (a bad locale, a delete while it has articles); opening and closing editions is tested in
 * tests/data/editions-admin.test.ts, on editions of its own.
 */
import { expect, test } from "../support/fixtures";
import { expectNoAxeViolations } from "../support/axe";
import { uniqueId } from "../support/factories";
import { testDb } from "../support/db";

test.describe.configure({ timeout: 120_000 });

const spanishRow = () => testDb().languageEdition.findUniqueOrThrow({ where: { id: "es" } });

test("the editions screen lists each edition; a bad locale and deleting an edition with articles are refused clearly", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const before = await spanishRow();
  const defaultEdition = await testDb().languageEdition.findFirstOrThrow({ where: { isDefault: true } });

  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Editions" }).click();
  await expect(page).toHaveURL(/\/admin\/editions$/);
  await expect(page.getByRole("heading", { level: 1, name: "Language editions" })).toBeVisible();
  await expect(page.getByText(/another default would move every address of the site/)).toBeVisible();
  const table = page.getByRole("table", { name: "Language editions" });
  const english = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "English (en)" }) });
  await expect(english.getByRole("cell")).toContainText([defaultEdition.name, defaultEdition.locale, "English (stemming)", "Default", "First", "Open at /"]);
  await expect(english.getByText("Not changed here")).toBeVisible();
  const spanish = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Spanish (es)" }) });
  // (Its number of articles moves while other specs write Spanish stories.)
  await expect(spanish.getByRole("cell")).toContainText(["Español", before.locale, "Spanish (stemming, accents ignored)", "No", String(before.position), "Open at /es"]);
  // Spanish already has its edition, and no other language ships with reader text: nothing to add.
  await expect(page.getByRole("region", { name: "Add an edition" })).toContainText("Every language Dateline has reader text for has an edition.");
  await expectNoAxeViolations(page);

  await spanish.getByRole("link", { name: "Manage Spanish" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Spanish edition: Español" })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(before.name);
  await expect(page.getByLabel("Search", { exact: true })).toHaveValue("spanish");
  await expect(page.getByRole("button", { name: "Close to readers" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Locale", { exact: true }).fill("not a locale!");
  await page.getByRole("button", { name: "Save edition" }).click();
  await expect(page.getByLabel("Locale", { exact: true })).toHaveAccessibleDescription(/That is not a locale this server knows/);
  await expect(page.getByLabel("Locale", { exact: true })).toBeFocused();

  await page.getByRole("button", { name: "Delete edition" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page.getByRole("region", { name: "Delete this edition" }).getByRole("alert")).toContainText(/This edition has \d+ articles: delete or move them first/);
  expect(await spanishRow()).toEqual(before);
});

test("an admin names a section in Spanish: the Spanish edition shows it there; a taken slug is refused; removed, the default name is back", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const id = uniqueId();
  const section = await testDb().section.create({ data: { name: `Money ${id}`, slug: `money-${id}`, position: 900 } });
  await page.goto(`/admin/sections/${section.id}`);
  const panel = page.getByRole("region", { name: "In Español" });
  await expect(panel).toContainText(`Not named yet: this edition shows “Money ${id}” at /es/money-${id}.`);

  // "negocios" is the seeded Business section's Spanish slug.
  await panel.getByLabel("Name in Español").fill(`Dinero ${id}`);
  await panel.getByLabel("Slug in Español").fill("negocios");
  await panel.getByLabel("Description in Español").fill("Finanzas personales.");
  await panel.getByRole("button", { name: "Save Español name" }).click();
  await expect(panel.getByLabel("Slug in Español")).toHaveAccessibleDescription(/Another section already uses this slug in Español/);
  expect(await testDb().sectionTranslation.count({ where: { sectionId: section.id } })).toBe(0);

  await panel.getByLabel("Slug in Español").fill(`dinero-${id}`);
  await panel.getByRole("button", { name: "Save Español name" }).click();
  await expect(panel.getByRole("status")).toHaveText(`Saved. In this edition the section is “Dinero ${id}” at /es/dinero-${id}.`);
  await expect(panel).toContainText(`Readers see “Dinero ${id}” at /es/dinero-${id}.`);
  await expectNoAxeViolations(page);

  await page.goto(`/es/dinero-${id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Dinero ${id}` })).toBeVisible();
  await expect(page.getByText("Finanzas personales.")).toBeVisible();

  await page.goto(`/admin/sections/${section.id}`);
  await panel.getByRole("button", { name: "Remove Español name" }).click();
  await expect(panel.getByRole("status")).toHaveText("Removed: this edition shows the section's default name and slug.");
  await expect(panel.getByLabel("Name in Español")).toHaveValue("");
  expect(await testDb().sectionTranslation.count({ where: { sectionId: section.id } })).toBe(0);
  // The cached Spanish page of the removed slug is expired with the names: it leads (308) to the default slug.
  await expect
    .poll(async () => {
      const response = await page.request.get(`/es/dinero-${id}`, { maxRedirects: 0 });
      return `${response.status()} ${response.headers().location ?? ""}`;
    }, { timeout: 10_000 })
    .toBe(`308 /es/money-${id}`);
  await page.goto(`/es/dinero-${id}`);
  await expect(page).toHaveURL(new RegExp(`/es/money-${id}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Money ${id}` })).toBeVisible();
});

test("an admin names a tag in Spanish, and an empty name is refused", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const id = uniqueId();
  const tag = await testDb().tag.create({ data: { name: `Water ${id}`, slug: `water-${id}` } });
  await page.goto(`/admin/tags/${tag.id}`);
  const panel = page.getByRole("region", { name: "In Español" });
  await panel.getByLabel("Slug in Español").fill(`agua-${id}`);
  await panel.getByRole("button", { name: "Save Español name" }).click();
  await expect(panel.getByLabel("Name in Español")).toHaveAccessibleDescription(/Enter the name in this edition's language/);

  await panel.getByLabel("Name in Español").fill(`Agua ${id}`);
  await panel.getByRole("button", { name: "Save Español name" }).click();
  await expect(panel.getByRole("status")).toHaveText(`Saved. In this edition the tag is “Agua ${id}” at /es/tag/agua-${id}.`);
  expect(await testDb().tagTranslation.findMany({ where: { tagId: tag.id }, select: { editionId: true, name: true, slug: true } })).toEqual([
    { editionId: "es", name: `Agua ${id}`, slug: `agua-${id}` },
  ]);
  await page.reload();
  await expect(panel.getByLabel("Name in Español")).toHaveValue(`Agua ${id}`);
  await expectNoAxeViolations(page);
});

test("a journalist starts a story in the Spanish edition; the article list says each story's edition", async ({ page, login }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const edition = page.getByLabel("Edition", { exact: true });
  await expect(edition).toHaveValue("en");
  await expect(edition.getByRole("option")).toContainText(["English", "Español"]);
  await expectNoAxeViolations(page);

  await edition.selectOption({ label: "Español" });
  await page.getByRole("button", { name: "New article" }).click();
  await page.waitForURL(/\/dashboard\/articles\/[^/]+$/);
  const id = page.url().split("/").at(-1)!;
  expect(await testDb().article.findUniqueOrThrow({ where: { id }, select: { editionId: true, searchConfig: true, createdById: true } })).toEqual({
    editionId: "es",
    searchConfig: "spanish",
    createdById: journalist.id,
  });
  await expect(page.getByText("Edition: Español")).toBeVisible();

  // Headlined, so it is no blank draft that leaving the editor would remove.
  const headline = `Historia ${uniqueId()}`;
  await page.getByLabel("Headline").fill(headline);
  await expect(page.getByRole("status").filter({ hasText: /^Saved at/ })).toBeVisible();
  await page.getByRole("link", { name: "Articles" }).click();
  await page.waitForURL("**/dashboard");
  const table = page.getByRole("table", { name: "Your articles" });
  await expect(table.getByRole("columnheader", { name: "Edition" })).toBeVisible();
  await expect(table.getByRole("row").filter({ has: page.getByRole("link", { name: headline, exact: true }) }).getByRole("cell", { name: "Español" })).toBeVisible();
});
