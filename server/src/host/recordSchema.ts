/**
 * The record schema at run time: `schema/record.v1.schema.json` (JSON Schema 2020-12), validated
 * with ajv. The schema file is the contract and ships beside the bundles (dist/../schema/), so it
 * is read from disk rather than copied into code.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";

export const RECORD_SCHEMA_FILE = "record.v1.schema.json";

/** One way a value breaks the schema: where (a JSON Pointer, RFC 6901, "" for the whole record) and why. */
export interface SchemaProblem {
  pointer: string;
  message: string;
}

let validator: ValidateFunction | undefined;
let schema: { $defs?: Record<string, { properties?: Record<string, unknown> }> } | undefined;

function recordSchema(): NonNullable<typeof schema> {
  schema ??= JSON.parse(readFileSync(recordSchemaPath(), "utf8")) as NonNullable<typeof schema>;
  return schema;
}

/** The attribute names the schema gives entity type `type` (`$defs/<type>Attributes`), in its order; [] for a type it has none for. */
export function attributeNames(type: string): string[] {
  return Object.keys(recordSchema().$defs?.[`${type}Attributes`]?.properties ?? {});
}

/**
 * The schema's path: `schema/` in the first folder at or above this module that has one (dist/ in a
 * bundle or the extension, build/server/src/host/ in tests). Throws when there is none.
 */
export function recordSchemaPath(): string {
  return schemaPath(RECORD_SCHEMA_FILE);
}

/** The path of `schema/<file>` in the first folder at or above this module that has it; throws when none does. */
export function schemaPath(file: string): string {
  for (let dir = __dirname, k = 0; k < 8; dir = dirname(dir), k++) {
    const candidate = join(dir, "schema", file);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`the schema schema/${file} was not found above ${__dirname}`);
}

/** Checks `value` against the record schema; [] when it follows it. */
export function schemaProblems(value: unknown): SchemaProblem[] {
  validator ??= new Ajv2020({ allErrors: true, strict: false }).compile(recordSchema());
  if (validator(value)) return [];
  return deduplicate((validator.errors ?? []).filter((e) => e.keyword !== "if").map(describe));
}

/** An ajv error as a problem with a readable message. */
export function describe(error: ErrorObject): SchemaProblem {
  const where = error.instancePath === "" ? "the record" : error.instancePath;
  switch (error.keyword) {
    case "enum":
      return { pointer: error.instancePath, message: `${where} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}` };
    case "required":
      return { pointer: error.instancePath, message: `${where} lacks "${(error.params as { missingProperty: string }).missingProperty}"` };
    case "const":
      return { pointer: error.instancePath, message: `${where} must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}` };
    default:
      return { pointer: error.instancePath, message: `${where} ${error.message ?? "is not valid"}` };
  }
}

export function deduplicate(problems: SchemaProblem[]): SchemaProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.message) && seen.add(p.message));
}
