/** Whether a database error is a unique-key violation (a repeat refused by its key). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === "P2002" || /unique constraint/i.test(err?.message ?? "");
}
