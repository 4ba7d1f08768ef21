/**
 * Validators for the Content API's tests (Vitest and Playwright): IPTC's ninjs 3.1 schema (draft 2020-12) with the
 * GeoJSON schema it refers to and the draft-07 meta-schema registered first, since nothing is fetched at test time
 * (../shared/standards/README.md); and the API's own OpenAPI document's schemas, compiled with the same Ajv so that
 * its ninjs schemas resolve to IPTC's.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

const STANDARDS = path.resolve(process.cwd(), "..", "..", "shared", "standards");

function standardsDir(): string {
  for (const dir of [STANDARDS, path.resolve(process.cwd(), "..", "shared", "standards"), "/work/shared/standards"]) {
    try {
      readFileSync(path.join(dir, "ninjs-schema_3.1.json"));
      return dir;
    } catch {
      // try the next place the shared folder may be
    }
  }
  throw new Error("The IPTC ninjs schema was not found in ../shared/standards");
}

export function createSchemaAjv(): Ajv2020 {
  const dir = standardsDir();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addMetaSchema(JSON.parse(readFileSync(path.join(process.cwd(), "node_modules", "ajv", "dist", "refs", "json-schema-draft-07.json"), "utf8")));
  ajv.addSchema(JSON.parse(readFileSync(path.join(dir, "GeoJSON.json"), "utf8")));
  ajv.addSchema(JSON.parse(readFileSync(path.join(dir, "ninjs-schema_3.1.json"), "utf8")));
  return ajv;
}

export const NINJS_SCHEMA_PATH = path.join(standardsDir(), "ninjs-schema_3.1.json");
export const NINJS_SCHEMA_ID = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json";

/** A validator per OpenAPI component schema (`Article`, `Problem`, …) of `document`. */
export function openApiValidators(ajv: Ajv2020, document: { components: { schemas: Record<string, unknown> } }): (name: string) => ValidateFunction {
  ajv.addSchema({ $id: "https://dateline.test/openapi.json", components: document.components }, "openapi");
  return (name) => ajv.getSchema(`https://dateline.test/openapi.json#/components/schemas/${name}`) as ValidateFunction;
}

export function describeErrors(validate: ValidateFunction): string {
  return JSON.stringify(validate.errors?.slice(0, 5) ?? [], null, 1);
}
