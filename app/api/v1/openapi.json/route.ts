/** GET /api/v1/openapi.json: the Content API's OpenAPI 3.1 document (lib/api/openapi.ts); public, no key needed. */
import { openApiDocument } from "@/lib/api/openapi";
import { jsonResponse } from "@/lib/api/respond";
import { getPublicSiteUrl } from "@/lib/feeds/site-url";

export function GET(request: Request): Response {
  return jsonResponse(request, openApiDocument(getPublicSiteUrl()), "application/json");
}

export { preflight as OPTIONS } from "@/lib/api/respond";
