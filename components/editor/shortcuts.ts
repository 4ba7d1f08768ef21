/**
 * The shortcuts the body editor answers to, as the "Shortcuts" list under it shows them. Keys are the editor's and
 * the page's own (save-bar.tsx, extensions.ts, StarterKit's keymaps); what is typed is StarterKit's input rules for
 * the nodes and marks enabled in extensions.ts (headings 2 and 3 only; no code, strike or underline). The e2e spec
 * tries every entry shown, so the list cannot promise one that does not work.
 */
export type Shortcut = { keys: string; does: string };

const shortcuts = (pairs: [keys: string, does: string][]): Shortcut[] => pairs.map(([keys, does]) => ({ keys, does }));

/** Ctrl is ⌘ on a Mac. */
export const KEY_SHORTCUTS = shortcuts([["Ctrl+S", "Save now"], ["Ctrl+B", "Bold"], ["Ctrl+I", "Italic"], ["Ctrl+K", "Link"], ["Ctrl+Z", "Undo"], ["Ctrl+Shift+Z", "Redo"]]);

/** Typed at the start of a paragraph (all but the last two) or around words (the last two). */
export const MARKDOWN_SHORTCUTS = shortcuts([
  ["## ", "Heading 2"], ["### ", "Heading 3"], ["- ", "Bulleted list"], ["1. ", "Numbered list"],
  ["> ", "Quote"], ["---", "Horizontal rule"], ["**bold**", "Bold"], ["*italic*", "Italic"],
]);
