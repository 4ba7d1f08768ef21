/**
 * Helpers for the admin specs: signed-in pages in their own browser contexts (an admin next to the person they
 * manage), the SessionUser the data layer wants for a test user, a client address of the test's own (so sign-in
 * failures never count against the one address every other spec signs in from), and archive articles dated years
 * back (so they never reach the front page or lists other specs read).
 */
import { randomInt } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import type { Prisma } from "@/lib/generated/prisma/client";
import { documentFromParagraphs, documentToPlainText, renderDocumentHtml } from "@/lib/content/document";
import type { SessionUser } from "@/lib/data/types";
import { testDb } from "./db";
import { createTestUser, uniqueId, type TestUser } from "./factories";
import { signIn } from "./fixtures";

export const GENERIC_SIGN_IN_ERROR = "That email and password do not match an active account.";

/** A random private address for this test only (one in 16 million), sent as X-Forwarded-For. */
export function uniqueAddress(): string {
  return `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** Makes every request of `page` come from its own client address (for the sign-in rate limits). */
export async function useOwnAddress(page: Page): Promise<string> {
  const address = uniqueAddress();
  await page.setExtraHTTPHeaders({ "x-forwarded-for": address });
  return address;
}

/** A new browser context signed in as `user` (created when a role is given), on /dashboard. */
export async function signedInPage(browser: Browser, who: TestUser | "ADMIN" | "EDITOR" | "JOURNALIST"): Promise<{ page: Page; user: TestUser; close: () => Promise<void> }> {
  const user = typeof who === "string" ? await createTestUser(who) : who;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await signIn(page, user.email, user.password);
  await page.waitForURL("**/dashboard");
  return { page, user, close: () => context.close() };
}

/** The acting user as the data layer takes it. */
export async function sessionUserFor(user: TestUser): Promise<SessionUser> {
  const row = await testDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, name: true, slug: true, role: true } });
  return row;
}

/** A published article in `sectionId` by `author`, dated three years back, with words no other spec searches for. */
export async function createArchivedStory(sectionId: string, authorId: string, label: string) {
  const id = uniqueId();
  // Neutral words: other specs look for links named "Admin", and search for common topics such as "water".
  const body = documentFromParagraphs([`A backfile memo for the ${label} check, reference ${id}. It exists so a page has something to list.`]);
  return testDb().article.create({
    data: {
      slug: `backfile-${id}`,
      headline: `Backfile memo ${id}`,
      dek: "A backfile memo made by a test.",
      body: body as unknown as Prisma.InputJsonValue,
      bodyHtml: renderDocumentHtml(body),
      bodyText: documentToPlainText(body),
      sectionId,
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - 3 * 365 * 86_400_000),
      createdById: authorId,
      authors: { create: [{ userId: authorId, position: 0 }] },
    },
    select: { id: true, slug: true, headline: true },
  });
}
