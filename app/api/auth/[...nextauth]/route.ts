/** next-auth's endpoints (sign-in, sign-out, session, CSRF). Options are built per request so the build needs no secrets. */
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: RouteContext): Promise<Response> {
  return (NextAuth as unknown as (req: Request, ctx: RouteContext, options: ReturnType<typeof getAuthOptions>) => Promise<Response>)(
    request,
    context,
    getAuthOptions(),
  );
}

export { handler as GET, handler as POST };
