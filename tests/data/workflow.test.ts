import { describe, expect, it } from "vitest";
import { publishArticle, unpublishArticle } from "@/lib/data/workflow";
import { ForbiddenError } from "@/lib/data/errors";
import { findLatestPublished, getPublishedArticle } from "@/lib/data/articles";
import { makeArticle, makeUser, rawDb } from "../support/factories";

describe("publishing", () => {
  it("refuses a journalist, and changes nothing", async () => {
    const journalist = await makeUser("JOURNALIST");
    const article = await makeArticle(journalist, { status: "IN_REVIEW" });
    await expect(publishArticle(journalist, article.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await rawDb().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("IN_REVIEW");
  });

  it("publishes, records a revision and an audit entry, and expires exactly the affected cache tags", async () => {
    const journalist = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(journalist, { status: "IN_REVIEW" });
    const before = new Date(Date.now() - 1000);
    await publishArticle(editor, article.id);

    const after = await rawDb().article.findUniqueOrThrow({ where: { id: article.id }, include: { section: true } });
    expect(after.status).toBe("PUBLISHED");
    expect(after.publishedAt).not.toBeNull();
    expect(await rawDb().revision.count({ where: { articleId: article.id, kind: "STATUS", status: "PUBLISHED" } })).toBe(1);
    expect(await rawDb().auditLog.count({ where: { action: "article.publish", targetId: article.id, actorId: editor.id } })).toBe(1);

    const tags = (await rawDb().cacheTag.findMany({ where: { expiredAt: { gte: before } } })).map((t) => t.tag);
    expect(tags).toEqual(expect.arrayContaining([`article:${after.slug}`, "home", "latest", `section:${after.section.slug}`, `author:${journalist.slug}`]));

    expect(await getPublishedArticle(after.section.slug, after.slug)).toMatchObject({ id: article.id });
    expect((await findLatestPublished({ sectionSlug: after.section.slug })).map((a) => a.id)).toContain(article.id);
  });

  it("unpublishes to ARCHIVED, which public queries never return", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor, { status: "PUBLISHED" });
    await unpublishArticle(editor, article.id);
    expect(await getPublishedArticle(article.section.slug, article.slug)).toBeNull();
    expect((await rawDb().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("ARCHIVED");
  });
});
