/**
 * The co-editing target of `npm run bench` (issue 15): 20 writers on 5 documents (4 each), each typing 5 characters a
 * second into the body of an article's shared document, on one collaboration server (collab-server/, started here on
 * the bench's database). Writers are Node clients speaking the browser's protocol (scripts/lib/collab-client.ts)
 * with a staff session cookie.
 *
 * - Latency: every character's Yjs id (client, clock) is stamped when its writer types it; each of the other writers
 *   of that document records when it arrives. p50/p95/p99 over all (character, receiver) pairs.
 * - Memory per open document: the server's heap (GET /health after a garbage collection) with the documents open and
 *   their writers connected, minus the heap before they were opened, divided by the number of documents. A sixth
 *   document is opened first, so that what the first one loads once (the database client, the editor's schema) is
 *   not counted against them.
 * - Lost updates: once typing stops and the server has stored, each writer's characters are counted in every
 *   writer's copy and in the article's stored body text; anything missing anywhere counts.
 */
import { randomBytes } from "node:crypto";
import * as Y from "yjs";
import { documentName } from "@/lib/collab/content";
import { bodyOf } from "@/lib/collab/document";
import { documentToPlainText, type DocNode } from "@/lib/content/document";
import type { Db } from "@/lib/db/client";
import { openNodeEditor, sessionCookie, type NodeEditor } from "../lib/collab-client";
import { startCollabServer } from "../lib/collab-server";

export type CoeditingResult = {
  writers: number;
  documents: number;
  charsPerSecond: number;
  seconds: number;
  typed: number;
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  heapPerDocumentKb: number;
  lost: number;
};

type Options = { root: string; databaseUrl: string; db: Db; seconds: number; log: (line: string) => void };

const WRITERS_PER_DOCUMENT = 4;
const DOCUMENTS = 5;
const CHARS_PER_SECOND = 5;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

type Health = { documents: number; connections: number; heapUsed: number };

export async function benchCoediting({ root, databaseUrl, db, seconds, log }: Options): Promise<CoeditingResult> {
  const secret = randomBytes(32).toString("base64url");
  const server = await startCollabServer({ root, databaseUrl, authSecret: secret, port: 3450, env: { NODE_ENV: "production" }, nodeOptions: ["--expose-gc"] });
  const health = async (): Promise<Health> => (await (await fetch(`${server.url}/health?gc=1`)).json()) as Health;
  const editors: NodeEditor[] = [];
  let warm: NodeEditor | null = null;
  try {
    const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@dateline.test" }, select: { id: true, email: true, name: true, sessionVersion: true } });
    const cookie = await sessionCookie(editor, editor.sessionVersion, secret);
    const section = await db.section.findFirstOrThrow({ select: { id: true } });
    const base = "Opening line.";
    const articles = [];
    for (let i = 0; i <= DOCUMENTS; i++) {
      articles.push(
        await db.article.create({
          data: {
            slug: `bench-coedit-${i}-${randomBytes(3).toString("hex")}`,
            headline: `Co-editing bench ${i}`,
            body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: base }] }] },
            bodyText: base,
            sectionId: section.id,
            createdById: editor.id,
            authors: { create: [{ userId: editor.id, position: 0 }] },
          },
          select: { id: true },
        }),
      );
    }
    const url = `ws://127.0.0.1:${server.port}/collab`;
    const warmUp = articles.pop()!;
    warm = openNodeEditor(url, documentName({ articleId: warmUp.id, target: "live" }), cookie);
    await warm.ready;
    const before = await health();

    // Who typed which character when (by its Yjs id), and each (character, receiver) latency.
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    for (const article of articles) {
      for (let w = 0; w < WRITERS_PER_DOCUMENT; w++) {
        const writer = openNodeEditor(url, documentName({ articleId: article.id, target: "live" }), cookie);
        writer.doc.on("update", (update: Uint8Array, origin: unknown) => {
          if (origin !== writer.provider) return;
          const now = performance.now();
          for (const struct of Y.decodeUpdate(update).structs) {
            for (let clock = struct.id.clock; clock < struct.id.clock + struct.length; clock++) {
              const at = sentAt.get(`${struct.id.client}:${clock}`);
              if (at !== undefined) latencies.push(now - at);
            }
          }
        });
        editors.push(writer);
      }
    }
    await Promise.all(editors.map((e) => e.ready));
    const opened = await health();
    log(`co-editing: ${editors.length} writers on ${articles.length} documents, ${CHARS_PER_SECOND} characters a second each, for ${seconds} s…`);

    // Each writer types its own letter at the end of the first paragraph (where everyone of the document types).
    const typedBy = editors.map(() => 0);
    const letters = "abcdefghijklmnopqrstuvwxyz";
    const typeOne = (writer: NodeEditor, index: number) => {
      const paragraph = bodyOf(writer.doc).get(0) as Y.XmlElement;
      const text = paragraph.get(0) as Y.XmlText;
      const clock = Y.getState(writer.doc.store, writer.doc.clientID);
      sentAt.set(`${writer.doc.clientID}:${clock}`, performance.now());
      text.insert(text.length, letters[index % WRITERS_PER_DOCUMENT]!);
      typedBy[index]!++;
    };
    const timers = editors.map((writer, index) =>
      setTimeout(() => {
        timers[index] = setInterval(() => typeOne(writer, index), 1000 / CHARS_PER_SECOND);
      }, Math.random() * (1000 / CHARS_PER_SECOND)),
    );
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    for (const timer of timers) clearInterval(timer);

    // Quiet: everything arrives, and the server stores (a manual store each, as the Save button asks).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    for (const writer of editors) writer.provider.sendStateless(JSON.stringify({ type: "save", mode: "autosave" }));
    await new Promise((resolve) => setTimeout(resolve, 4_000));

    let lost = 0;
    let typed = 0;
    for (let d = 0; d < articles.length; d++) {
      const group = editors.slice(d * WRITERS_PER_DOCUMENT, (d + 1) * WRITERS_PER_DOCUMENT);
      const counts = (text: string) => [...letters.slice(0, WRITERS_PER_DOCUMENT)].map((letter) => text.split(letter).length - 1);
      const expected = group.map((_, w) => typedBy[d * WRITERS_PER_DOCUMENT + w]!);
      typed += expected.reduce((a, b) => a + b, 0);
      const copies = group.map((writer) => bodyOf(writer.doc).toString());
      const stored = await db.article.findUniqueOrThrow({ where: { id: articles[d]!.id }, select: { body: true } });
      for (const text of [...copies, documentToPlainText(stored.body as unknown as DocNode).slice(base.length)]) {
        const found = counts(text.replace(/<[^>]+>/g, "").replace(base, ""));
        expected.forEach((n, w) => (lost += Math.max(0, n - (found[w] ?? 0))));
      }
    }
    latencies.sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      writers: editors.length,
      documents: articles.length,
      charsPerSecond: CHARS_PER_SECOND,
      seconds,
      typed,
      samples: latencies.length,
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      heapPerDocumentKb: Math.round((opened.heapUsed - before.heapUsed) / 1024 / articles.length),
      lost,
    };
  } finally {
    warm?.destroy();
    for (const writer of editors) writer.destroy();
    await server.stop();
  }
}
