/** GET /api/v1/sections: the sections, in the site's order (lib/api/endpoints.ts). */
export { listSectionsEndpoint as GET } from "@/lib/api/endpoints";
export { preflight as OPTIONS } from "@/lib/api/respond";
