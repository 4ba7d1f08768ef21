/**
 * /dashboard/notifications: what happened to the stories the signed-in person works on (submitted, sent back,
 * published, corrected, a note…), newest first, each linking to the story in the editor, unread ones marked. Only
 * one's own notifications exist here (lib/data/notifications/inbox.ts); e-mail copies are turned off in the profile.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/data/notifications/inbox";
import { getSiteSettings } from "@/lib/data/settings";
import { formatDateTime } from "@/lib/dates";
import { notificationPath, notificationQuote, notificationSentence } from "@/lib/notifications/text";
import { NotificationsQuerySchema } from "@/lib/validation/notifications";
import { markAllNotificationsReadAction, markNotificationAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NotificationsPage({ searchParams }: Props) {
  const user = await requireUser("/dashboard/notifications");
  const { page } = NotificationsQuerySchema.parse(await searchParams);
  const [list, settings] = await Promise.all([listNotifications(user, page), getSiteSettings()]);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Notifications</h1>
        {list.unread > 0 && (
          <ActionButton action={markAllNotificationsReadAction} fields={{ confirm: "all" }}>
            Mark all as read
          </ActionButton>
        )}
      </div>
      <p className="mt-2 text-sm text-muted">
        {list.total === 0 ? "Nothing yet. You will hear here when a story you work on is submitted, sent back, published or corrected, or gets a note." : `${list.unread} unread.`}{" "}
        E-mail copies: <Link href="/dashboard/profile#notifications" className="underline">your profile</Link>.
      </p>
      {list.items.length > 0 && (
        <ol aria-label="Notifications, newest first" className="mt-6 divide-y divide-gray-200 rounded border border-gray-300 bg-white">
          {list.items.map((item) => {
            const facts = { kind: item.kind, actor: item.actor?.name ?? null, headline: item.headline, detail: item.detail };
            const sentence = notificationSentence(facts);
            const quote = notificationQuote(facts);
            const isUnread = item.readAt === null;
            return (
              <li key={item.id} className={`flex flex-wrap items-start justify-between gap-3 p-4 ${isUnread ? "border-l-4 border-l-blue-800 bg-blue-50" : ""}`}>
                <div className="min-w-0 flex-1">
                  <p>
                    {isUnread && <span className="mr-2 rounded bg-blue-800 px-1.5 py-0.5 text-xs font-semibold text-white">Unread</span>}
                    <Link href={notificationPath(item)} className={`underline ${isUnread ? "font-semibold" : ""}`}>
                      {sentence}
                    </Link>
                  </p>
                  {quote && <blockquote className="mt-1 whitespace-pre-line border-l-4 border-gray-300 pl-3 text-sm">{quote}</blockquote>}
                  <p className="mt-1 text-xs text-muted">
                    <time dateTime={item.createdAt.toISOString()}>{formatDateTime(item.createdAt, settings.locale, settings.timeZone)}</time>
                  </p>
                </div>
                <ActionButton action={markNotificationAction} fields={{ notificationId: item.id, read: isUnread ? "1" : "0" }} aria-label={`${isUnread ? "Mark as read" : "Mark as unread"}: ${sentence}`}>
                  {isUnread ? "Mark as read" : "Mark as unread"}
                </ActionButton>
              </li>
            );
          })}
        </ol>
      )}
      <Pagination page={list.page} totalPages={list.totalPages} hrefFor={(n) => `/dashboard/notifications?page=${n}`} label="Pages" />
    </>
  );
}
