/**
 * The server-action authorization matrix: every exported function of every "use server" module under app/ and
 * lib/actions/, run as
 * each role (ADMIN, EDITOR, JOURNALIST) and signed out, against real rows in the test database. The expected outcome
 * comes from the permission map (can(role, permission), plus ownership where the rule has it), never from a list of
 * expected answers, so a change to lib/auth/permissions.ts changes what this test demands.
 *
 * Only the session source is replaced: next-auth's getServerSession returns the claims of a real user (id and session
 * version), and lib/auth/session.ts re-reads that user from the database as in production. next/navigation's
 * redirect/forbidden/notFound throw recognisable signals; next/cache, next/headers and next/server's request-scoped
 * helpers are inert because there is no request. The database is never mocked.
 *
 * Subjects are the three roles, signed out, and REVOKED: an admin deactivated after signing in, whose session must
 * open nothing. Outcomes are classified strictly:
 * - refused, signed out: a redirect to /login with a callbackUrl (revoked: with reason=session-ended);
 * - refused, signed in: forbidden(), or a 403 failure whose message names a permission the role lacks; for someone
 *   else's row under an ownership rule, also a 404 "not found" (the row is hidden, not admitted to); under an
 *   own-only rule (one's notifications), someone else's row is only ever that 404, whatever the role;
 * - a validation failure (400, 422) never counts as a refusal: the same arguments succeed for an allowed role, so a
 *   wrong role that fails validation has slipped past the permission check;
 * - refused also means nothing changed: the rows the action touches, and the actor's audit entries, are as before;
 * - allowed means { ok: true } (or the action's documented success redirect), and for a change, the rows changed.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { can, ROLES, type Role } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/data/types";
import { makeUser, rawDb } from "../support/factories";
import { ACTION_CASES, type ActionCase, type Ownership, type RunContext } from "./action-cases";

const signals = vi.hoisted(() => {
  class RedirectSignal extends Error {
    constructor(public readonly url: string) {
      super(`redirect(${url})`);
    }
  }
  class ForbiddenSignal extends Error {}
  class NotFoundSignal extends Error {}
  return { RedirectSignal, ForbiddenSignal, NotFoundSignal, claims: null as null | { id: string; sv: number }, afterTasks: [] as Promise<unknown>[] };
});

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (signals.claims ? { user: { ...signals.claims }, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new signals.RedirectSignal(url);
  },
  forbidden: () => {
    throw new signals.ForbiddenSignal("forbidden()");
  },
  notFound: () => {
    throw new signals.NotFoundSignal("notFound()");
  },
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
  unstable_cache: <T>(fn: T) => fn,
}));
// "qaa" (a private-use code) ships for this file only, so that adding an edition can succeed while "es" exists.
vi.mock("@/lib/i18n/languages", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/i18n/languages")>();
  return { ...actual, EDITION_LANGUAGES: [...actual.EDITION_LANGUAGES, "qaa"] };
});
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "10.77.0.1" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => {},
  // Work after the response ("Forgot password?" does all of its work there): run, and awaited before the rows are read.
  after: (task: unknown) => {
    signals.afterTasks.push(Promise.resolve().then(() => (typeof task === "function" ? task() : task)));
  },
}));

/**
 * REVOKED is an admin whose account was deactivated after signing in: the session cookie (here, its claims) is still
 * valid, and must open nothing, like no session at all.
 */
type Subject = Role | "SIGNED_OUT" | "REVOKED";
const SUBJECTS: readonly Subject[] = [...ROLES, "SIGNED_OUT", "REVOKED"];
const isSignedIn = (subject: Subject): subject is Role => subject !== "SIGNED_OUT" && subject !== "REVOKED";

// Discovery ----------------------------------------------------------------------------------------------------------

const ROOT = path.resolve(import.meta.dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** A module-level directive: "use server" as the first statement, after comments only. */
function hasUseServerDirective(source: string): boolean {
  let rest = source;
  for (;;) {
    const next = rest.replace(/^\s+/, "").replace(/^\/\/[^\n]*/, "").replace(/^\/\*[\s\S]*?\*\//, "");
    if (next === rest) break;
    rest = next;
  }
  return /^(["'])use server\1/.test(rest);
}

/** Server actions live beside their route (app/) or, when a shared component calls them, in lib/actions/. */
const appFiles = ["app", "lib/actions"].flatMap((dir) => walk(path.join(ROOT, dir))).map((f) => path.relative(ROOT, f).split(path.sep).join("/"));
const serverModules = appFiles.filter((f) => hasUseServerDirective(readFileSync(path.join(ROOT, f), "utf8")));
/** Inline server actions ("use server" inside a function) cannot be discovered as exports: they are refused outright. */
const inlineServerActions = appFiles.filter((f) => {
  const source = readFileSync(path.join(ROOT, f), "utf8");
  return !serverModules.includes(f) && /(["'])use server\1/.test(source);
});

type Discovered = { key: string; fn: (...args: unknown[]) => Promise<unknown> };
let discovered: Discovered[] = [];

beforeAll(async () => {
  for (const file of serverModules) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") discovered.push({ key: `${file}#${name}`, fn: value as Discovered["fn"] });
    }
  }
  discovered = discovered.sort((a, b) => a.key.localeCompare(b.key));
});

describe("server actions are all in the matrix", () => {
  it("finds the server action modules (the scan itself works)", () => {
    expect(serverModules).toContain("lib/actions/workflow.ts");
    expect(serverModules).toContain("app/admin/users/actions.ts");
    expect(serverModules.length).toBeGreaterThanOrEqual(13);
  });

  it("has no inline \"use server\" functions, which this matrix could not see", () => {
    expect(inlineServerActions).toEqual([]);
  });

  it("has a case for every exported action, and no case for an action that is gone", () => {
    const keys = discovered.map((d) => d.key);
    const missingCases = keys.filter((k) => !(k in ACTION_CASES));
    const staleCases = Object.keys(ACTION_CASES).filter((k) => !keys.includes(k));
    expect({ missingCases, staleCases }).toEqual({ missingCases: [], staleCases: [] });
    expect(keys.length).toBeGreaterThanOrEqual(30);
  });
});

// Running one cell of the matrix -------------------------------------------------------------------------------------

type Outcome =
  | { kind: "returned"; value: unknown }
  | { kind: "redirect"; url: string }
  | { kind: "forbidden" }
  | { kind: "not-found" }
  | { kind: "threw"; error: unknown };

async function call(fn: Discovered["fn"], args: unknown[]): Promise<Outcome> {
  try {
    return { kind: "returned", value: await fn(...args) };
  } catch (error) {
    if (error instanceof signals.RedirectSignal) return { kind: "redirect", url: error.url };
    if (error instanceof signals.ForbiddenSignal) return { kind: "forbidden" };
    if (error instanceof signals.NotFoundSignal) return { kind: "not-found" };
    return { kind: "threw", error };
  }
}

type Verdict = "success" | "signed-out-redirect" | "session-ended-redirect" | "refused-permission" | "refused-hidden" | "validation-failure" | "other";

function classify(outcome: Outcome, subject: Subject, c: ActionCase): { verdict: Verdict; detail: string } {
  const detail = outcome.kind === "threw" ? `threw ${String(outcome.error)}` : JSON.stringify(outcome);
  if (outcome.kind === "redirect") {
    if (/^\/login\?(.*&)?callbackUrl=/.test(outcome.url)) {
      return { verdict: /[?&]reason=session-ended(&|$)/.test(outcome.url) ? "session-ended-redirect" : "signed-out-redirect", detail };
    }
    if (c.successRedirect?.test(outcome.url)) return { verdict: "success", detail };
    return { verdict: "other", detail };
  }
  if (outcome.kind === "forbidden") return { verdict: "refused-permission", detail };
  if (outcome.kind !== "returned") return { verdict: "other", detail };
  const value = outcome.value as { ok?: boolean; status?: number; message?: string } | undefined;
  if (value?.ok === true && !c.successRedirect) return { verdict: "success", detail };
  if (value?.ok === false) {
    if (value.status === 403) {
      // The refusal must name a permission this role does not hold (lib/auth/permissions.ts ForbiddenError).
      const named = /You do not have permission to do that \(([\w:]+)\)\./.exec(value.message ?? "")?.[1];
      const lacks = named !== undefined && isSignedIn(subject) && !can(subject, named as Parameters<typeof can>[1]);
      return { verdict: lacks ? "refused-permission" : "other", detail };
    }
    if (value.status === 404 && /was not found/.test(value.message ?? "")) return { verdict: "refused-hidden", detail };
    if (value.status === 400 || value.status === 422) return { verdict: "validation-failure", detail };
  }
  return { verdict: "other", detail };
}

function expectedAllowed(c: ActionCase, subject: Subject, ownership: Ownership): boolean {
  const rule = c.rule;
  if (rule.kind === "public") return true;
  if (!isSignedIn(subject)) return false;
  if (rule.kind === "signed-in") return true;
  if (rule.kind === "permission") return can(subject, rule.permission);
  if (rule.kind === "own-only") return ownership === "own" && can(subject, rule.permission);
  return can(subject, ownership === "own" ? rule.own : rule.any);
}

async function sessionClaims(user: SessionUser) {
  const row = await rawDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  return { id: user.id, sv: row.sessionVersion };
}

async function auditCountBy(actor: SessionUser | null): Promise<number | null> {
  return actor ? rawDb().auditLog.count({ where: { actorId: actor.id } }) : null;
}

/** Runs one (action, subject, ownership) cell; returns the problems found, empty when the cell is right. */
async function runCell(target: Discovered, c: ActionCase, subject: Subject, ownership: Ownership, admin: SessionUser): Promise<string[]> {
  const actor = subject === "SIGNED_OUT" ? null : await makeUser(subject === "REVOKED" ? "ADMIN" : subject);
  const claims = actor ? await sessionClaims(actor) : null;
  if (subject === "REVOKED" && actor) await rawDb().user.update({ where: { id: actor.id }, data: { status: "DEACTIVATED" } });
  const owner = ownership === "own" && actor ? actor : await makeUser("JOURNALIST");
  const ctx: RunContext = { actor, admin, owner };
  const prepared = await c.prepare(ctx);
  const before = await prepared.touched();
  const auditBefore = await auditCountBy(actor);

  signals.claims = claims;
  let outcome: Outcome;
  try {
    outcome = await call(target.fn, prepared.args);
  } finally {
    signals.claims = null;
  }
  await Promise.allSettled(signals.afterTasks.splice(0));

  const after = await prepared.touched();
  const auditAfter = await auditCountBy(actor);
  const { verdict, detail } = classify(outcome, subject, c);
  const allowed = expectedAllowed(c, subject, ownership);
  const problems: string[] = [];
  const label = `${subject}${ownership === "own" ? " on own row" : ""}`;

  if (allowed) {
    if (verdict !== "success") problems.push(`${label}: should be allowed, got ${verdict}: ${detail}`);
    else {
      try {
        prepared.verify?.(outcome.kind === "redirect" ? outcome.url : (outcome as { value: unknown }).value);
      } catch (error) {
        problems.push(`${label}: succeeded with the wrong result: ${String(error)}`);
      }
      const changed = !isDeepStrictEqual(before, after);
      if (c.readOnly && changed) problems.push(`${label}: a read changed rows: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
      if (!c.readOnly && !changed) problems.push(`${label}: succeeded but the touched rows did not change (does the case read the right rows?)`);
    }
  } else {
    const acceptable: Verdict[] =
      subject === "SIGNED_OUT"
        ? ["signed-out-redirect"]
        : subject === "REVOKED"
          ? ["session-ended-redirect"]
          : c.rule.kind === "owned" && ownership === "other"
            ? ["refused-permission", "refused-hidden"]
            : c.rule.kind === "own-only" && ownership === "other" && can(subject, c.rule.permission)
              ? ["refused-hidden"]
              : ["refused-permission"];
    if (!acceptable.includes(verdict)) {
      problems.push(
        verdict === "validation-failure"
          ? `${label}: should be refused for permission, but failed validation instead (a missing permission check?): ${detail}`
          : `${label}: should be refused (${acceptable.join(" or ")}), got ${verdict}: ${detail}`,
      );
    }
    if (!isDeepStrictEqual(before, after)) problems.push(`${label}: refused, but rows changed: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
    if (auditBefore !== auditAfter) problems.push(`${label}: refused, but the actor's audit entries went from ${auditBefore} to ${auditAfter}`);
  }
  return problems;
}

// The matrix ---------------------------------------------------------------------------------------------------------

describe("server action authorization matrix", () => {
  let admin: SessionUser;
  let settingsBefore: { siteName: string; description: string; logoUrl: string | null; locale: string; timeZone: string } | null;

  beforeAll(async () => {
    admin = await makeUser("ADMIN");
    settingsBefore = await rawDb().settings.findUnique({ where: { id: 1 } });
  });

  afterAll(async () => {
    // The edition cases' own editions (action-cases.ts) would show up in the next files' lists of editions.
    await rawDb().languageEdition.deleteMany({ where: { id: { in: ["qaa", "qab", "qac", "qad"] } } });
    // updateSettingsAction rewrites the site's description: put the row back for the test files that follow.
    if (settingsBefore) {
      const { siteName, description, logoUrl, locale, timeZone } = settingsBefore;
      await rawDb().settings.update({ where: { id: 1 }, data: { siteName, description, logoUrl, locale, timeZone } });
    }
  });

  for (const [key, c] of Object.entries(ACTION_CASES)) {
    it(key, { timeout: 60_000 }, async () => {
      const target = discovered.find((d) => d.key === key);
      expect(target, `${key} is not an exported server action (see the discovery test)`).toBeDefined();
      type Cell = { subject: Subject; ownership: Ownership };
      const cells = SUBJECTS.flatMap((subject): Cell[] =>
        (c.rule.kind === "owned" || c.rule.kind === "own-only" || c.withOwnRow) && isSignedIn(subject)
          ? [
              { subject, ownership: "own" },
              { subject, ownership: "other" },
            ]
          : [{ subject, ownership: "other" }],
      );
      const problems: string[] = [];
      for (const cell of cells) problems.push(...(await runCell(target!, c, cell.subject, cell.ownership, admin)));
      expect(problems).toEqual([]);
    });
  }
});
