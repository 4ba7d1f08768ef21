/** GET /api/v1/tags: tags with published articles, by slug (lib/api/endpoints.ts). */
export { listTagsEndpoint as GET } from "@/lib/api/endpoints";
export { preflight as OPTIONS } from "@/lib/api/respond";
