/**
 * The Content API's admin page: an admin makes a key (shown once, to copy), the key works until it is revoked, the
 * API settings are saved, and a webhook endpoint is added (its secret shown once), opened with its delivery log,
 * turned off and on and deleted. Other roles get the 403 page (e2e/security/routes-matrix.spec.ts covers every role).
 */
import { expect, test } from "../support/fixtures";
import { expectNoAxeViolations } from "../support/axe";
import { testDb } from "../support/db";
import { uniqueId } from "../support/factories";

test.describe.configure({ timeout: 120_000 });

test("an admin makes an API key, sees it once, and revoking it refuses the key's next request", async ({ page, login, request }) => {
  await login({ role: "ADMIN" });
  const name = `Partner app ${uniqueId()}`;
  await page.goto("/admin/api");
  await expect(page.getByRole("heading", { level: 1, name: "Content API" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Requests per minute").fill("120");
  await page.getByRole("checkbox", { name: "Search" }).uncheck();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText(`The key “${name}” is ready. Copy it now: it is shown only this once.`)).toBeVisible();
  const key = await page.getByLabel(`API key “${name}”`).inputValue();
  expect(key).toMatch(/^dl_[A-Za-z0-9_-]{43}$/);
  await expectNoAxeViolations(page);

  const headers = { authorization: `Bearer ${key}` };
  expect((await request.get("/api/v1/sections", { headers })).status()).toBe(200);
  expect((await request.get("/api/v1/search?q=water", { headers })).status()).toBe(403);

  await page.reload();
  const row = page.getByRole("table", { name: "API keys" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
  await expect(row).toContainText("articles, taxonomy");
  await expect(row).toContainText("120");
  await expect(row).not.toContainText("Never");
  await expect(page.getByText(key)).toHaveCount(0);

  await row.getByRole("button", { name: `Revoke the key ${name}` }).click();
  await page.getByRole("button", { name: "Yes, revoke it" }).click();
  // The row now says so, in place of its Revoke button.
  await expect(row.getByRole("cell", { name: /^Revoked / })).toBeVisible();
  await expect(row.getByRole("button", { name: `Revoke the key ${name}` })).toHaveCount(0);
  const refused = await request.get("/api/v1/sections", { headers });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
});

test("an admin saves the API settings and is told what a field needs", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  await page.goto("/admin/api");
  const rights = `Republish with credit to Dateline ${uniqueId()}.`;
  // Anonymous access stays off: other specs expect the API to need a key.
  await expect(page.getByRole("checkbox", { name: /Anyone may read the Content API without a key/ })).not.toBeChecked();
  await page.getByLabel("WebSub hub").fill("not a hub");
  await page.getByRole("button", { name: "Save API settings" }).click();
  await expect(page.getByLabel("WebSub hub")).toHaveAccessibleDescription(/Enter the hub's address, starting with https:\/\//);
  await page.getByLabel("WebSub hub").fill("");
  await page.getByLabel("Rights statement").fill(rights);
  await page.getByRole("button", { name: "Save API settings" }).click();
  await expect(page.getByText("Saved. The Content API needs a key.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Rights statement")).toHaveValue(rights);
});

test("an admin adds a webhook endpoint, sees its secret once, opens its delivery log, turns it off and on, and deletes it", async ({ page, login }) => {
  await login({ role: "ADMIN" });
  const description = `Partner CMS ${uniqueId()}`;
  // A documentation address (RFC 5737): public, so it may be saved; this spec publishes nothing to it.
  const url = `https://192.0.2.1/hooks/${uniqueId()}`;
  await page.goto("/admin/api");
  await page.getByLabel("Endpoint URL").fill("http://127.0.0.1:9/hook");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByLabel("Endpoint URL")).toHaveAccessibleDescription(/private network or this machine/);

  await page.getByLabel("Endpoint URL").fill(url);
  await page.getByLabel("Description").fill(description);
  await page.getByRole("group", { name: "Events" }).getByRole("checkbox", { name: "live_entry.posted" }).check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("The endpoint was added. Copy its signing secret now: it is shown only this once.")).toBeVisible();
  await expect(page.getByLabel(`Signing secret for ${url}`)).toHaveValue(/^whsec_[A-Za-z0-9+/]{32}$/);
  await expectNoAxeViolations(page);
  const endpoint = await testDb().webhookEndpoint.findFirstOrThrow({ where: { description } });
  expect(endpoint.events).toEqual(["article.published", "article.updated", "article.corrected", "article.unpublished", "live_entry.posted"]);

  await page.getByRole("link", { name: "Open the endpoint and its delivery log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Webhook endpoint ${url}` })).toBeVisible();
  await expect(page.getByRole("table", { name: "Deliveries, newest first" })).toHaveCount(0);
  await expect(page.getByText("Nothing sent yet.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Turn off" }).click();
  await expect(page.getByText("The endpoint is off: nothing is sent to it.")).toBeVisible();
  await page.reload();
  await expect(page.getByText(/This endpoint is off since .*: Turned off by an admin\./)).toBeVisible();
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("The endpoint is on: waiting messages go out now.")).toBeVisible();

  await page.getByRole("group", { name: "Events" }).getByRole("checkbox", { name: "article.updated" }).uncheck();
  await page.getByRole("button", { name: "Save endpoint" }).click();
  await expect(page.getByText("The endpoint was saved.")).toBeVisible();
  expect((await testDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).events).not.toContain("article.updated");

  await page.getByRole("button", { name: "Delete endpoint" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await page.waitForURL("**/admin/api?webhook=deleted");
  await expect(page.getByText("The endpoint was deleted.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Webhook endpoints" }).getByText(url)).toHaveCount(0);
});
