/**
 * Live coverage as its people see it: an editor posting from the composer on one instance (the e2e runner's second
 * `next start`, scripts/e2e.ts) while a reader has the story open on the other; the reader's stream replaying what a
 * dropped connection missed; who may post; deleted entries leaving open pages and the markup.
 */
import type { Browser, Page } from "@playwright/test";
import { createEditorArticle, DEK, FILLER, sessionUserOf } from "../support/editor-factories";
import { createTestUser, uniqueId, type TestUser } from "../support/factories";
import { expect, signIn, test } from "../support/fixtures";
import { expectNoAxeViolations } from "../support/axe";
import { testDb } from "../support/db";
import { postEntry } from "@/lib/data/live/entries";
import { documentFromParagraphs } from "@/lib/content/document";
import { SseReader } from "../../tests/support/sse";

const SECOND = `http://localhost:${process.env.E2E_SECOND_PORT}`;

// Two browsers on two servers, typing several entries each: more than the default 30 s on a busy machine (about 18 s alone, 55 s seen with the cores shared).
test.describe.configure({ timeout: 90_000 });

/** A published story by `owner`, live since a minute ago, with no entries yet. */
async function liveStory(owner: TestUser) {
  const id = uniqueId();
  const article = await createEditorArticle(owner, { headline: `Live: the river crest ${id}`, dek: DEK, paragraphs: [FILLER] });
  await testDb().article.update({
    where: { id: article.id },
    data: { status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000), isLive: true, coverageStartAt: new Date(Date.now() - 60_000) },
  });
  return { ...article, path: `/${article.sectionSlug}/${article.slug}`, composerPath: `/dashboard/articles/${article.id}/live` };
}

/** A browser signed in as `user` on `origin`. */
async function staffOn(browser: Browser, origin: string, user: TestUser) {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await page.goto("/login");
  await signIn(page, user.email, user.password);
  await page.waitForURL("**/dashboard");
  return { context, page };
}

/** Posts from the composer's box with Ctrl+Enter, and waits for the entry to be the list's `count`th. */
async function post(page: Page, count: number, entry: { title?: string; text: string; keyEvent?: boolean }) {
  const box = page.getByRole("form", { name: "New entry" });
  if (entry.title) await box.getByLabel("Title (optional)").fill(entry.title);
  if (entry.keyEvent) await box.getByLabel("Key event").check();
  const body = box.getByRole("textbox", { name: "Update" });
  await body.fill(entry.text);
  await body.press("Control+Enter");
  await expect(page.getByRole("heading", { name: `Entries (${count})` })).toBeVisible();
  await expect(box.getByRole("status")).toHaveText("Posted.");
  await expect(box.getByLabel("Title (optional)")).toHaveValue("");
}

/** The story's LiveBlogPosting, as the page's markup has it now. */
async function liveBlogPosting(page: Page, path: string) {
  const html = await (await page.request.get(path)).text();
  const scripts = [...html.matchAll(/<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!) as unknown);
  const all = scripts.flatMap((s) => (Array.isArray(s) ? s : [s])) as { "@type": string; liveBlogUpdate?: { headline: string; url: string }[]; coverageEndTime?: string }[];
  return { html, posting: all.find((item) => item["@type"] === "LiveBlogPosting") };
}

test("a reader sees entries posted on another instance behind “3 new updates”, in order, with key events and JSON-LD; ending the coverage removes LIVE", async ({ page, browser }) => {
  const owner = await createTestUser("JOURNALIST");
  const story = await liveStory(owner);
  await page.goto(story.path);
  // The story's own header (cards on the page, such as Related, have none).
  const live = page.locator("article > header").getByText("LIVE", { exact: true });
  await expect(live).toBeVisible();
  await expect(page.getByText("No updates yet.")).toBeVisible();
  // A live story is a reader document too (decision 0022): its updates come from /live.js, not React.
  expect(await page.locator('script[src^="/_next/"]').count()).toBe(0);
  await expectNoAxeViolations(page);

  const editor = await staffOn(browser, SECOND, await createTestUser("EDITOR"));
  await editor.page.goto(story.composerPath);
  await expect(editor.page.getByRole("heading", { name: `Live: ${story.headline}` })).toBeVisible();
  await post(editor.page, 1, { title: "Levee holds at dawn", text: "The east levee held through the night.", keyEvent: true });
  await post(editor.page, 2, { text: "Volunteers are filling sandbags at the school." });
  await post(editor.page, 3, { title: "Evacuation order lifted", text: "The mayor lifted the order for the north bank.", keyEvent: true });

  const more = page.getByRole("button", { name: "3 new updates" });
  await expect(more).toBeVisible({ timeout: 2_000 });
  // Nothing moved under the reader's eyes until they asked.
  await expect(page.getByText("No updates yet.")).toBeVisible();
  await more.click();
  const updates = page.getByRole("region", { name: "Updates" }).getByRole("article");
  await expect(updates).toHaveCount(3);
  await expect(updates.nth(0)).toContainText("Evacuation order lifted");
  await expect(updates.nth(1)).toContainText("Volunteers are filling sandbags");
  await expect(updates.nth(2)).toContainText("Levee holds at dawn");

  const keyEvents = page.getByRole("navigation", { name: "Key events" }).getByRole("link");
  await expect(keyEvents).toHaveCount(2);
  await keyEvents.filter({ hasText: "Levee holds at dawn" }).click();
  const levee = page.getByRole("article", { name: "Levee holds at dawn" });
  await expect(page).toHaveURL(new RegExp(`#${await levee.getAttribute("id")}$`));
  await expect(levee).toBeInViewport();
  await expectNoAxeViolations(page);

  const { posting } = await liveBlogPosting(page, story.path);
  expect(posting?.liveBlogUpdate?.map((u) => u.headline)).toEqual(["Evacuation order lifted", "Volunteers are filling sandbags at the school.", "Levee holds at dawn"]);
  expect(posting?.liveBlogUpdate?.every((u) => /#entry-[a-z0-9]+$/.test(u.url))).toBe(true);
  expect(posting?.coverageEndTime).toBeUndefined();

  await expectNoAxeViolations(editor.page);
  await editor.page.getByRole("button", { name: "End coverage" }).click();
  await expect(editor.page.getByText(/^Coverage ended \w/)).toBeVisible();
  await expect(live).toHaveCount(0);
  // The stream now says the coverage ended and closes at once, and the markup says when it ended.
  const stream = await page.request.get(`/api/live/${story.id}`);
  expect(await stream.text()).toContain("event: end");
  expect((await liveBlogPosting(page, story.path)).posting?.coverageEndTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  await page.reload();
  await expect(page.getByRole("heading", { name: story.headline })).toBeVisible();
  await expect(live).toHaveCount(0);
  await editor.context.close();
});

/** The texts of a stream's entry frames: up to `count` within `ms`, the stream closed after. */
async function entryTexts(url: string, count: number, ms: number, headers: Record<string, string> = {}) {
  const stream = new SseReader(await fetch(url, { headers }));
  const frames = await stream.next(count, ms);
  await stream.close();
  return { ids: frames.map((f) => f.id), texts: frames.map((f) => (JSON.parse(f.data) as { text: string }).text) };
}

test("a reader whose connection dropped during two posts gets both when it reconnects, once each", async () => {
  const owner = await createTestUser("JOURNALIST");
  const story = await liveStory(owner);
  const actor = await sessionUserOf(owner);
  const entry = (text: string) => ({ articleId: story.id, title: "", body: documentFromParagraphs([text]), isKeyEvent: false, isPinned: false, authorIds: [] });
  await postEntry(actor, entry("Before the drop."));

  const url = `${SECOND}/api/live/${story.id}?after=0`;
  const first = await entryTexts(url, 1, 5_000);
  expect(first.texts).toEqual(["Before the drop."]);

  // Disconnected (the stream above is closed): two posts happen meanwhile.
  await postEntry(actor, entry("During the drop, one."));
  await postEntry(actor, entry("During the drop, two."));
  // The browser reconnects with the last event it had; ask for more than two, to see that nothing comes twice.
  const again = await entryTexts(url, 3, 3_000, { "Last-Event-ID": first.ids[0]! });
  expect(again.texts).toEqual(["During the drop, one.", "During the drop, two."]);
  expect(new Set(again.ids).size).toBe(2);
});

test("a journalist who is not on the story cannot open its composer; a deleted entry leaves open pages and the markup", async ({ page, browser }) => {
  const owner = await createTestUser("JOURNALIST");
  const story = await liveStory(owner);
  const stranger = await staffOn(browser, SECOND, await createTestUser("JOURNALIST"));
  const refused = await stranger.page.goto(story.composerPath);
  expect(refused?.status()).toBe(404);
  await stranger.context.close();

  const author = await staffOn(browser, SECOND, owner);
  await author.page.goto(story.composerPath);
  await post(author.page, 1, { title: "Wrong river named", text: "This entry named the wrong river." });
  await post(author.page, 2, { title: "Crest expected at noon", text: "Forecasters expect the crest at noon." });

  await page.goto(story.path);
  const wrong = page.getByRole("article", { name: "Wrong river named" });
  await expect(wrong).toBeVisible();
  author.page.on("dialog", (dialog) => void dialog.accept());
  await author.page.getByRole("button", { name: /^Delete the entry of .*Wrong river named$/ }).click();
  await expect(author.page.getByText("Entry deleted.")).toBeVisible();

  await expect(wrong).toHaveCount(0);
  const crest = page.getByRole("article", { name: "Crest expected at noon" });
  await expect(crest).toBeVisible();

  // An edit reaches the open page in place, marked "Updated HH:MM".
  await author.page.getByRole("button", { name: /^Edit the entry of .*Crest expected at noon$/ }).click();
  const edit = author.page.getByRole("form", { name: "Edit entry" });
  await expect(edit.getByLabel("Title (optional)")).toHaveValue("Crest expected at noon");
  const body = edit.getByRole("textbox", { name: "Update" });
  await body.click();
  await body.press("End");
  await body.pressSequentially(" It may come an hour later.");
  await body.press("Control+Enter");
  await expect(author.page.getByText("Entry updated.")).toBeVisible();
  await expect(crest).toContainText("It may come an hour later.");
  await expect(crest).toContainText(/Updated \d\d:\d\d/);

  // Without JavaScript the page is the server's: every entry, no button.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(story.path);
  await expect(plain.getByRole("region", { name: "Updates" }).getByRole("article")).toHaveCount(1);
  await expect(plain.getByRole("article", { name: "Crest expected at noon" })).toContainText("It may come an hour later.");
  await noScript.close();

  // The story's own feed has the entries readers see, each linking to its anchor.
  const feed = (await (await page.request.get(`${story.path}/feed.json`)).json()) as { title: string; items: { title: string; url: string }[] };
  expect(feed.title).toMatch(/^LIVE: /);
  expect(feed.items.map((i) => i.title)).toEqual(["Crest expected at noon"]);
  expect(feed.items[0]!.url).toMatch(new RegExp(`${story.path}#entry-[a-z0-9]+$`));
  const { html, posting } = await liveBlogPosting(page, story.path);
  expect(html).not.toContain("Wrong river named");
  expect(posting?.liveBlogUpdate?.map((u) => u.headline)).toEqual(["Crest expected at noon"]);
  await author.context.close();
});
