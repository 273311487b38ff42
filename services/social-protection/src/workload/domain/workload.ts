import type { RegionalParameters } from '../../parameters/domain/regional-parameters';

type Norm =
  | 'NORM_PRIMARY_CONSULTATION_MINUTES'
  | 'NORM_DATA_ENTRY_MINUTES'
  | 'NORM_PSA_DRAFTING_MINUTES'
  | 'NORM_PSA_BEFORE_COMMISSION_MINUTES'
  | 'NORM_COMMISSION_APPROVAL_MINUTES'
  | 'NORM_MONTHLY_REPORT_MINUTES'
  | 'NORM_CONTROL_VISIT_MINUTES'
  | 'NORM_EVALUATION_MINUTES'
  | 'NORM_POST_MONITORING_MINUTES';

/** Which norms of seed 003 an operation spends (хронометраж). */
export const OPERATION_NORMS: Readonly<Record<string, readonly Norm[]>> = {
  submitScApplication: ['NORM_PRIMARY_CONSULTATION_MINUTES', 'NORM_DATA_ENTRY_MINUTES'],
  draftAdaptationProgramme: ['NORM_PSA_DRAFTING_MINUTES'],
  submitProgrammeToCommission: ['NORM_PSA_BEFORE_COMMISSION_MINUTES'],
  recordCommissionDecision: ['NORM_COMMISSION_APPROVAL_MINUTES'],
  submitMonthlyReport: ['NORM_MONTHLY_REPORT_MINUTES'],
  recordControlVisit: ['NORM_CONTROL_VISIT_MINUTES'],
  evaluateSocialContract: ['NORM_EVALUATION_MINUTES'],
  recordPostMonitoringCheckpoint: ['NORM_POST_MONITORING_MINUTES'],
};

/** Normed minutes of an operation under the parameters in force (0 for one without a norm). */
export const normMinutes = (operation: string, p: RegionalParameters): number =>
  (OPERATION_NORMS[operation] ?? []).reduce((sum, code) => sum + p.get(code), 0);

/** A specialist's open cases, and the hours their recorded actions took this month. */
export interface Caseload {
  subject: string;
  territory: string;
  runningContracts: number;
  postMonitoringContracts: number;
  openApplications: number;
  minutesThisMonth: number;
}

/**
 * Нагрузка специалиста against seed 003: open contracts vs the 52 per
 * specialist, and the hours the open cases will need per month — a running
 * contract a monthly report and a control visit, a contract after its end
 * its post-contract hours spread over 12 months, an application in progress
 * its ПСА consultations and the МВК — against 176 h.
 */
export function specialistLoad(c: Caseload, p: RegionalParameters) {
  const perRunning = (p.get('NORM_MONTHLY_REPORT_MINUTES') + p.get('NORM_CONTROL_VISIT_MINUTES')) / 60;
  const perPostMonitoring = p.get('NORM_HOURS_AFTER_CONTRACT') / 12;
  const perApplication =
    (p.get('NORM_PSA_DRAFTING_MINUTES') +
      p.get('NORM_PSA_BEFORE_COMMISSION_MINUTES') +
      p.get('NORM_COMMISSION_APPROVAL_MINUTES')) /
    60;
  const projected =
    c.runningContracts * perRunning +
    c.postMonitoringContracts * perPostMonitoring +
    c.openApplications * perApplication;
  const openContracts = c.runningContracts + c.postMonitoringContracts;
  const hoursAvailable = p.get('WORK_HOURS_PER_MONTH');
  const contractsNorm = p.get('CONTRACTS_PER_SPECIALIST');
  return {
    subject: c.subject,
    territory: c.territory,
    openContracts,
    contractsNorm,
    openApplications: c.openApplications,
    hoursThisMonth: round1(c.minutesThisMonth / 60),
    projectedHoursPerMonth: round1(projected),
    hoursAvailable,
    overloaded: projected > hoursAvailable || c.runningContracts > contractsNorm,
  };
}

export type SpecialistLoad = ReturnType<typeof specialistLoad>;

/** The office: the staff's figures summed, and how many specialists its caseload needs by either norm. */
export function officeLoad(loads: SpecialistLoad[], p: RegionalParameters) {
  const sum = (f: (l: SpecialistLoad) => number) => loads.reduce((s, l) => s + f(l), 0);
  const projected = sum((l) => l.projectedHoursPerMonth);
  const contracts = sum((l) => l.openContracts);
  return {
    specialists: loads.length,
    openContracts: contracts,
    hoursThisMonth: round1(sum((l) => l.hoursThisMonth)),
    projectedHoursPerMonth: round1(projected),
    specialistsNeeded: Math.max(
      Math.ceil(projected / p.get('WORK_HOURS_PER_MONTH')),
      Math.ceil(contracts / p.get('CONTRACTS_PER_SPECIALIST')),
    ),
    /** The one a new case should go to: the least projected hours, then the fewest contracts. */
    leastLoaded:
      [...loads].sort(
        (a, b) => a.projectedHoursPerMonth - b.projectedHoursPerMonth || a.openContracts - b.openContracts,
      )[0]?.subject ?? null,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
