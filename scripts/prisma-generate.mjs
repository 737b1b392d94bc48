// Generates one Prisma client per provider from the single model definition in
// prisma/schema.prisma. Runs offline: `prisma generate` needs no schema engine,
// only a path to an existing file in PRISMA_SCHEMA_ENGINE_BINARY.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = readFileSync(join(root, "prisma/schema.prisma"), "utf8");
const prismaBin = join(root, "node_modules/prisma/build/index.js");

for (const provider of ["sqlite", "postgresql"]) {
  const dir = join(root, "prisma/generated", provider);
  mkdirSync(dir, { recursive: true });
  const schemaPath = join(dir, "schema.prisma");
  writeFileSync(
    schemaPath,
    source.replace('"PROVIDER"', JSON.stringify(provider)).replace('"OUTPUT"', JSON.stringify("./client")),
  );
  execFileSync(process.execPath, [prismaBin, "generate", "--schema", schemaPath], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
}
console.log("prisma clients generated (sqlite, postgresql)");
