/** GET /api/v1/articles/{id}: one published article (lib/api/endpoints.ts). */
export { getArticle as GET } from "@/lib/api/endpoints";
export { preflight as OPTIONS } from "@/lib/api/respond";
