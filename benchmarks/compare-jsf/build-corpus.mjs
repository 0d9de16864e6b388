// Writes the default corpus of the MockGen / json-schema-faker comparison: every schema of the official
// JSON-Schema-Test-Suite (draft 2020-12, required tests only, not tests/draft2020-12/optional) for which the
// suite lists at least one valid instance, so each is known to be satisfiable. One standalone .json file per
// test group, named <suite file>-<group index>.json, in a stable order, so the corpus is the same on every machine.
// Left out: boolean schemas (not a contract file), and groups that need a remote document (refRemote.json and
// schemas naming localhost), because neither tool fetches over the network here.
// Usage: node build-corpus.mjs <suite tests/draft2020-12 folder> <output folder>
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  console.error("usage: node build-corpus.mjs <suite draft folder> <output folder>");
  process.exit(2);
}

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
let written = 0;
for (const file of readdirSync(source).filter((name) => name.endsWith(".json")).sort()) {
  if (file === "refRemote.json") continue;
  const groups = JSON.parse(readFileSync(join(source, file), "utf8"));
  groups.forEach((group, index) => {
    const schema = group.schema;
    if (typeof schema !== "object" || schema === null) return;
    if (!group.tests.some((test) => test.valid === true)) return;
    const text = JSON.stringify(schema, null, 2);
    if (text.includes("localhost")) return;
    writeFileSync(join(target, `${file.slice(0, -5)}-${String(index).padStart(2, "0")}.json`), text + "\n");
    written++;
  });
}
console.error(`corpus: ${written} schemas in ${target}`);
