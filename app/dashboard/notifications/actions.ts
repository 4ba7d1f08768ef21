"use server";
/** The notifications page's buttons. lib/data/notifications/inbox.ts only ever touches the signed-in person's own. */
import { ok, staffFormAction } from "@/lib/actions/safe-action";
import { markAllNotificationsRead, markNotification } from "@/lib/data/notifications/inbox";
import { MarkAllNotificationsSchema, MarkNotificationSchema } from "@/lib/validation/notifications";

/** The staff header's count lives in the layout: revalidating it brings the new count with the page. */
const revalidate = { layout: "/dashboard" } as const;

export const markNotificationAction = staffFormAction(
  { schema: MarkNotificationSchema, fields: ["notificationId", "read"], returnTo: "/dashboard/notifications", revalidate },
  async ({ notificationId, read }, { user }) => {
    await markNotification(user, notificationId, read);
    return ok(undefined);
  },
);

export const markAllNotificationsReadAction = staffFormAction(
  { schema: MarkAllNotificationsSchema, fields: ["confirm"], returnTo: "/dashboard/notifications", revalidate },
  async (_input, { user }) => {
    const count = await markAllNotificationsRead(user);
    return ok(count, count === 1 ? "1 notification marked as read." : `${count} notifications marked as read.`);
  },
);
