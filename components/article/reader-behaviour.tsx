"use client";

import { useEffect } from "react";
import { installReaderBehaviour } from "@/public/reader.js";

/** public/reader.js for pages that hydrate (staff and share previews), where no script tag of its own is served. */
export function ReaderBehaviour() {
  useEffect(() => installReaderBehaviour(document), []);
  return null;
}
