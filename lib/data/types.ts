/** Plain types the rest of the app may use without importing Prisma's generated code. */
export type { Role, UserStatus, ArticleStatus, CorrectionKind, NotificationKind } from "@/lib/generated/prisma/enums";

/** The signed-in staff member, as re-read from the database on every request. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  slug: string;
  role: import("@/lib/generated/prisma/enums").Role;
};
