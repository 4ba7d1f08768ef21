/** GET /api/v1/search?q=: published articles matching the words, best first (lib/api/endpoints.ts). */
export { searchEndpoint as GET } from "@/lib/api/endpoints";
export { preflight as OPTIONS } from "@/lib/api/respond";
