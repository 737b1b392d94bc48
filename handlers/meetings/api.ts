/**
 * The meetings feature's published interface: the only file of handlers/meetings/ another
 * feature imports (test/unit/architecture.test.ts checks it).
 *
 * Tables: meetings owns BranchMeeting and MeetingCheckin; nobody else writes them.
 *
 * ## The attendance of a branch's meeting (pre-fills `/dasinhhoat`)
 *
 *   import { attendanceFor } from "../meetings/api.ts";
 *   const n = await attendanceFor(s.prisma, unitId, "2026-11"); // number | null
 *
 * The number of members who checked in (`/comat <mã>`) at the branch's meeting of that month
 * (Vietnam time; the latest meeting of the month that has check-ins), or null when nobody
 * checked in at any meeting of the month (or the month key is malformed). Counts only.
 */
export { attendanceFor } from "./service.ts";
