/**
 * The record schema at run time: `schema/record.v1.schema.json` (JSON Schema 2020-12), validated
 * with ajv. The schema file is the contract and ships beside the bundles (dist/../schema/), so it
 * is read from disk rather than copied into code.
 */
import * as l10n from "@vscode/l10n";
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
  throw new Error(l10n.t("the schema schema/{0} was not found above {1}", file, __dirname));
}

/** Checks `value` against the record schema; [] when it follows it. */
export function schemaProblems(value: unknown): SchemaProblem[] {
  validator ??= new Ajv2020({ allErrors: true, strict: false }).compile(recordSchema());
  if (validator(value)) return [];
  return deduplicate((validator.errors ?? []).filter((e) => e.keyword !== "if").map((e) => describe(e)));
}

/** An ajv error as a problem with a readable message. */
export function describe(error: ErrorObject, whole: string = l10n.t("the record")): SchemaProblem {
  const where = error.instancePath === "" ? whole : error.instancePath;
  switch (error.keyword) {
    case "enum":
      return { pointer: error.instancePath, message: l10n.t("{0} must be one of {1}", where, (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")) };
    case "required":
      return { pointer: error.instancePath, message: l10n.t('{0} lacks "{1}"', where, (error.params as { missingProperty: string }).missingProperty) };
    case "const":
      return { pointer: error.instancePath, message: l10n.t("{0} must be {1}", where, JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)) };
    default:
      // ajv's own message (English: ajv's translations are not bundled).
      return { pointer: error.instancePath, message: error.message === undefined ? l10n.t("{0} is not valid", where) : `${where} ${error.message}` };
  }
}

export function deduplicate(problems: SchemaProblem[]): SchemaProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.message) && seen.add(p.message));
}
