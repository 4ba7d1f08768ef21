/**
 * One vocabulary for the audit log: every action string the data layer writes has a label, and no label is left
 * for an action nothing writes. Action strings are read from the source (lib/data), where every audit entry is made:
 * they are the only string literals of the form "word.word".
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_GROUPS, auditActionLabel, auditDetailRows, groupAuditActions, isKnownAuditAction } from "@/lib/audit-actions";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const written = new Set(sourceFiles(path.resolve("lib/data")).flatMap((file) => [...readFileSync(file, "utf8").matchAll(/"([a-z_]+\.[a-z_]+)"/g)].map((m) => m[1]!)));

describe("the audit vocabulary", () => {
  it("labels every action the data layer writes", () => {
    expect(written.size).toBeGreaterThan(40);
    expect([...written].filter((action) => !isKnownAuditAction(action))).toEqual([]);
  });

  it("has no label for an action nothing writes, and no label twice", () => {
    const labelled = AUDIT_ACTION_GROUPS.flatMap((group) => Object.keys(group.actions));
    expect(labelled.filter((action) => !written.has(action))).toEqual([]);
    const labels = AUDIT_ACTION_GROUPS.flatMap((group) => Object.values(group.actions) as string[]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("groups the actions that occur, in vocabulary order, with unknown ones under Other by their raw string", () => {
    expect(groupAuditActions(["tag.merge", "auth.sign_in", "legacy.thing", "article.publish", "auth.sign_out"])).toEqual([
      { label: "Articles", options: [{ value: "article.publish", label: "Published" }] },
      { label: "Sign-in", options: [{ value: "auth.sign_in", label: "Signed in" }, { value: "auth.sign_out", label: "Signed out" }] },
      { label: "Sections and tags", options: [{ value: "tag.merge", label: "Tags merged" }] },
      { label: "Other", options: [{ value: "legacy.thing", label: "legacy.thing" }] },
    ]);
    expect(auditActionLabel("user.role_change")).toBe("Role changed");
    expect(auditActionLabel("legacy.thing")).toBe("legacy.thing");
  });
});

describe("auditDetailRows", () => {
  const date = (d: Date) => `<${d.toISOString().slice(0, 10)}>`;
  it("labels each detail and writes its value for people: codes, dates, lists, yes/no", () => {
    expect(auditDetailRows({ from: "JOURNALIST", to: "IN_REVIEW", at: "2026-12-05T01:02:03.000Z", changed: ["description", "socialLinks"], enabled: false, bytes: 12345, kind: "HTML", note: "Check the quote's source." }, date)).toEqual([
      { label: "From", value: "Journalist" },
      { label: "To", value: "In review" },
      { label: "At", value: "<2026-12-05>" },
      { label: "Changed", value: "description, social links" },
      { label: "Enabled", value: "no" },
      { label: "Bytes", value: "12,345" },
      { label: "Kind", value: "HTML" },
      { label: "Note", value: "Check the quote's source." },
    ]);
    expect(auditDetailRows({ expiresAt: null, order: [], by: { reason: "rate_limited" } }, date)).toEqual([
      { label: "Expires at", value: "none" },
      { label: "Order", value: "none" },
      { label: "By", value: "reason: rate_limited" },
    ]);
    // As jsonb hands them back (shortest key first): still read as "From …, To …".
    expect(auditDetailRows({ to: "EDITOR", from: "JOURNALIST", note: "x", headline: "Storm" }, date).map((row) => row.label)).toEqual(["Headline", "From", "To", "Note"]);
    expect(auditDetailRows({}, date)).toEqual([]);
    expect(auditDetailRows(null, date)).toEqual([]);
  });
});
