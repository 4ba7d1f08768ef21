/**
 * The shortcuts the body editor answers to, as the "Shortcuts" list under it shows them. Keys are the editor's and
 * the page's own (save-bar.tsx, extensions.ts, StarterKit's keymaps); what is typed is StarterKit's input rules for
 * the nodes and marks enabled in extensions.ts (headings 2 and 3 only; no code, strike or underline). The e2e spec
 * tries every entry shown, so the list cannot promise one that does not work.
 */
export type Shortcut = { keys: string; does: string };

/** Ctrl is ⌘ on a Mac. */
export const KEY_SHORTCUTS: Shortcut[] = [
  { keys: "Ctrl+S", does: "Save now" },
  { keys: "Ctrl+B", does: "Bold" },
  { keys: "Ctrl+I", does: "Italic" },
  { keys: "Ctrl+K", does: "Link" },
  { keys: "Ctrl+Z", does: "Undo" },
  { keys: "Ctrl+Shift+Z", does: "Redo" },
];

/** Typed at the start of a paragraph (the first five) or around words (the last two). */
export const MARKDOWN_SHORTCUTS: Shortcut[] = [
  { keys: "## ", does: "Heading 2" },
  { keys: "### ", does: "Heading 3" },
  { keys: "- ", does: "Bulleted list" },
  { keys: "1. ", does: "Numbered list" },
  { keys: "> ", does: "Quote" },
  { keys: "---", does: "Horizontal rule" },
  { keys: "**bold**", does: "Bold" },
  { keys: "*italic*", does: "Italic" },
];
