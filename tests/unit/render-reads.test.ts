/**
 * A document rendered by a route handler (decision 0034) reads each public query once per arguments, as a page
 * Next renders does through React's cache(): lib/data/cache.ts withRenderReads.
 */
import { describe, expect, it } from "vitest";
import { publicQuery, withRenderReads } from "@/lib/data/cache";

function countingQuery() {
  const calls: string[] = [];
  const query = publicQuery(
    "test:editions",
    async (code: string) => {
      calls.push(code);
      return { code, at: new Date(0) };
    },
    { tags: () => [], buildFallback: { code: "", at: new Date(0) } },
  );
  return { calls, query };
}

describe("one render's public reads", () => {
  it("run once per arguments inside a render, and every caller gets the same answer", async () => {
    const { calls, query } = countingQuery();
    const answers = await withRenderReads(async () => {
      const [a, b] = await Promise.all([query("es"), query("es")]);
      const c = await query("en");
      return [a, b, c, await query("es")];
    });
    expect(calls).toEqual(["es", "en"]);
    expect(answers[0]).toBe(answers[1]);
    expect(answers[3]).toBe(answers[0]);
    expect(answers[2]).toEqual({ code: "en", at: new Date(0) });
  });

  it("do not outlive their render: the next render, and reads outside any, read again", async () => {
    const { calls, query } = countingQuery();
    await withRenderReads(() => query("es"));
    await withRenderReads(() => query("es"));
    await query("es");
    await query("es");
    expect(calls).toEqual(["es", "es", "es", "es"]);
  });

  it("keep a failed read failed for that render only", async () => {
    let fail = true;
    const query = publicQuery(
      "test:flaky",
      async () => {
        if (fail) throw new Error("database unavailable");
        return "ok";
      },
      { tags: () => [], buildFallback: "" },
    );
    await expect(withRenderReads(() => query())).rejects.toThrow("database unavailable");
    fail = false;
    await expect(withRenderReads(() => query())).resolves.toBe("ok");
  });
});
