"use client";

/**
 * "Notifications" in the staff header, with the unread count: the layout's count on each page load (and after an
 * action that revalidates it), kept current by a light check (./unread-poller.ts: every minute while the tab is
 * visible, and after a navigation inside the app). Whichever count the server made last is shown.
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { UnreadPoller, type UnreadCount } from "./unread-poller";

const CHECK_EVERY_MS = 60_000;

async function fetchUnread(): Promise<UnreadCount | null> {
  const response = await fetch("/api/notifications/unread", { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) return null;
  const body = (await response.json()) as Partial<UnreadCount>;
  return typeof body.unread === "number" && typeof body.countedAt === "number" ? { unread: body.unread, countedAt: body.countedAt } : null;
}

const newer = (a: UnreadCount, b: UnreadCount) => (b.countedAt > a.countedAt ? b : a);

export function NotificationsLink({ unread, countedAt }: UnreadCount) {
  const [latest, setLatest] = useState<UnreadCount>({ unread, countedAt });
  if (countedAt > latest.countedAt) setLatest({ unread, countedAt });
  const poller = useRef<UnreadPoller | null>(null);
  const pathname = usePathname();
  const checkedPath = useRef(pathname);

  useEffect(() => {
    const current = new UnreadPoller({ fetchCount: fetchUnread, onCount: (count) => setLatest((shown) => newer(shown, count)), doc: document, intervalMs: CHECK_EVERY_MS });
    poller.current = current;
    current.start();
    return () => current.stop();
  }, []);

  useEffect(() => {
    if (checkedPath.current === pathname) return;
    checkedPath.current = pathname;
    void poller.current?.check();
  }, [pathname]);

  const count = latest.unread;
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
