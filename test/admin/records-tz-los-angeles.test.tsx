/**
 * @jest-environment ./test/admin/records-tz.environment.cjs
 * @jest-environment-options {"timezone": "America/Los_Angeles"}
 */
// The whole file runs in Los Angeles (UTC−8 in January). The environment sets the zone on the worker's
// real process (jest gives a test file only a copy of process.env); this line, before any import,
// says it here too.
process.env.TZ = 'America/Los_Angeles';
// eslint-disable-next-line import/first
import { dateCases } from './records-tz.cases';

dateCases('America/Los_Angeles', 8);
