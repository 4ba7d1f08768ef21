import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

/**
 * "Copy link": server markup that public/reader.js wires (reader pages run no React in the browser: decision 0022).
 * Pages that hydrate (previews) wire it with ReaderBehaviour (components/article/article-preview.tsx). No client
 * component in here: reader articles are rendered outside the RSC pass (decision 0034).
 * What the script announces is on the button, in the edition's language (`{url}` for it to fill).
 */
export function CopyLinkButton({ url, text = ENGLISH_TEXT }: { url: string; text?: ReaderText }) {
  return (
    <>
      <button
        type="button"
        data-copy-link={url}
        data-status="copy-link-status"
        data-copied={text.t("linkCopied")}
        data-copy-fallback={text.t("copyThisLink", { url: "{url}" })}
        className="rounded border border-gray-300 px-3 py-1 hover:bg-gray-100 dark:border-gray-600 dark:hover:bg-gray-800"
      >
        {text.t("copyLink")}
      </button>
      <span id="copy-link-status" role="status" className="ml-2 text-xs text-muted" />
    </>
  );
}
