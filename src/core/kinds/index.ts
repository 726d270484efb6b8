// The explicit, alphabetized registry of table kinds. Adding a kind: one module here plus its tests.
import type { Definition } from '../definition';
import fundMovement from './fund-movement';
import fundReceipts from './fund-receipts';
import fundWithdrawals from './fund-withdrawals';
import modelStandardGrid from './model-standard-grid';
import staffAge from './staff-age';
import staffCategories from './staff-categories';
import staffEducation from './staff-education';
import staffRates from './staff-rates';
import staffTenure from './staff-tenure';

export const KINDS: readonly Definition[] = [
  fundMovement,
  fundReceipts,
  fundWithdrawals,
  modelStandardGrid,
  staffAge,
  staffCategories,
  staffEducation,
  staffRates,
  staffTenure,
];
