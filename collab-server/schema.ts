/**
 * The body's schema on the server: the editor's own extensions (components/editor/extensions.ts), so that the body a
 * server builds from an article, or writes when the article changes outside a session, is the document the browser's
 * editor reads. Nothing here runs in a browser.
 */
import { getSchema } from "@tiptap/core";
import { createExtensions } from "@/components/editor/extensions";

export const editorSchema = () => getSchema(createExtensions());
