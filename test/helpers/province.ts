/**
 * A generated province for the scale checks of issue 10: 1 province, 10 districts, 100 communes,
 * 2,000 branches (20 per commune), written as an org file for `org:import` (the test runs the
 * compiled CLI on it; the bench imports it with `org:import`'s code).
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
