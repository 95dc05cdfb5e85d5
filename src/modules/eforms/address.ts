// Addresses in e-forms name one of the city's communes (phường, xã, by its official code, units module) and the
// street part as typed. Since 1 July 2025 there are no districts: commune and city are the whole hierarchy.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { HOME_PROVINCE, listUnits } from '../units/index.ts';

export interface AddressUnit {
  code: string;
  /** The full name as it is written on papers: "Phường Ba Đình". */
  name: string;
}

export interface AddressValue {
  commune: string;
  street: string;
}

/** The communes of the city (Hà Nội: 126), sorted as Vietnamese sort, for the address select and its check. */
export async function loadAddressUnits(db: Kysely<PlatformTables>): Promise<AddressUnit[]> {
  const units = await listUnits(db, { parent: HOME_PROVINCE });
  return units.map((u) => ({ code: u.code, name: u.fullName }));
}

/** "12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội" — for receipts and officers' screens. */
export function addressText(value: AddressValue, units: readonly AddressUnit[], cityName = 'Thành phố Hà Nội'): string {
  const unit = units.find((u) => u.code === value.commune);
  return [value.street, unit?.name ?? value.commune, cityName].filter(Boolean).join(', ');
}
