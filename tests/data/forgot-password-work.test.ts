/**
 * "Forgot password?" does the same work before it answers, whether or not the email has an account (issue 20,
 * finding 8: the answer took ~15 ms for a real account and ~9 ms otherwise). Not a timing test: it checks the code
 * path. Everything that depends on the account (the lookup, the link, the audit entry, the email) runs after the
 * response (next/server `after`), and the response itself is the same.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeUser, rawDb, uid } from "../support/factories";

const pending = vi.hoisted(() => ({ tasks: [] as (() => unknown)[], calls: [] as string[] }));

vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: unknown) => {
    pending.tasks.push(typeof task === "function" ? (task as () => unknown) : () => task);
  },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/data/password-resets", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/data/password-resets")>();
  return {
    ...actual,
    requestPasswordReset: async (...args: Parameters<typeof actual.requestPasswordReset>) => {
      pending.calls.push(args[0]);
      return actual.requestPasswordReset(...args);
    },
  };
});

const { requestPasswordResetAction } = await import("@/app/(auth)/forgot-password/actions");

function form(email: string): FormData {
  const data = new FormData();
  data.set("email", email);
  return data;
}

afterEach(() => {
  pending.tasks = [];
  pending.calls = [];
});

describe("“Forgot password?” answers before doing any work that depends on the account", () => {
  it("answers the same, after the same work, for a real account and an unknown email", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {}); // the email goes to the log without SMTP
    const user = await makeUser("JOURNALIST");
    const unknown = `nobody-${uid()}@example.test`;
    const answers = [];
    const shapes = [];
    for (const email of [user.email, unknown]) {
      const resetsBefore = await rawDb().passwordReset.count({ where: { userId: user.id } });
      const answer = await requestPasswordResetAction(null, form(email));
      answers.push(answer);
      // Before the deferred work runs: the account was not even looked up, nothing was written.
      shapes.push({ lookups: pending.calls.length, deferred: pending.tasks.length });
      expect(await rawDb().passwordReset.count({ where: { userId: user.id } })).toBe(resetsBefore);
      for (const task of pending.tasks.splice(0)) await task();
      expect(pending.calls.splice(0)).toEqual([email]);
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ ok: true });
    expect(shapes).toEqual([
      { lookups: 0, deferred: 1 },
      { lookups: 0, deferred: 1 },
    ]);
    // The deferred work did its job for the real account only.
    expect(await rawDb().passwordReset.count({ where: { userId: user.id } })).toBe(1);
    info.mockRestore();
  });

});
