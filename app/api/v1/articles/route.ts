/** GET /api/v1/articles: published articles, newest first, with filters and a cursor (lib/api/endpoints.ts). */
export { listArticles as GET } from "@/lib/api/endpoints";
export { preflight as OPTIONS } from "@/lib/api/respond";
