"use client";

/**
 * "Notifications" in the staff header, with the unread count: the layout's count on each page load, kept current by
 * a light check (./unread-poller.ts: every minute while the tab is visible, and after a navigation inside the app).
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { UnreadPoller } from "./unread-poller";

const CHECK_EVERY_MS = 60_000;

async function fetchUnread(): Promise<number | null> {
  const response = await fetch("/api/notifications/unread", { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) return null;
  const body = (await response.json()) as { unread?: unknown };
  return typeof body.unread === "number" ? body.unread : null;
}

export function NotificationsLink({ unread }: { unread: number }) {
  // A page load that brings a new count from the server wins over the last check.
  const [shown, setShown] = useState({ fromServer: unread, count: unread });
  if (shown.fromServer !== unread) setShown({ fromServer: unread, count: unread });
  const poller = useRef<UnreadPoller | null>(null);
  const pathname = usePathname();
  const checkedPath = useRef(pathname);

  useEffect(() => {
    const current = new UnreadPoller({ fetchCount: fetchUnread, onCount: (count) => setShown((s) => ({ ...s, count })), doc: document, intervalMs: CHECK_EVERY_MS });
    poller.current = current;
    current.start();
    return () => current.stop();
  }, []);

  useEffect(() => {
    if (checkedPath.current === pathname) return;
    checkedPath.current = pathname;
    void poller.current?.check();
  }, [pathname]);

  const count = shown.count;
  return (
    <Link href="/dashboard/notifications" className="inline-flex items-center gap-1 font-semibold">
      Notifications
      {count > 0 && (
        <>
          <span className="rounded-full bg-red-800 px-2 text-xs text-white">{count}</span>
          <span className="sr-only"> unread</span>
        </>
      )}
    </Link>
  );
}
