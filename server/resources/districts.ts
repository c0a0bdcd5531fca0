// PennDOT's engineering districts: reference data, read-only.
import { DISTRICT_CODES } from '../../config/districts';
import { badRequest } from '../errors';
import { District } from '../models';
import { defineResource } from '../rest/resource';

export const districts = defineResource<District>({
  name: 'districts',
  model: District,
  fields: ['code', 'name', 'headquarters', 'counties'],
  sortable: ['code', 'name', 'headquarters'],
  filterable: ['code', 'headquarters'],
  readOnly: true,
});

/** Parses a district filter value (one code or several) into known codes, or a 400. */
export function districtCodes(value: unknown): string[] {
  const codes = Array.isArray(value) ? value : [value];
  if (codes.length === 0 || !codes.every((c): c is string => typeof c === 'string' && DISTRICT_CODES.includes(c))) {
    throw badRequest(`A district is one of ${DISTRICT_CODES.join(', ')}.`);
  }
  return codes;
}

/** A subquery of the ids of billing accounts serving any of the districts (codes are validated first). */
export function billingIdsInDistricts(value: unknown): string {
  const codes = districtCodes(value).map((c) => `'${c}'`).join(', ');
  return `(SELECT billing_account_id FROM billing_account_districts WHERE district IN (${codes}))`;
}
