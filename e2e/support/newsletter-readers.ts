/**
 * The newsletter specs' reader: a browser without JavaScript (the forms are plain posts), each from an address of its
 * own (the sign-up limits count per client), and axe on a page opened in a browser with JavaScript.
 */
import type { Browser, Page } from "@playwright/test";
import { uniqueAddress } from "./admin-helpers";
import { expectNoAxeViolations } from "./axe";

export async function readerWithoutJavaScript(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } });
  return { page: await context.newPage(), close: () => context.close() };
}

/** axe on `path`, opened in `page` (a browser with JavaScript); the pages only read on GET. */
export async function axeAt(page: Page, path: string) {
  await page.goto(path);
  await expectNoAxeViolations(page);
}
