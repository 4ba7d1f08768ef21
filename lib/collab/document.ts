/**
 * The Yjs layout of an article's shared document (docs/decisions/0015-co-editing.md), for the browser's editor and
 * the collaboration server alike:
 *
 * - one Y.Text per short field (headline, dek, dateline, SEO title and description): two people fixing different
 *   words of a headline both land;
 * - a Y.Map "fields" for the choices (section, tags, authors, featured image, slug, and whether the slug was edited):
 *   merging characters of an id makes no sense, so the last choice wins;
 * - a Y.XmlFragment "body" bound to the Tiptap editor by @tiptap/extension-collaboration (y-tiptap's mapping);
 * - a Y.Map "meta" whose `initialized` is set once by the server when it builds the document from the article, so a
 *   browser never types into a document that has not come from the server (two starts would merge into two copies).
 */
import type { Schema } from "@tiptap/pm/model";
import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { DocNode } from "@/lib/content/document";
import { CHOICE_FIELDS, TEXT_FIELDS, type ContentField, type SharedContent, type TextField } from "./content";

export const BODY = "body";
const FIELDS = "fields";
const META = "meta";

export const textOf = (doc: Y.Doc, field: TextField) => doc.getText(field);
export const choicesOf = (doc: Y.Doc) => doc.getMap<unknown>(FIELDS);
export const bodyOf = (doc: Y.Doc) => doc.getXmlFragment(BODY);
export const isInitialized = (doc: Y.Doc) => doc.getMap(META).get("initialized") === true;

const asString = (value: unknown) => (typeof value === "string" ? value : "");
const asStrings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

export type SharedFields = Omit<SharedContent, "body">;

/** The document's fields except the body (cheap: read on every change by the form). */
export function readFields(doc: Y.Doc): SharedFields {
  const choices = choicesOf(doc);
  const image = choices.get("featuredImageId");
  return {
    headline: textOf(doc, "headline").toString(),
    dek: textOf(doc, "dek").toString(),
    datelineCity: textOf(doc, "datelineCity").toString(),
    seoTitle: textOf(doc, "seoTitle").toString(),
    seoDescription: textOf(doc, "seoDescription").toString(),
    sectionId: asString(choices.get("sectionId")),
    tags: asStrings(choices.get("tags")),
    authorIds: asStrings(choices.get("authorIds")),
    featuredImageId: typeof image === "string" ? image : null,
    slug: asString(choices.get("slug")),
  };
}

/** The document's content as plain data (the body as editor JSON). */
export function readContent(doc: Y.Doc): SharedContent {
  const body = yXmlFragmentToProsemirrorJSON(bodyOf(doc)) as DocNode;
  return { ...readFields(doc), body: { type: "doc", content: body.content?.length ? body.content : [{ type: "paragraph" }] } };
}

/** Where `before` and `after` differ, as one deletion and one insertion (never splitting a surrogate pair). */
export function textChange(before: string, after: string): { index: number; remove: number; insert: string } | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Step back out of a surrogate pair on either side of the change.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The origin of changes made through this module in a browser (the editor's own edits). */
export const LOCAL = Symbol("dateline.local-edit");

/** Makes a Y.Text read `next` by changing only what differs, so concurrent edits elsewhere in it survive. */
export function setText(doc: Y.Doc, field: TextField, next: string): void {
  const text = textOf(doc, field);
  if (text.toString() !== next) doc.transact(() => setTextIn(text, next), LOCAL);
}

/** Sets one choice (a no-op when it is already that value, so nothing is sent). */
export function setChoice(doc: Y.Doc, key: (typeof CHOICE_FIELDS)[number] | "slugEdited", value: unknown): void {
  const choices = choicesOf(doc);
  if (JSON.stringify(choices.get(key) ?? null) === JSON.stringify(value ?? null)) return;
  doc.transact(() => choices.set(key, value), LOCAL);
}

/**
 * Writes `fields` of `content` into the document in one transaction with `origin` (all of them by default): texts by
 * their difference, choices as values, the body by y-tiptap's reconciliation (unchanged paragraphs are kept).
 */
export function writeContent(doc: Y.Doc, schema: Schema, content: SharedContent, origin: unknown, fields: readonly ContentField[] = [...TEXT_FIELDS, ...CHOICE_FIELDS, "body"]): void {
  doc.transact(() => {
    for (const field of fields) {
      if (field === "body") {
        const node = schema.nodeFromJSON(content.body);
        const fragment = bodyOf(doc);
        if (fragment.length === 0) prosemirrorJSONToYXmlFragment(schema, content.body, fragment);
        else updateYFragment({ transact: (fn) => fn() }, fragment, node, { mapping: new Map(), isOMark: new Map() });
      } else if ((TEXT_FIELDS as readonly string[]).includes(field)) {
        setTextIn(textOf(doc, field as TextField), content[field as TextField]);
      } else {
        const value = content[field];
        if (JSON.stringify(choicesOf(doc).get(field) ?? null) !== JSON.stringify(value ?? null)) choicesOf(doc).set(field, value);
      }
    }
  }, origin);
}

/** setText inside a transaction that is already open. */
function setTextIn(text: Y.Text, next: string): void {
  const change = textChange(text.toString(), next);
  if (!change) return;
  if (change.remove > 0) text.delete(change.index, change.remove);
  if (change.insert) text.insert(change.index, change.insert);
}

/** Marks a document the server has just built from an article. */
export function markInitialized(doc: Y.Doc, slugEdited: boolean, origin: unknown): void {
  doc.transact(() => {
    choicesOf(doc).set("slugEdited", slugEdited);
    doc.getMap(META).set("initialized", true);
  }, origin);
}

/**
 * What the data layer may do to a document while it stores or reconciles it (lib/data/articles/shared): merge the
 * stored state in, read and write content, encode. The collaboration server gives it the live document; a fresh one
 * serves for building a new document.
 */
export type SharedDocumentAccess = {
  applyStored(state: Uint8Array): void;
  read(): SharedContent;
  write(content: SharedContent, fields?: readonly ContentField[]): void;
  /** Marks a document just built from the article (see markInitialized). */
  initialize(slugEdited: boolean): void;
  encode(): Uint8Array;
};

export function documentAccess(doc: Y.Doc, schema: Schema, origin: unknown): SharedDocumentAccess {
  return {
    applyStored: (state) => Y.applyUpdate(doc, state, origin),
    read: () => readContent(doc),
    write: (content, fields) => writeContent(doc, schema, content, origin, fields),
    initialize: (slugEdited) => markInitialized(doc, slugEdited, origin),
    encode: () => Y.encodeStateAsUpdate(doc),
  };
}
