"use client";

import { useState } from "react";

/** The article page's only client JavaScript. */
export function CopyLinkButton({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <button
        type="button"
        className="rounded border border-gray-300 px-3 py-1 hover:bg-gray-100 dark:border-gray-600 dark:hover:bg-gray-800"
        onClick={async () => {
          await navigator.clipboard.writeText(url);
          setCopied(true);
        }}
      >
        Copy link
      </button>
      <span role="status" className="ml-2 text-xs text-muted">
        {copied ? "Link copied" : ""}
      </span>
    </>
  );
}
