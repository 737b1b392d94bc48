import { it } from "vitest";
import { Harness, TEST_ORG } from "../helpers/harness.ts";
import { seedActiveProvince } from "../helpers/dashboard-province.ts";
import { pageBlocks, PAGES } from "../../bot/app/dashboard/data.ts";
it("timing", async () => {
  let t = Date.now();
  const h = await Harness.create({ org: TEST_ORG, now: new Date("2026-11-25T02:00:00Z") });
  console.log("harness", Date.now() - t); t = Date.now();
  const cast = await h.cast();
  console.log("cast", Date.now() - t); t = Date.now();
  await seedActiveProvince(h.s.prisma, { youthId: await h.personId(cast.youth), cadreId: await h.personId(cast.cadre) });
  console.log("seed", Date.now() - t);
  const tinh = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } });
  for (const p of PAGES) { t = Date.now(); await pageBlocks({ prisma: h.s.prisma, secrets: h.s.secrets, now: h.clock.now() }, tinh, p, "2026-11"); console.log(p, Date.now() - t); }
  for (const p of PAGES) { t = Date.now(); await pageBlocks({ prisma: h.s.prisma, secrets: h.s.secrets, now: h.clock.now() }, tinh, p, "2026-11"); console.log(p, Date.now() - t); }
  await h.close();
}, 120000);
