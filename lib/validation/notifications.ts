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

export const NotificationSettingsSchema = z.object({ emailNotifications: z.boolean() });
