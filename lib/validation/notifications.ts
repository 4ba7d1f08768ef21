/** Notifications: the list's query string, marking one read or unread, and the e-mail setting in the profile. */
import { z } from "zod";
import { RecordIdSchema } from "@/lib/validation/articles";

export const NotificationsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export const MarkNotificationSchema = z.object({
  notificationId: RecordIdSchema,
  /** "1": mark it read; "0": unread again. */
  read: z.enum(["0", "1"]).transform((value) => value === "1"),
});

/** The button's own field: a request without it (not from the page) is refused rather than taken as "all". */
export const MarkAllNotificationsSchema = z.object({ confirm: z.literal("all", "Press “Mark all as read”.") });

/** `form` says the settings form sent it: an unticked box sends nothing, so an empty request must not turn e-mails off. */
export const NotificationSettingsSchema = z.object({
  form: z.literal("notifications", "Use the notification settings form."),
  emailNotifications: z.boolean(),
});
