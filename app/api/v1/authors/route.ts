/** GET /api/v1/authors: the people with an author page, by slug (lib/api/endpoints.ts). */
export { listAuthorsEndpoint as GET } from "@/lib/api/endpoints";
export { preflight as OPTIONS } from "@/lib/api/respond";
