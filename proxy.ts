/**
 * Redirects signed-out visitors of the dashboard and admin to /login (with a callbackUrl back). It only redirects:
 * whether the user is still active, and what their role allows, is checked on the server for every request by
 * lib/auth/session.ts and the data layer.
 */
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/login" } });

export const config = { matcher: ["/dashboard", "/dashboard/:path*", "/admin", "/admin/:path*"] };
