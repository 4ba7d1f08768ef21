import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createPreviewLink, getArticleByPreviewToken } from "@/lib/data/articles/previews";
import { countUsersMatching, listUsers, setUserRole, setUserStatus } from "@/lib/data/users/accounts";
import { changeOwnPassword, getOwnProfile, updateOwnProfile } from "@/lib/data/users/profile";
import { getActiveSessionUser } from "@/lib/data/users/sign-in";
import { DataValidationError, ForbiddenError } from "@/lib/data/errors";
import { CacheTags } from "@/lib/data/cache";
import { makeArticle, makeUser, rawDb } from "../support/factories";
import { recordExpiries } from "../support/cache-tags";

async function sessionVersion(id: string) {
  return (await rawDb().user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;
}

/** Runs `body` while `admin` is the only active admin, then reactivates everyone it set aside. */
async function asOnlyActiveAdmin(adminId: string, body: () => Promise<void>) {
  const others = await rawDb().user.findMany({ where: { role: "ADMIN", status: "ACTIVE", id: { not: adminId } }, select: { id: true } });
  await rawDb().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { status: "DEACTIVATED" } });
  try {
    await body();
  } finally {
    await rawDb().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { status: "ACTIVE" } });
  }
}

describe("roles and status", () => {
  it("changes a role on the next request without ending the session, and audits it", async () => {
    const admin = await makeUser("ADMIN");
    const journalist = await makeUser("JOURNALIST");
    const version = await sessionVersion(journalist.id);
    expect(await getActiveSessionUser(journalist.id, version)).toMatchObject({ role: "JOURNALIST" });

    await setUserRole(admin, journalist.id, "EDITOR");
    expect(await getActiveSessionUser(journalist.id, version)).toMatchObject({ role: "EDITOR" });
    const entry = await rawDb().auditLog.findFirstOrThrow({ where: { action: "user.role_change", targetId: journalist.id } });
    expect(entry).toMatchObject({ actorId: admin.id, details: { from: "JOURNALIST", to: "EDITOR" } });
  });

  it("expires the author page of the person whose role changes (components/author/author-profile.tsx shows it)", async () => {
    const admin = await makeUser("ADMIN");
    const writer = await makeUser("JOURNALIST");
    await makeArticle(writer, { status: "PUBLISHED" });
    const expiries = await recordExpiries();
    try {
      await setUserRole(admin, writer.id, "EDITOR");
      expect(await expiries.expiredWith(CacheTags.author(writer.slug))).toContain(CacheTags.author(writer.slug));
    } finally {
      await expiries.close();
    }
  });

  it("never leaves the newsroom without an active admin: the last one can be neither demoted nor deactivated", async () => {
    const admin = await makeUser("ADMIN");
    await asOnlyActiveAdmin(admin.id, async () => {
      await expect(setUserRole(admin, admin.id, "EDITOR")).rejects.toThrow("The last active admin cannot be demoted");
      await expect(setUserStatus(admin, admin.id, "DEACTIVATED")).rejects.toThrow("The last active admin cannot be deactivated.");
      expect(await rawDb().user.findUniqueOrThrow({ where: { id: admin.id }, select: { role: true, status: true } })).toEqual({ role: "ADMIN", status: "ACTIVE" });

      // With a second admin, either may be demoted, but not both at once: the advisory lock serializes them.
      const second = await makeUser("ADMIN");
      const results = await Promise.allSettled([setUserRole(admin, second.id, "EDITOR"), setUserRole(second, admin.id, "EDITOR")]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.any(DataValidationError)]);
      expect(await rawDb().user.count({ where: { id: { in: [admin.id, second.id] }, role: "ADMIN", status: "ACTIVE" } })).toBe(1);
      await rawDb().user.update({ where: { id: second.id }, data: { status: "DEACTIVATED" } });
    });
  });

  it("deactivates (ending sessions) and reactivates, and refuses non-admins without changing anything", async () => {
    const admin = await makeUser("ADMIN");
    const journalist = await makeUser("JOURNALIST");
    const version = await sessionVersion(journalist.id);
    await setUserStatus(admin, journalist.id, "DEACTIVATED");
    expect(await getActiveSessionUser(journalist.id, version)).toBeNull();
    await setUserStatus(admin, journalist.id, "ACTIVE");
    expect(await getActiveSessionUser(journalist.id, version)).toBeNull(); // the old session stays ended
    expect(await getActiveSessionUser(journalist.id, await sessionVersion(journalist.id))).not.toBeNull();

    for (const role of ["EDITOR", "JOURNALIST"] as const) {
      const actor = await makeUser(role);
      await expect(setUserRole(actor, journalist.id, "ADMIN")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setUserStatus(actor, journalist.id, "DEACTIVATED")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listUsers(actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await rawDb().user.findUniqueOrThrow({ where: { id: journalist.id }, select: { role: true, status: true } })).toEqual({ role: "JOURNALIST", status: "ACTIVE" });
  });

  it("revokes the preview links someone made when they are deactivated, and those for stories not theirs when moved to a role that does not reach them", async () => {
    const admin = await makeUser("ADMIN");
    const journalist = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const own = await makeArticle(journalist);
    const colleagues = await makeArticle(await makeUser("JOURNALIST"));
    const journalistLink = await createPreviewLink(journalist, own.id);
    const editorOwn = await createPreviewLink(editor, own.id);
    await rawDb().articleAuthor.create({ data: { articleId: own.id, userId: editor.id, position: 1 } });
    const editorOther = await createPreviewLink(editor, colleagues.id);
    const opens = async (link: { token: string }) => (await getArticleByPreviewToken(link.token)) !== null;

    await setUserStatus(admin, journalist.id, "DEACTIVATED");
    expect(await opens(journalistLink)).toBe(false);
    const audit = await rawDb().auditLog.findFirstOrThrow({ where: { action: "user.deactivate", targetId: journalist.id } });
    expect(audit.details).toMatchObject({ withdrawnPreviewLinks: 1 });

    // An editor moved to journalist keeps the links of stories they co-author, not those of a colleague's story.
    await setUserRole(admin, editor.id, "JOURNALIST");
    expect(await opens(editorOwn)).toBe(true);
    expect(await opens(editorOther)).toBe(false);
  });

  it("filters the staff list by search, role and status", async () => {
    const admin = await makeUser("ADMIN");
    const target = await makeUser("EDITOR", `Filterable Quill ${Date.now()}`);
    await setUserStatus(admin, target.id, "DEACTIVATED");
    const q = target.name.split(" ").slice(0, 2).join(" ").toLowerCase();
    expect((await listUsers(admin, { q, role: "EDITOR", status: "DEACTIVATED" })).map((u) => u.id)).toContain(target.id);
    expect((await listUsers(admin, { q, role: "EDITOR", status: "ACTIVE" })).map((u) => u.id)).not.toContain(target.id);
    expect((await listUsers(admin, { q: target.email.toUpperCase() })).map((u) => u.id)).toEqual([target.id]);
    expect(await countUsersMatching(admin, { q: target.email })).toBe(1);
  });
});

describe("own profile and password", () => {
  it("updates name, bio and avatar, audits it and expires the author's public pages", async () => {
    const journalist = await makeUser("JOURNALIST");
    const article = await makeArticle(journalist, { status: "PUBLISHED" });
    const before = new Date(Date.now() - 1000);
    await updateOwnProfile(journalist, { name: "Renamed Reporter", bio: "Covers water.", avatarUrl: "https://example.test/me.jpg" });
    expect(await getOwnProfile(journalist)).toMatchObject({ name: "Renamed Reporter", bio: "Covers water.", avatarUrl: "https://example.test/me.jpg", slug: journalist.slug });
    const tags = (await rawDb().cacheTag.findMany({ where: { expiredAt: { gte: before } } })).map((t) => t.tag);
    expect(tags).toEqual(expect.arrayContaining([`author:${journalist.slug}`, "latest", `article:${article.slug}`]));
    expect(await rawDb().auditLog.findFirst({ where: { action: "profile.update", targetId: journalist.id } })).toMatchObject({
      actorId: journalist.id,
      details: { changed: ["name", "bio", "avatarUrl"] },
    });
  });

  it("changes the password only with the current one, applies the policy, and ends every session", async () => {
    const editor = await makeUser("EDITOR");
    const version = await sessionVersion(editor.id);
    await expect(changeOwnPassword(editor, { currentPassword: "wrong-password-here", newPassword: "cobalt-meadow-fjord-22" }, { hashRounds: 4 })).rejects.toMatchObject({
      field: "currentPassword",
    });
    await expect(changeOwnPassword(editor, { currentPassword: "a-long-test-password", newPassword: "qwerty123456" }, { hashRounds: 4 })).rejects.toMatchObject({
      field: "password",
    });
    expect(await sessionVersion(editor.id)).toBe(version);

    await changeOwnPassword(editor, { currentPassword: "a-long-test-password", newPassword: "cobalt-meadow-fjord-22" }, { hashRounds: 4 });
    expect(await getActiveSessionUser(editor.id, version)).toBeNull();
    const { passwordHash } = await rawDb().user.findUniqueOrThrow({ where: { id: editor.id }, select: { passwordHash: true } });
    expect(await verifyPassword("cobalt-meadow-fjord-22", passwordHash)).toBe(true);
    expect(await rawDb().auditLog.count({ where: { action: "user.password_change", targetId: editor.id } })).toBe(1);
  });
});
