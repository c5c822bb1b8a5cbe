-- A ranking's rows carry each item's value and no longer its breakdown: the points follow from
-- the values and the weights by one rule (common/scoring.ts), on every screen and in Excel.
-- Published rankings keep their values, scores and weights; only the repeated lines go.
UPDATE published_rankings p SET rows = coalesce((
  SELECT jsonb_agg(
    (r.row - 'lines') || jsonb_build_object('values', (
      SELECT jsonb_object_agg(l.line->>'item', l.line->'value') FROM jsonb_array_elements(r.row->'lines') l(line)
    ))
    ORDER BY r.n)
  FROM jsonb_array_elements(p.rows) WITH ORDINALITY r(row, n)
), '[]'::jsonb)
WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(p.rows) r(row) WHERE r.row ? 'lines');
