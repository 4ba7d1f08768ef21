/**
 * Writing in the editor (issue 21): the caret and focused fields stay clear of the sticky save bar, Ctrl+S saves,
 * Ctrl+K makes a link with its own text, every shortcut the "Shortcuts" list shows works, and lists pasted from Word
 * stay lists.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe";
import { testDb } from "../support/db";
import { createEditorArticle, DEK, FILLER } from "../support/editor-factories";
import { uniqueId, type TestUser } from "../support/factories";
import { expect, test } from "../support/fixtures";

test.describe.configure({ timeout: 120_000 });

const bodyOf = (page: Page) => page.getByRole("textbox", { name: "Body" });
const saveButton = (page: Page) => page.getByRole("button", { name: "Save", exact: true });
const saveBar = (page: Page) => saveButton(page).locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' sticky ')][1]");
const expectSaved = (page: Page) => expect(page.getByRole("status").filter({ hasText: /^Saved at/ })).toBeVisible();
const manualRevisions = (articleId: string) => testDb().revision.count({ where: { articleId, kind: "MANUAL" } });

/** Where the text caret is on screen: the DOM selection's client rect (on an empty line, which has none, the line's). */
async function caretRect(page: Page) {
  return page.evaluate(() => {
    const selection = window.getSelection()!;
    const range = selection.getRangeAt(0);
    const rects = range.getClientRects();
    let rect = rects.length > 0 ? rects[rects.length - 1]! : range.getBoundingClientRect();
    if (rect.height === 0) {
      const node = selection.focusNode!;
      rect = (node instanceof Element ? node : node.parentElement!).getBoundingClientRect();
    }
    return { top: rect.top, bottom: rect.bottom, height: rect.height };
  });
}

/** The caret is on screen and above the save bar. */
async function expectCaretAboveBar(page: Page, when: string) {
  const caret = await caretRect(page);
  expect(caret.height, `${when}: the caret has a position`).toBeGreaterThan(0);
  expect(caret.bottom, `${when}: the caret is above the save bar`).toBeLessThanOrEqual(await topOf(page));
  expect(caret.top, `${when}: the caret is on screen`).toBeGreaterThanOrEqual(0);
}

const topOf = async (page: Page) => (await saveBar(page).boundingBox())!.y;

type Login = (options: { role: "JOURNALIST" }) => Promise<TestUser>;

/** A new journalist's article of one paragraph, open in the editor with the caret at the end of it. */
async function openAtEnd(page: Page, login: Login, headline: string, paragraph: string) {
  const article = await createEditorArticle(await login({ role: "JOURNALIST" }), { headline: `${headline} ${uniqueId()}`, paragraphs: [paragraph] });
  await page.goto(article.editorPath);
  const body = bodyOf(page);
  await expect(body).toContainText(paragraph);
  // The body is read-only until the shared document has come from the server.
  await expect(body).toHaveAttribute("contenteditable", "true");
  await body.click();
  await page.keyboard.press("ControlOrMeta+End");
  return { article, body };
}

test("typing at the end of a 2,000-word story keeps the caret above the save bar, and a focused field near the bottom is not covered", async ({ page, login }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const article = await createEditorArticle(journalist, { headline: `The long read ${uniqueId()}`, paragraphs: Array.from({ length: 38 }, () => FILLER), dek: DEK });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(article.editorPath);
  await expect(page.getByText(/^2,0\d\d words/)).toBeVisible();

  // The body is read-only until the shared document has come from the server.

  await expect(bodyOf(page)).toHaveAttribute("contenteditable", "true");

  await bodyOf(page).click();
  await page.keyboard.press("ControlOrMeta+End");
  await expectCaretAboveBar(page, "at the end");
  for (let line = 1; line <= 6; line++) {
    await page.keyboard.press("Enter");
    await expectCaretAboveBar(page, `new line ${line}`);
    await page.keyboard.type(`Line ${line} typed at the end of the story.`);
    await expectCaretAboveBar(page, `line ${line} typed`);
  }

  // The SEO description sits just above the bar's place in the form: scroll it under the stuck bar, then move to it.
  const field = page.getByLabel("SEO description");
  const seoTitle = page.getByLabel("SEO title");
  await field.evaluate((element) => {
    const { bottom } = element.getBoundingClientRect();
    window.scrollBy(0, bottom - (window.innerHeight - 10));
  });
  const covered = (await field.boundingBox())!;
  expect(covered.y + covered.height, "the field starts under the bar").toBeGreaterThan(await topOf(page));
  await seoTitle.evaluate((element: HTMLElement) => element.focus({ preventScroll: true }));
  await page.keyboard.press("Tab");
  await expect(field).toBeFocused();
  await page.keyboard.type("Typed into a field near the bottom.");
  const box = (await field.boundingBox())!;
  expect(box.y + box.height, "the focused field is above the save bar").toBeLessThanOrEqual(await topOf(page));
});

test("Ctrl+S and ⌘S save at once from the fields and the body, instead of the browser's save dialog", async ({ page, login }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const article = await createEditorArticle(journalist, { headline: `Saving by keyboard ${uniqueId()}`, paragraphs: ["The first paragraph."] });
  await page.goto(article.editorPath);
  await expect(bodyOf(page)).toContainText("The first paragraph.");
  // Whether the page kept the key from the browser, seen after every other listener.
  await page.evaluate(() => window.addEventListener("keydown", (event) => ((window as unknown as { keptS: boolean }).keptS = event.key === "s" && event.defaultPrevented)));
  const kept = () => page.evaluate(() => (window as unknown as { keptS: boolean }).keptS);

  await page.getByLabel("Dek").fill("A dek written before saving by keyboard.");
  await page.keyboard.press("Control+s");
  await expectSaved(page);
  expect(await kept()).toBe(true);
  await expect.poll(() => manualRevisions(article.id)).toBe(1);
  expect((await testDb().article.findUniqueOrThrow({ where: { id: article.id } })).dek).toBe("A dek written before saving by keyboard.");

  // The body is read-only until the shared document has come from the server.

  await expect(bodyOf(page)).toHaveAttribute("contenteditable", "true");

  await bodyOf(page).click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" More words.");
  await page.keyboard.press("Meta+s");
  expect(await kept()).toBe(true);
  await expect.poll(() => manualRevisions(article.id)).toBe(2);
  await expect.poll(async () => (await testDb().article.findUniqueOrThrow({ where: { id: article.id } })).bodyText).toContain("More words.");
});

test("Ctrl+K opens the link panel; with nothing selected the link gets its own text, or its address", async ({ page, login }) => {
  const { body } = await openAtEnd(page, login, "Links by keyboard", "Read the council's plan.");
  await page.keyboard.type(" Details are in ");

  await page.keyboard.press("ControlOrMeta+k");
  const panel = page.getByRole("group", { name: "Link" });
  await expect(panel.getByLabel("Link URL")).toBeFocused();
  await panel.getByLabel("Link text").fill("the full report");
  await panel.getByLabel("Link URL").fill("https://example.org/water-report");
  await expectNoAxeViolations(page);
  await page.keyboard.press("Enter");
  await expect(panel).toHaveCount(0);
  await expect(body.getByRole("link", { name: "the full report" })).toHaveAttribute("href", "https://example.org/water-report");

  await page.keyboard.type("and ");
  await page.keyboard.press("ControlOrMeta+k");
  await panel.getByLabel("Link URL").fill("https://example.org/annex");
  await panel.getByRole("button", { name: "Apply link" }).click();
  await expect(body.getByRole("link", { name: "https://example.org/annex" })).toHaveAttribute("href", "https://example.org/annex");

  // A selection becomes the link's text: no text box then.
  await body.locator("p").first().dblclick({ position: { x: 12, y: 10 } });
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString().trim())).toBe("Read");
  await page.keyboard.press("ControlOrMeta+k");
  await expect(panel.getByLabel("Link URL")).toBeFocused();
  await expect(panel.getByLabel("Link text")).toHaveCount(0);
  await panel.getByLabel("Link URL").fill("/news/council-plan");
  await page.keyboard.press("Enter");
  await expect(body.getByRole("link", { name: "Read", exact: true })).toHaveAttribute("href", "/news/council-plan");
});

test("every shortcut the Shortcuts list shows does what it says", async ({ page, login }) => {
  const { article, body } = await openAtEnd(page, login, "Shortcuts", "Start.");

  await page.getByText("Shortcuts", { exact: true }).click();
  const list = page.locator("details", { has: page.getByText("Shortcuts", { exact: true }) });
  const items = await list.getByRole("listitem").evaluateAll((lis) => lis.map((li) => ({ keys: li.querySelector("kbd")!.textContent!, text: li.textContent! })));
  expect(items.length).toBeGreaterThanOrEqual(12);
  await expectNoAxeViolations(page);

  const fresh = async () => {
    // The body is read-only until the shared document has come from the server.
    await expect(body).toHaveAttribute("contenteditable", "true");
    await body.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
  };
  // What each shortcut makes in the body: the test fails on one it does not know.
  const markdown: Record<string, string> = {
    "Heading 2": "h2",
    "Heading 3": "h3",
    "Bulleted list": "ul > li",
    "Numbered list": "ol > li",
    Quote: "blockquote",
    "Horizontal rule": "hr",
    Bold: "strong",
    Italic: "em",
  };
  for (const { keys, text } of items) {
    const does = text.slice(text.lastIndexOf(": ") + 2);
    await test.step(`${keys}: ${does}`, async () => {
      await fresh();
      const key = keys.replace(/^Ctrl\+/, "ControlOrMeta+").replace(/[A-Z]$/, (letter) => letter.toLowerCase());
      if (keys.startsWith("Ctrl+")) {
        switch (does) {
          case "Save now":
            await page.keyboard.type("Saved by its shortcut.");
            await page.keyboard.press(key);
            await expect.poll(() => manualRevisions(article.id)).toBeGreaterThan(0);
            return;
          case "Bold":
          case "Italic":
            await page.keyboard.press(key);
            await page.keyboard.type("styled");
            await expect(body.locator(markdown[does]!)).toHaveText("styled");
            return;
          case "Link":
            await page.keyboard.press(key);
            await expect(page.getByRole("group", { name: "Link" }).getByLabel("Link URL")).toBeFocused();
            await page.keyboard.press("Escape");
            return;
          case "Undo":
          case "Redo":
            await page.keyboard.type("Undone words");
            await page.keyboard.press("ControlOrMeta+z");
            await expect(body).not.toContainText("Undone words");
            if (does === "Redo") {
              await page.keyboard.press(key);
              await expect(body).toContainText("Undone words");
            }
            return;
          default:
            throw new Error(`The test does not know the key shortcut "${keys}: ${does}"`);
        }
      }
      const selector = markdown[does];
      if (!selector) throw new Error(`The test does not know the Markdown shortcut "${keys}: ${does}"`);
      const typed = text.includes(" then a space") ? `${keys} ` : keys;
      await page.keyboard.type(typed === "**bold**" || typed === "*italic*" ? `Some ${typed}` : typed);
      if (selector !== "hr") await page.keyboard.type(selector === "strong" || selector === "em" ? " after" : "Made by the shortcut");
      await expect(body.locator(selector).first()).toBeVisible();
      if (selector === "strong" || selector === "em") await expect(body.locator(selector)).toHaveText(keys.replaceAll("*", ""));
      else if (selector !== "hr") await expect(body.locator(selector)).toHaveText("Made by the shortcut");
      await expect(body).not.toContainText(keys.trim());
    });
  }
});

test("a list pasted from Word stays a list, nested and numbered as in Word, and is saved as one", async ({ page, login }) => {
  const { article, body } = await openAtEnd(page, login, "Pasted from Word", "Before the paste.");
  await page.keyboard.press("Enter");

  const html = readFileSync(path.resolve("e2e/fixtures/word-lists.html"), "utf8");
  await page.evaluate((clipboard) => {
    const data = new DataTransfer();
    data.setData("text/html", clipboard);
    data.setData("text/plain", "The river plan");
    document.getElementById("field-body")!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);

  const bullets = body.locator(":scope > ul");
  await expect(bullets.locator(":scope > li > p")).toHaveText(["Dredging the lower channel before the spring floods", "Raising the levee at two places", "A warning siren for the east bank"]);
  await expect(bullets.locator("strong")).toHaveText("spring floods");
  await expect(bullets.locator(":scope > li > ul > li")).toHaveText(["Below the old mill", "Along the school playing fields"]);
  const numbers = body.locator(":scope > ol");
  await expect(numbers.locator(":scope > li > p")).toHaveText(["Surveys of the riverbed in March", "Dredging from May to July", "The levee and the siren by October"]);
  await expect(numbers.locator(":scope > li > ol > li")).toHaveText(["Soundings from the footbridge", "Core samples near the weir"]);
  await expect(body).not.toContainText("·");
  await expect(body.getByText("Residents can comment until the end of the month.")).toBeVisible();

  await page.keyboard.press("ControlOrMeta+s");
  await expectSaved(page);
  const stored = await testDb().article.findUniqueOrThrow({ where: { id: article.id }, select: { bodyHtml: true } });
  expect(stored.bodyHtml).toContain("<ul><li><p>Dredging the lower channel before the <strong>spring floods</strong></p></li><li><p>Raising the levee at two places</p><ul><li><p>Below the old mill</p></li>");
  expect(stored.bodyHtml).toContain("<ol><li><p>Surveys of the riverbed in March</p><ol><li><p>Soundings from the footbridge</p></li>");
});
