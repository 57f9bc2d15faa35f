import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { repoRoot } from "./paths";

const schema: unknown = JSON.parse(readFileSync(join(repoRoot, "schema", "record.v1.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema as object);

/** Throws with every schema error when `record` does not follow the record schema. */
export function assertValidRecord(record: unknown, label = "record"): void {
  if (!validate(record)) throw new Error(`${label} does not follow record.v1.schema.json:\n${ajv.errorsText(validate.errors, { separator: "\n" })}`);
}
