/**
 * A generated province for the scale checks of issue 10: 1 province, 10 districts, 100 communes,
 * 2,000 branches (20 per commune), written as an org file and imported with `org:import`'s code.
 */
import { importOrg } from "../../bot/app/org-import.ts";
import { parseOrgFile } from "../../bot/domain/org.ts";
import type { Db } from "../../prisma/db.ts";

export const PROVINCE = { districts: 10, communesPerDistrict: 10, branchesPerCommune: 20 } as const;

export const districtCode = (d: number) => `H${String(d).padStart(2, "0")}`;
export const communeCode = (d: number, c: number) => `${districtCode(d)}-X${String(c).padStart(2, "0")}`;
export const branchCode = (d: number, c: number, b: number) => `${communeCode(d, c)}-CD${String(b).padStart(2, "0")}`;

export function provinceOrgYaml(): string {
  const lines = ["units:", "  - code: TINH-BA", "    name: Tỉnh đoàn Bình An", "    level: Tỉnh đoàn", "    children:"];
  for (let d = 1; d <= PROVINCE.districts; d++) {
    lines.push(`      - code: ${districtCode(d)}`, `        name: Huyện đoàn số ${d}`, "        level: Huyện đoàn", "        children:");
    for (let c = 1; c <= PROVINCE.communesPerDistrict; c++) {
      lines.push(`          - code: ${communeCode(d, c)}`, `            name: Đoàn xã ${d}.${c}`, "            level: Đoàn cơ sở", "            children:");
      for (let b = 1; b <= PROVINCE.branchesPerCommune; b++) lines.push(`              - { code: ${branchCode(d, c, b)}, name: Chi đoàn ấp ${d}.${c}.${b}, level: Chi đoàn, branch: true }`);
    }
  }
  return lines.join("\n") + "\n";
}

export async function importProvince(prisma: Db): Promise<void> {
  await importOrg(prisma, parseOrgFile(provinceOrgYaml(), "province.yaml"));
}

/**
 * The same tree written directly (a few set-based inserts with explicit ids and paths), for
 * tests that cannot spend `org:import`'s time on 2,111 units; the bench uses `importProvince`.
 */
export async function insertProvince(prisma: Db): Promise<void> {
  const base = ((await prisma.unit.aggregate({ _max: { id: true } }))._max.id ?? 0) + 1;
  let next = base;
  const rows: { id: number; code: string; name: string; level: string; parentId: number | null; path: string; depth: number; isBranch: boolean }[] = [];
  const root = next++;
  rows.push({ id: root, code: "TINH-BA", name: "Tỉnh đoàn Bình An", level: "Tỉnh đoàn", parentId: null, path: `/${root}/`, depth: 0, isBranch: false });
  for (let d = 1; d <= PROVINCE.districts; d++) {
    const did = next++;
    const dpath = `/${root}/${did}/`;
    rows.push({ id: did, code: districtCode(d), name: `Huyện đoàn số ${d}`, level: "Huyện đoàn", parentId: root, path: dpath, depth: 1, isBranch: false });
    for (let c = 1; c <= PROVINCE.communesPerDistrict; c++) {
      const cid = next++;
      const cpath = `${dpath}${cid}/`;
      rows.push({ id: cid, code: communeCode(d, c), name: `Đoàn xã ${d}.${c}`, level: "Đoàn cơ sở", parentId: did, path: cpath, depth: 2, isBranch: false });
      for (let b = 1; b <= PROVINCE.branchesPerCommune; b++) {
        const bid = next++;
        rows.push({ id: bid, code: branchCode(d, c, b), name: `Chi đoàn ấp ${d}.${c}.${b}`, level: "Chi đoàn", parentId: cid, path: `${cpath}${bid}/`, depth: 3, isBranch: true });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 500) await prisma.unit.createMany({ data: rows.slice(i, i + 500) });
  // PostgreSQL's sequence must move past the explicit ids
  if ((prisma as unknown as { _activeProvider?: string })._activeProvider === "postgresql" || process.env.TEST_DB === "postgresql") {
    await prisma.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"Unit"', 'id'), (SELECT MAX(id) FROM "Unit"))`);
  }
}
