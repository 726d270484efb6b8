// Where the relative indicators of 4.5 and 5.4 take their figures from (the same year's tables).
type Sources = Array<{ kind: string; select: Record<string, string> }>;

const basic = (indicator: string): Sources[number] => ({ kind: 'basic-indicators', select: { indicator } });

export const LOANS: Sources = [basic('loans')];
export const USERS: Sources = [basic('users')];
export const VISITS: Sources = [basic('visits')];
/** The fund at the end of the year: the movement table's end row, else the composition table's Всего. */
export const FUND_END: Sources = [
  { kind: 'fund-movement', select: { stage: 'end', kind: 'total' } },
  { kind: 'fund-composition', select: { subject: 'total' } },
];
export const RECEIVED: Sources = [
  { kind: 'fund-receipts', select: { item: 'total' } },
  { kind: 'fund-movement', select: { stage: 'received', kind: 'total' } },
];
export const WITHDRAWN: Sources = [
  { kind: 'fund-withdrawals', select: { reason: '*' } },
  { kind: 'fund-movement', select: { stage: 'withdrawn', kind: 'total' } },
];

/** The four indicators 4.5 and 5.4 share, each recomputed from the same year's tables. */
export const SHARED_INDICATORS = [
  { here: { indicator: 'reading' }, num: [{ from: LOANS }], den: USERS },
  { here: { indicator: 'attendance' }, num: [{ from: VISITS }], den: USERS },
  { here: { indicator: 'turnover' }, num: [{ from: LOANS }], den: FUND_END },
  { here: { indicator: 'provision' }, num: [{ from: FUND_END }], den: USERS },
];
