/** Articles for specs: drafts made directly (unique per test), published and unpublished through the real data layer. */
import type { Prisma } from "@/lib/generated/prisma/client";
import { documentFromParagraphs, documentToPlainText, renderDocumentHtml } from "@/lib/content/document";
import type { SessionUser } from "@/lib/data/types";
import { testDb } from "./db";
import { createTestUser, uniqueId } from "./factories";

export async function createDraft(options: { sectionSlug?: string; headline?: string; authorRole?: "JOURNALIST" | "EDITOR" } = {}) {
  const author = await createTestUser(options.authorRole ?? "JOURNALIST");
  const section = await testDb().section.findUniqueOrThrow({ where: { slug: options.sectionSlug ?? "news" } });
  const id = uniqueId();
  const body = documentFromParagraphs([
    `A test story ${id} with enough words to read like one. The council met on Tuesday to discuss the water plan, and residents filled the chamber to ask questions about pressure cuts.`,
    "Officials said the schedule would be reviewed every month, and that neighborhoods with the oldest pipes would be first in line for repairs paid for by the new fund.",
  ]);
  const article = await testDb().article.create({
    data: {
      slug: `test-story-${id}`,
      headline: options.headline ?? `Test story ${id}`,
      dek: "A story made by a test, with a dek long enough to serve as its search description.",
      body: body as unknown as Prisma.InputJsonValue,
      bodyHtml: renderDocumentHtml(body),
      bodyText: documentToPlainText(body),
      datelineCity: "Saltillo",
      sectionId: section.id,
      createdById: author.id,
      authors: { create: [{ userId: author.id, position: 0 }] },
    },
    select: { id: true, slug: true, headline: true },
  });
  return { ...article, sectionSlug: section.slug, path: `/${section.slug}/${article.slug}`, author };
}

export async function editorActor(): Promise<SessionUser> {
  const user = await createTestUser("EDITOR");
  const { slug } = await testDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { slug: true } });
  return { id: user.id, email: user.email, name: user.name, slug, role: "EDITOR" };
}
