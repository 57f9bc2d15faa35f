/**
 * The built-in knowledge base's files (server/src/engine/data/kb/): each follows
 * schema/kb.v1.schema.json, every fact carries a source address, ids are unique across the files,
 * and every role, portfolio and forum kind is a code the engine itself uses.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { builtInKnowledgeBase, type KnowledgeBaseData } from "../../server/src/engine";
import { repoRoot } from "../helpers/paths";

const folder = join(repoRoot, "server", "src", "engine", "data", "kb");
const files = readdirSync(folder).filter((f) => f.endsWith(".json")).sort();
const read = (file: string): KnowledgeBaseData => JSON.parse(readFileSync(join(folder, file), "utf8")) as KnowledgeBaseData;
const officials = JSON.parse(readFileSync(join(repoRoot, "server", "src", "engine", "data", "officials.json"), "utf8")) as { titles: { role: string }[]; portfolios: { id: string }[] };
const forumGrammar = JSON.parse(readFileSync(join(repoRoot, "server", "src", "engine", "data", "forums.json"), "utf8")) as { heads: { kind: string }[]; englishHeads: { kind: string }[]; standingAcronyms: { kind: string }[]; kindHints: { kind: string }[] };

test("every built-in knowledge base file follows the schema", () => {
  assert.deepEqual(files, ["asean.json", "forums.json", "partners.json", "vietnam.json"]);
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(repoRoot, "schema", "kb.v1.schema.json"), "utf8")) as object);
  for (const file of files) assert.ok(validate(read(file)), `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
});

test("every fact has a source: each person, each office, each forum series and each edition", () => {
  const address = /^https?:\/\/\S+$/; // built-in facts cite pages (a workspace's may cite its article, file:)
  let facts = 0;
  for (const file of files) {
    const data = read(file);
    for (const person of data.people ?? []) {
      assert.match(person.source, address, `${file} ${person.id}`);
      for (const role of person.roles) assert.match(role.source, address, `${file} ${person.id} ${role.role}`);
      facts += 1 + person.roles.length;
    }
    for (const forum of data.forums ?? []) {
      assert.match(forum.source, address, `${file} ${forum.id}`);
      for (const edition of forum.editions ?? []) assert.match(edition.source, address, `${file} ${forum.id} ${edition.number}`);
      facts += 1 + (forum.editions?.length ?? 0);
    }
  }
  assert.ok(facts > 500, `${facts} facts`);
});

test("ids are unique across the files; codes are the engine's; terms end after they start", () => {
  const roles = new Set(officials.titles.map((t) => t.role));
  const portfolios = new Set(officials.portfolios.map((p) => p.id));
  const kinds = new Set([...forumGrammar.heads, ...forumGrammar.englishHeads, ...forumGrammar.standingAcronyms, ...forumGrammar.kindHints].map((h) => h.kind));
  const ids = new Set<string>();
  for (const file of files) {
    const data = read(file);
    for (const entry of [...(data.people ?? []), ...(data.forums ?? [])]) {
      assert.ok(!ids.has(entry.id), `${file}: ${entry.id} is defined twice`);
      ids.add(entry.id);
    }
    for (const person of data.people ?? []) {
      // A workspace's entry may name a person only; a built-in one says whose and which offices.
      assert.match(person.country ?? "", /^[A-Z]{2}$/, `${file} ${person.id}: a country`);
      assert.ok(person.roles.length > 0, `${file} ${person.id}: at least one office`);
      for (const role of person.roles) {
        assert.ok(roles.has(role.role), `${file} ${person.id}: role "${role.role}" is no role code of the engine`);
        if (role.portfolio) assert.ok(portfolios.has(role.portfolio), `${file} ${person.id}: portfolio "${role.portfolio}"`);
        if (role.end) assert.ok(role.end >= role.start.slice(0, role.end.length), `${file} ${person.id}: ${role.role} ends (${role.end}) before it starts (${role.start})`);
      }
    }
    for (const forum of data.forums ?? []) if (forum.kind) assert.ok(kinds.has(forum.kind), `${file} ${forum.id}: kind "${forum.kind}"`);
  }
});

test("the built-in knowledge base finds its people by any spelling of their names", () => {
  const kb = builtInKnowledgeBase();
  assert.deepEqual(kb.peopleNamed("pham minh chinh").map((p) => p.id), ["vn.pham-minh-chinh"]);
  assert.deepEqual(kb.peopleNamed("Phạm Minh Chính".normalize("NFD")).map((p) => p.id), ["vn.pham-minh-chinh"]);
  assert.equal(kb.forumNamed("Hội nghị Cấp cao ASEAN lần thứ 43")?.id !== undefined, true);
});
