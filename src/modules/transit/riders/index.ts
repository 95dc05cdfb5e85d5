// The riders' side of interoperable e-tickets (issue 15, TRANSPORT.md §1–2): transit accounts, media, the balance
// ledger, passes, concessions and the validators' deny/allow lists. Routes are named by GTFS route_id text only.
// Other modules (the fare engine, validators, pages) call what is exported here.
export { openAccount, findAccountOfCitizen, setAccountStatus, RIDER_CATEGORIES } from './accounts.ts';
export { registerMedium, blockMedium, replaceLostCard, accountOfMedium, MEDIUM_KINDS, type MediumInput } from './media.ts';
export { topUp, buyPass, balanceOf, refund, MAX_AMOUNT, type PassInput } from './money.ts';
export { proveAge, grantConcession, concessionsOf, CONCESSION_CATEGORIES, SENIOR_AGE } from './concessions.ts';
export { listDelta, fullList, versionChanges, denyForDebt, clearDebt, type ListDelta, type ListItem } from './lists.ts';
export { fareProfile, fareProfiles, chargeBalance, chargeBalances, type FareProfile, type DayProfile } from './clearing.ts';
export { checkCccd, birthdayAt, PROVINCE_CODES } from './cccd.ts';
export { accountOverview, findAccountFor, type AccountOverview, type MediumShown } from './view.ts';
export { RiderErrors } from './errors.ts';
export type { RidersTables, TransitAccount, Medium, ConcessionCategory, MediumKind, MediumStatus, ListName, LedgerRow, PassRow } from './repo.ts';
