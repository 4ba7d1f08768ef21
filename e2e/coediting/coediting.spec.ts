/**
 * Co-editing across two app instances (./topology.ts: two production Next servers, each with its collaboration
 * server, sharing documents through Redis; each browser context's pages and socket on "its" instance): several people typing at once converge with every character, an
 * instance killed mid-session loses nothing, a writer offline for 10 s catches up, a journalist who is not an author
 * is refused and a deactivated writer is disconnected, and publishing during a session publishes what everyone sees.
 */
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { documentName } from "@/lib/collab/content";
import { openNodeEditor, sessionCookie } from "@/scripts/lib/collab-client";
import { createEditorArticle, DEK, FILLER, readArticle } from "../support/editor-factories";
import { testDb } from "../support/db";
import { createTestUser, uniqueId, type TestUser } from "../support/factories";
import { expect, test } from "../support/fixtures";
import { startTopology, type InstanceName, type Topology } from "./topology";

// One topology for the file: its tests run in order, each with its own article and people.
test.describe.configure({ mode: "serial", timeout: 180_000 });

let topology: Topology;
test.beforeAll(async () => {
  topology = await startTopology();
});
test.afterAll(async () => {
  await topology?.stop();
});

type Writer = { user: TestUser; context: BrowserContext; page: Page };

/** Someone signed in in a browser context of their own, whose co-editing socket reaches `instance`. */
async function writerOn(browser: Browser, user: TestUser, instance: InstanceName, path: string): Promise<Writer> {
  const context = await topology.contextOn(browser, user, instance);
  const page = await context.newPage();
  await page.goto(path);
  await expect(bodyOf(page)).toHaveAttribute("contenteditable", "true");
  return { user, context, page };
}

const bodyOf = (page: Page) => page.getByRole("textbox", { name: "Body" });

/** The body's text as its writer sees it, paragraph by paragraph, without the others' caret labels. */
function bodyText(page: Page): Promise<string> {
  return bodyOf(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return [...copy.children].map((block) => block.textContent ?? "").join("\n");
  });
}

/** Everything a writer sees of the shared document. */
async function seen(page: Page) {
  return { body: await bodyText(page), headline: await page.getByLabel("Headline").inputValue(), dek: await page.getByLabel("Dek").inputValue() };
}

/** Types words (`<prefix><n> `) for `ms`, at a person's pace; returns what was typed. */
async function typeFor(page: Page, prefix: string, ms: number): Promise<string> {
  let typed = "";
  const end = Date.now() + ms;
  for (let n = 0; Date.now() < end; n++) {
    const word = `${prefix}${n} `;
    await page.keyboard.type(word, { delay: 35 });
    typed += word;
  }
  return typed;
}

async function caretAt(page: Page, where: "start" | "end", paragraph = 0) {
  await bodyOf(page).locator("p").nth(paragraph).click();
  await page.keyboard.press(where === "start" ? "ControlOrMeta+Home" : "End");
}

/** Every character of each run is there, each run in one piece, and nothing else. */
const holdsExactly = (text: string, runs: string[]) => runs.every((run) => text.includes(run)) && text.length === runs.reduce((sum, run) => sum + run.length, 0);

/** Two editors on one paragraph, on the given instances: the first at its start, the second at its end. */
async function pairOn(browser: Browser, instances: [InstanceName, InstanceName], headline: string, paragraph: string) {
  const [one, two] = [await createTestUser("EDITOR"), await createTestUser("EDITOR")];
  const article = await createEditorArticle(one, { headline: `${headline} ${uniqueId()}`, paragraphs: [paragraph] });
  const a = await writerOn(browser, one, instances[0], article.editorPath);
  const b = await writerOn(browser, two, instances[1], article.editorPath);
  await caretAt(a.page, "start");
  await caretAt(b.page, "end");
  return { article, a, b };
}

/** Both end with the same text: the paragraph and each one's typing, every character; and the article stores it. */
async function expectConverged(article: { id: string }, writers: [Writer, Writer], runs: string[]) {
  for (const { page } of writers) await expect.poll(async () => holdsExactly(await bodyText(page), runs), { timeout: 30_000 }).toBe(true);
  expect(await bodyText(writers[1].page)).toBe(await bodyText(writers[0].page));
  await savedEverywhere(writers);
  expect((await readArticle(article.id)).bodyText).toBe((await bodyText(writers[0].page)).trim());
}

const savedEverywhere = async (writers: Writer[]) => {
  for (const { page } of writers) await expect(page.getByRole("status").filter({ hasText: /^Saved at/ })).toBeVisible({ timeout: 30_000 });
};

test("three writers on two instances type at once for 30 s, in one paragraph and in other fields: all end with the same document holding every character, and see each other's carets", async ({ browser }) => {
  const [one, two, three] = [await createTestUser("JOURNALIST"), await createTestUser("JOURNALIST"), await createTestUser("EDITOR")];
  const article = await createEditorArticle(one, { headline: `Flood ${uniqueId()}`, paragraphs: ["The river rose.", "Second paragraph."] });
  await testDb().articleAuthor.create({ data: { articleId: article.id, userId: two.id, position: 1 } });
  const writers = [await writerOn(browser, one, "A", article.editorPath), await writerOn(browser, two, "B", article.editorPath), await writerOn(browser, three, "B", article.editorPath)];
  const [a, b, c] = writers as [Writer, Writer, Writer];

  // One at the start and one at the end of the same paragraph; the third in the dek, then the headline.
  await caretAt(a.page, "start");
  await caretAt(b.page, "end");
  const [typedA, typedB, typedC] = await Promise.all([
    typeFor(a.page, "ana", 30_000),
    typeFor(b.page, "ben", 30_000),
    (async () => {
      await c.page.getByLabel("Dek").click();
      const dek = await typeFor(c.page, "dek", 15_000);
      await c.page.getByLabel("Headline").press("End");
      return { dek, headline: await typeFor(c.page, " head", 15_000) };
    })(),
  ]);
  await caretAt(c.page, "end", 1);

  // Every character each typed, each person's words in their order: the paragraph is the three runs and nothing else.
  const holdsEverything = (paragraph: string) => holdsExactly(paragraph, [typedA, "The river rose.", typedB]);
  const headline = `${article.headline}${typedC.headline}`;
  for (const { page } of writers) {
    await expect.poll(async () => holdsEverything((await bodyText(page)).split("\n")[0] ?? ""), { timeout: 30_000 }).toBe(true);
    await expect(page.getByLabel("Dek")).toHaveValue(typedC.dek);
    await expect(page.getByLabel("Headline")).toHaveValue(headline);
  }
  const documents = await Promise.all(writers.map(({ page }) => seen(page)));
  expect(documents[1]).toEqual(documents[0]);
  expect(documents[2]).toEqual(documents[0]);

  // Each sees the other two's named carets in the body.
  for (const writer of writers) {
    for (const other of writers.filter((w) => w !== writer)) await expect(bodyOf(writer.page).locator(".collaboration-carets__label", { hasText: other.user.name })).toBeVisible();
  }
  await savedEverywhere(writers);
  const stored = await readArticle(article.id);
  for (const run of [typedA.trim(), typedB.trim()]) expect(stored.bodyText).toContain(run);
  expect(stored.bodyText.startsWith(documents[0]!.body.split("\n")[0]!.trim())).toBe(true);
  expect(stored.headline).toBe(headline.trim());
  expect(stored.dek).toBe(typedC.dek.trim());
  for (const writer of writers) await writer.context.close();
});

test("an instance killed mid-session: its writers go on through the other one and nothing is lost", async ({ browser }) => {
  const { article, a, b } = await pairOn(browser, ["A", "B"], "Power cut", "Lights went out at nine.");
  const [typedA, typedB] = await Promise.all([
    typeFor(a.page, "amy", 12_000),
    (async () => {
      const before = await typeFor(b.page, "bob", 4_000);
      await topology.kill("B");
      return before + (await typeFor(b.page, "bot", 8_000));
    })(),
  ]);
  await expectConverged(article, [a, b], [typedA, "Lights went out at nine.", typedB]);
  expect((await topology.health("A")).connections).toBeGreaterThanOrEqual(2);
  for (const writer of [a, b]) await writer.context.close();
  await topology.restart("B");
});

test("a writer offline for 10 s keeps typing; once back, everyone converges and nothing is lost", async ({ browser }) => {
  const { article, a, b } = await pairOn(browser, ["A", "A"], "Heat wave", "Pools open late.");
  await b.context.setOffline(true);
  const [typedA, typedB] = await Promise.all([typeFor(a.page, "ada", 10_000), typeFor(b.page, "off", 10_000)]);
  await expect(b.page.getByRole("status").filter({ hasText: "Offline — your changes are kept on this device" })).toBeVisible();
  // Nothing of the offline writer's reached the others meanwhile.
  expect(await bodyText(a.page)).not.toContain("off0");
  await b.context.setOffline(false);
  await expectConverged(article, [a, b], [typedA, "Pools open late.", typedB]);
  for (const writer of [a, b]) await writer.context.close();
});

test("a journalist who is not an author is refused (and audited); a writer deactivated mid-session is disconnected within seconds and cannot write", async ({ browser }) => {
  const [author, outsider, colleague] = [await createTestUser("JOURNALIST"), await createTestUser("JOURNALIST"), await createTestUser("EDITOR")];
  const article = await createEditorArticle(author, { headline: `Zoo ${uniqueId()}`, paragraphs: ["The zoo reopens."] });

  // The outsider's own valid session, straight at a collaboration server (the editor page is a 404 for them).
  const { sessionVersion } = await testDb().user.findUniqueOrThrow({ where: { id: outsider.id }, select: { sessionVersion: true } });
  const cookie = await sessionCookie(outsider, sessionVersion, process.env.AUTH_SECRET ?? "");
  const intruder = openNodeEditor(`ws://127.0.0.1:${topology.port("A")}/collab`, documentName({ articleId: article.id, target: "live" }), cookie);
  await expect(intruder.ready).rejects.toThrow("not-an-author");
  intruder.destroy();
  await expect.poll(() => testDb().auditLog.count({ where: { action: "article.coedit_refused", targetId: article.id, actorId: outsider.id } })).toBe(1);

  const writer = await writerOn(browser, author, "A", article.editorPath);
  const desk = await writerOn(browser, colleague, "B", article.editorPath);
  await caretAt(writer.page, "end");
  await writer.page.keyboard.type(" Before.");
  await expect(bodyOf(desk.page)).toContainText("The zoo reopens. Before.");
  await testDb().user.update({ where: { id: author.id }, data: { status: "DEACTIVATED" } });
  await expect(writer.page.getByRole("status").filter({ hasText: "Your session has ended" })).toBeVisible({ timeout: 5_000 });
  await expect(bodyOf(writer.page)).toHaveAttribute("contenteditable", "false");
  await writer.page.keyboard.type(" After.");
  await desk.page.waitForTimeout(2_000);
  expect(await bodyText(desk.page)).toBe("The zoo reopens. Before.");
  await expect(desk.page.getByRole("status").filter({ hasText: `${author.name} is editing this article` })).toHaveCount(0);
  expect((await readArticle(article.id)).bodyText).not.toContain("After.");
  for (const each of [writer, desk]) await each.context.close();
});

test("publishing during a session publishes what everyone sees at that moment", async ({ browser }) => {
  const [reporter, editor] = [await createTestUser("JOURNALIST"), await createTestUser("EDITOR")];
  const headline = `Ferry strike ${uniqueId()}`;
  const article = await createEditorArticle(reporter, { headline, paragraphs: [FILLER], dek: DEK, datelineCity: "Veracruz" });
  const writer = await writerOn(browser, reporter, "B", article.editorPath);
  const desk = await writerOn(browser, editor, "A", article.editorPath);
  await bodyOf(writer.page).click();
  await writer.page.keyboard.press("ControlOrMeta+End");
  await writer.page.keyboard.type(" Talks resume at noon.");
  // The desk publishes as soon as the sentence shows, before the debounced store would have run.
  await expect(bodyOf(desk.page)).toContainText("Talks resume at noon.");
  await desk.page.getByRole("region", { name: "Status", exact: true }).getByRole("button", { name: "Publish", exact: true }).click();
  await expect(desk.page.getByRole("region", { name: "Status", exact: true }).getByText("Published", { exact: true })).toBeVisible();
  const stored = await readArticle(article.id);
  expect(stored.status).toBe("PUBLISHED");
  expect(stored.bodyText).toBe(`${FILLER} Talks resume at noon.`);

  const reader = await browser.newPage();
  await reader.goto(`/news/${stored.slug}`);
  await expect(reader.getByRole("main")).toContainText("Talks resume at noon.");
  await reader.close();
  for (const each of [writer, desk]) await each.context.close();
});
