/**
 * The one permission map (HOUSE-STYLE §3). The data layer checks these before every read of private data and every
 * change; proxy.ts and the layouts only use them to redirect early. Tests import the same map, so a change here is
 * a change in what the tests expect.
 */
export const ROLES = ["ADMIN", "EDITOR", "JOURNALIST"] as const;
export type Role = (typeof ROLES)[number];

const STAFF: readonly Role[] = ROLES;
const DESK: readonly Role[] = ["ADMIN", "EDITOR"];
const ADMIN: readonly Role[] = ["ADMIN"];

export const PERMISSIONS = {
  "dashboard:access": STAFF,
  "admin:access": ADMIN,

  "article:create": STAFF,
  "article:read:own": STAFF,
  "article:read:any": DESK,
  "article:update:own": STAFF,
  "article:update:any": DESK,
  /** Change a scheduled or published article as readers will see it: its content at once, its URL, its byline. */
  "article:update:live": DESK,
  "article:submit": STAFF,
  "article:publish": DESK,
  "article:schedule": DESK,
  "article:unpublish": DESK,
  /** Delete a draft one created that was never published. */
  "article:delete:own": STAFF,
  /** Delete any article that is not live or scheduled (a draft, one in review, an unpublished one). */
  "article:delete:any": DESK,
  "article:correct": DESK,
  "note:create": STAFF,

  "tag:create": DESK,
  "tag:manage": ADMIN,
  "section:manage": ADMIN,
  /** Add, configure, open or close to readers, and delete language editions. */
  "edition:manage": ADMIN,

  "media:upload": STAFF,
  "media:update:own": STAFF,
  "media:update:any": DESK,

  "user:read": ADMIN,
  "user:manage": ADMIN,
  "invitation:manage": ADMIN,
  "settings:manage": ADMIN,
  "audit:read": ADMIN,
  /** Prepare, preview, schedule, send and cancel newsletter editions and breaking alerts. */
  "newsletter:send": DESK,
  /** Export, erase and suppress newsletter subscribers. */
  "subscriber:manage": ADMIN,
  "profile:update:own": STAFF,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Thrown by the data layer when the acting user may not do something. Routes turn it into a 403 or a message. */
export class ForbiddenError extends Error {
  constructor(public readonly permission: Permission | string) {
    super(`You do not have permission to do that (${permission}).`);
    this.name = "ForbiddenError";
  }
}

export function assertCan(role: Role | null | undefined, permission: Permission): void {
  if (!can(role, permission)) throw new ForbiddenError(permission);
}

/**
 * Where the staff areas start. proxy.ts sends signed-out visitors of these paths (and everything below them) to the
 * sign-in page; its matcher must be a static literal, so it lists them again, and tests/unit/proxy-matcher.test.ts
 * checks that the two agree. Who may enter is the layouts' and the data layer's check (dashboard:access, admin:access).
 */
export const PROTECTED_AREAS = ["/dashboard", "/admin"] as const;

export function isProtectedPath(pathname: string): boolean {
  return PROTECTED_AREAS.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
