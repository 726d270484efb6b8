// The explicit, alphabetized registry of table kinds. Adding a kind: one module here plus its tests.
import type { Definition } from '../tables/definition';
import basicIndicators from './basic-indicators';
import dynamics from './dynamics';
import fundComposition from './fund-composition';
import fundIndicators from './fund-indicators';
import fundMovement from './fund-movement';
import fundReceipts from './fund-receipts';
import fundWithdrawals from './fund-withdrawals';
import libraryNetwork from './library-network';
import modelStandardGrid from './model-standard-grid';
import relativeIndicators from './relative-indicators';
import staffAge from './staff-age';
import staffCategories from './staff-categories';
import staffEducation from './staff-education';
import staffRates from './staff-rates';
import staffTenure from './staff-tenure';
import visitsPlan from './visits-plan';

export const KINDS: readonly Definition[] = [
  basicIndicators,
  dynamics,
  fundComposition,
  fundIndicators,
  fundMovement,
  fundReceipts,
  fundWithdrawals,
  libraryNetwork,
  modelStandardGrid,
  relativeIndicators,
  staffAge,
  staffCategories,
  staffEducation,
  staffRates,
  staffTenure,
  visitsPlan,
];
