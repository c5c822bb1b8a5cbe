import type { Compliance, Figures, StatsOrg } from '../../../common/schemas/stats';

/** 0.873 → "87.3%"; no rate yet → "—". */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${Math.round(rate * 1000) / 10}%`;
}

export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * A fixed-day figure of an org, or "exempt": an org excused from the fixed day (or whose only
 * branches are) is never shown as failing it.
 */
export function isFixedDayExempt(org: StatsOrg, compliance: Compliance): boolean {
  return org.exemptions.includes('fixed_day') || (compliance.due === 0 && compliance.exemptBranches > 0);
}

export type ComplianceKey = 'held' | 'onFixedDay' | 'withPlan';

export function complianceRate(figures: Figures, key: ComplianceKey): number | null {
  return ratio(figures.compliance[key], figures.compliance.due);
}
