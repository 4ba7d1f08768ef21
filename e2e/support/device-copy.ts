/**
 * The copy of an article's shared document kept in this browser (IndexedDB, written by y-indexeddb), read the way
 * the editor reads it: the updates stored on the device, applied to a fresh document. What the device keeps of the
 * text, whatever the server has.
 */
import type { Page } from "@playwright/test";
import * as Y from "yjs";
import { documentName, type SharedTarget } from "@/lib/collab/content";
import { readContent } from "@/lib/collab/document";
import { documentToPlainText } from "@/lib/content/document";

export async function deviceCopyText(page: Page, articleId: string, target: SharedTarget = "live"): Promise<string> {
  const updates = await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    if (!db.objectStoreNames.contains("updates")) return [];
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction("updates").objectStore("updates").getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows.map((row) => Array.from(new Uint8Array(row as ArrayBuffer)));
  }, documentName({ articleId, target }));
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, Uint8Array.from(update));
  return documentToPlainText(readContent(doc).body);
}
