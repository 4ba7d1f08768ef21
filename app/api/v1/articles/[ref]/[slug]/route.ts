/** GET /api/v1/articles/{section}/{slug}: one published article by its public URL (lib/api/endpoints.ts). */
export { getArticleByPath as GET } from "@/lib/api/endpoints";
export { preflight as OPTIONS } from "@/lib/api/respond";
