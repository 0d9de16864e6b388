// The json-schema-faker side of the comparison, as one whole process (as MockGen's is): reads every *.json
// schema of a folder (sorted by name) and writes N payloads per schema as NDJSON records shaped like MockGen's
// ({"meta": {"contract", "target"}, "payload"}), so `mockgen validate <folder> <file>` can judge them.
// json-schema-faker's own CLI takes one schema per process; starting Node once per schema would measure
// Node's start-up, not generation. A schema it cannot generate for is counted and reported on stderr.
// Usage: node jsf-driver.mjs <folder> <count> <output file>
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createGenerator } from "json-schema-faker";

const [folder, countText, output] = process.argv.slice(2);
const count = Number.parseInt(countText ?? "10", 10);
const lines = [];
let failures = 0;
for (const name of readdirSync(folder).filter((file) => file.endsWith(".json")).sort()) {
  try {
    const schema = JSON.parse(readFileSync(join(folder, name), "utf8"));
    const generator = createGenerator({ seed: 1 });
    for (let index = 0; index < count; index++) {
      const payload = await generator.generate(schema);
      lines.push(JSON.stringify({ meta: { contract: name, target: "#" }, payload }));
    }
  } catch (error) {
    failures++;
    console.error(`jsf: ${name}: ${error?.message ?? error}`);
  }
}
writeFileSync(output, lines.length ? lines.join("\n") + "\n" : "");
console.error(`jsf: ${lines.length} payloads, ${failures} schemas failed`);
