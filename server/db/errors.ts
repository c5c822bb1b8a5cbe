/** The constraint a PostgreSQL unique violation names, or null for any other error. */
export function uniqueViolation(e: unknown): string | null {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgErr = err.code === '23505' ? err : err.cause?.code === '23505' ? err.cause : null;
  return pgErr?.constraint ?? null;
}
