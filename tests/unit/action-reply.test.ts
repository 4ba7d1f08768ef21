/**
 * The multipart check of the server action guard (lib/security/action-reply.ts) against React itself: bodies that
 * React's client writes must pass, and every body the guard lets through must be one React's decoder reads without
 * throwing (which Next would answer with a 500). The decoder runs as Next runs it (busboy, parts as they arrive) in
 * a child process with the react-server condition (tests/support/decode-reply.mjs); the bodies are React's own
 * encodings of assorted arguments, each mutated in every way a hand-made body could differ, plus a hand-made corpus.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkActionBody } from "@/lib/security/server-action-guard";

type Field = [string, string | File];
type Body = { type: string; bytes: Uint8Array };

const client = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown, options: { temporaryReferences: unknown }) => Promise<string | FormData>;
  createTemporaryReferenceSet: () => unknown;
};

async function encode(fields: Field[]): Promise<Body> {
  const form = new FormData();
  for (const [key, value] of fields) form.append(key, value);
  const response = new Response(form);
  return { type: response.headers.get("content-type")!, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** React's decoder on each body: did it read the arguments without throwing? */
function decodeWithReact(bodies: Body[]): { ok: boolean; error: string | null }[] {
  const input = JSON.stringify(bodies.map((b) => ({ type: b.type, body: Buffer.from(b.bytes).toString("base64") })));
  const script = path.resolve(import.meta.dirname, "../support/decode-reply.mjs");
  return JSON.parse(execFileSync(process.execPath, ["--conditions=react-server", script], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
}

const guardAccepts = async (body: Body) => (await checkActionBody(body.bytes, body.type, true)) === null;

/** Arguments of the shapes our actions take (a form's state and FormData, objects), and React's other values. */
async function reactEncodings(): Promise<Field[][]> {
  const form = new FormData();
  form.set("email", "a@b.test");
  form.set("photo", new File(["abc"], "a.txt", { type: "text/plain" }));
  const shared = { x: [1, 2, { deep: "y" }] };
  const argumentLists: unknown[][] = [
    [{ ok: false, message: "Enter an email" }, form],
    [null, form],
    [{ when: new Date(0), big: 12n, nothing: undefined, text: "$dollar", nan: NaN, inf: -Infinity }],
    [{ a: shared, b: shared, list: [shared, shared] }, shared],
    [new Map([["k", shared]]), new Set([shared, 1]), shared],
    [new File(["bytes"], "f.bin"), Promise.resolve({ later: shared })],
    [{ nested: { map: new Map([[1, new Set(["a"])]]) } }],
  ];
  const encoded: Field[][] = [];
  for (const args of argumentLists) {
    const reply = await client.encodeReply(args, { temporaryReferences: client.createTemporaryReferenceSet() });
    encoded.push(typeof reply === "string" ? [["0", reply]] : [...reply.entries()]);
  }
  return encoded;
}

/** Every way a hand-made body may differ from one React wrote: a part dropped, moved, broken, doubled or renamed. */
function mutations(fields: Field[]): Field[][] {
  const out: Field[][] = [];
  for (let i = 0; i < fields.length; i++) {
    const [key, value] = fields[i]!;
    const others = [...fields.slice(0, i), ...fields.slice(i + 1)];
    out.push(others, [fields[i]!, ...others], [...others, fields[i]!], [...fields, fields[i]!]);
    if (typeof value === "string") out.push(fields.map((f, j) => (j === i ? [key, value.slice(0, -1)] : f)), fields.map((f, j) => (j === i ? [key, new File([value], "x")] : f)));
    else out.push(fields.map((f, j) => (j === i ? [key, "text"] : f)));
    out.push(fields.map((f, j) => (j === i ? [`0${key}`, value] : f)));
  }
  return out;
}

const HAND_MADE: Field[][] = [
  [["0", '["$1"]']],
  [["x", "y"]],
  [["0", '["$"]']],
  [["0", '["$Z"]']],
  [["0", '["$n-"]']],
  [["0", '["$ffffffffff"]']],
  [["0", '["$@1"]']],
  [["0", '["$T"]']],
  [["1", "[]"], ["0", '["$Q1","$W1"]']],
  [["1", '{"a":"$Q2"}'], ["2", "[]"], ["0", '["$1:a:0"]']],
  [["1", '{"a":{"b":1}}'], ["0", '["$1:a:b", "$1:a"]']],
  [["0", '[{"self":"$0"}, "$0:0"]']],
  [["1", '["$0:0"]'], ["0", '[{"x":"$1"}]']],
  [["0", `${"[".repeat(70)}${"]".repeat(70)}`]],
  [["1", `[${"0,".repeat(999)}0]`], ["0", JSON.stringify(Array.from({ length: 1100 }, () => "$1"))]],
  [["", "[]"], ["0", "[]"]],
  [["1e0", "[]"], ["0", '["$1"]']],
];

describe("multipart server action bodies, judged as React's decoder reads them", () => {
  it("accepts every body React's client writes, and lets through only bodies React's decoder reads", async () => {
    const legit = await reactEncodings();
    const candidates = [...legit, ...legit.flatMap(mutations), ...HAND_MADE];
    const bodies = await Promise.all(candidates.map(encode));
    const react = decodeWithReact(bodies);
    const show = (i: number) => JSON.stringify(candidates[i]!.map(([k, v]) => [k, typeof v === "string" ? v.slice(0, 60) : `file ${v.name}`]));
    for (let i = 0; i < legit.length; i++) {
      expect(react[i], `React reads its own encoding ${show(i)}`).toEqual({ ok: true, error: null });
      expect(await guardAccepts(bodies[i]!), `the guard accepts ${show(i)}`).toBe(true);
    }
    let refused = 0;
    for (let i = 0; i < bodies.length; i++) {
      if (await guardAccepts(bodies[i]!)) expect(react[i], `let through, so React must read ${show(i)}`).toEqual({ ok: true, error: null });
      else refused++;
    }
    // The corpus is not all harmless: React throws on many of these, and the guard refuses them.
    expect(react.filter((r) => !r.ok).length).toBeGreaterThan(40);
    expect(refused).toBeGreaterThanOrEqual(react.filter((r) => !r.ok).length);
  }, 60_000);

  it("names what is wrong", async () => {
    const reason = async (fields: Field[]) => {
      const body = await encode(fields);
      return (await checkActionBody(body.bytes, body.type, true))?.message;
    };
    expect(await reason([["0", '["$1"]']])).toMatch(/cannot be read: part 1 is referred to but was not sent before it was needed/);
    expect(await reason([["1", "{"], ["0", '["$1"]']])).toMatch(/part 1 is not valid JSON/);
    expect(await reason([["1", '{"id":"x","bound":null}'], ["0", '["$h1"]']])).toMatch(/a kind of argument no action here takes/);
  });
});
