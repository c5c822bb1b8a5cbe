/** The constraint a PostgreSQL unique violation names, or null for any other error. */
export function uniqueViolation(e: unknown): string | null {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgErr = err.code === '23505' ? err : err.cause?.code === '23505' ? err.cause : null;
  return pgErr?.constraint ?? null;
}

/** Whether the error is PostgreSQL's refusal to delete a row that others still refer to. */
export function foreignKeyViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err.code === '23503' || err.cause?.code === '23503';
}
