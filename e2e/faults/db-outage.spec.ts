/**
 * The editor during a real PostgreSQL outage: the save fails visibly, the text stays on the device (the shared
 * document's copy in IndexedDB, through a reload too), and once the database is back the text is saved, without
 * restarting the app or the collaboration server.
 *
 * Runs in the "db-outage" project, after every other spec and alone (playwright.config.ts), because it stops the
 * database they all share; the runner (scripts/e2e.ts) stops and starts it through E2E_DB_CONTROL_URL.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { FILLER, createEditorArticle, readArticle } from "../support/editor-factories";
import { deviceCopyText } from "../support/device-copy";
import { uniqueId } from "../support/factories";

const control = process.env.E2E_DB_CONTROL_URL;

async function database(action: "stop" | "start") {
  const res = await fetch(`${control}/${action}`, { method: "POST" });
  if (res.status !== 204) throw new Error(`Could not ${action} PostgreSQL: ${res.status} ${await res.text()}`);
}

const savedStatus = (page: Page) => page.getByRole("status").filter({ hasText: /^Saved at/ });
const outageStatus = (page: Page) => page.getByRole("status").filter({ hasText: "Not saved: the database is not answering. Your changes are kept on this device" });

async function typeAtEnd(page: Page, text: string) {
  const body = page.getByRole("textbox", { name: "Body" });
  await body.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
}

test("while PostgreSQL is down the editor shows the save failing and keeps the text on the device; once it is back the text is saved", async ({ page, login }) => {
  test.skip(!control, "Needs the runner's own embedded PostgreSQL (not TEST_DATABASE_URL)");
  test.setTimeout(90_000);
  const editor = await login({ role: "EDITOR" });
  const article = await createEditorArticle(editor, { headline: `Outage drill ${uniqueId()}`, paragraphs: [FILLER] });
  await page.goto(article.editorPath);
  await typeAtEnd(page, " Before the outage.");
  await expect(savedStatus(page)).toBeVisible();

  const duringFirst = ` Typed while the database was down ${uniqueId()}.`;
  const duringSecond = ` Typed during the second outage ${uniqueId()}.`;
  let stopped = false;
  try {
    // 1. The page stays open: the save fails visibly, the text is kept here, and the retry saves it once it is back.
    await database("stop");
    stopped = true;
    await typeAtEnd(page, duringFirst);
    await expect(outageStatus(page)).toBeVisible();
    expect(await deviceCopyText(page, article.id)).toContain(duringFirst.trim());
    await database("start");
    stopped = false;
    await expect(savedStatus(page)).toBeVisible({ timeout: 15_000 });
    expect((await readArticle(article.id)).bodyText).toContain(duringFirst.trim());

    // 2. The page is reloaded during the outage (it cannot load), and again after: the text comes back and is saved.
    await database("stop");
    stopped = true;
    await typeAtEnd(page, duringSecond);
    await expect(outageStatus(page)).toBeVisible();
    expect(await deviceCopyText(page, article.id)).toContain(duringSecond.trim());
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Body" })).toHaveCount(0);
    await database("start");
    stopped = false;
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Body" })).toContainText(duringSecond.trim());
    await expect(savedStatus(page)).toBeVisible({ timeout: 15_000 });
    const saved = await readArticle(article.id);
    expect(saved.bodyText).toContain(duringFirst.trim());
    expect(saved.bodyText).toContain(duringSecond.trim());
  } finally {
    if (stopped) await database("start");
  }
});
