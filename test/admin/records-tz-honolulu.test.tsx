/**
 * @jest-environment ./test/admin/records-tz.environment.cjs
 * @jest-environment-options {"timezone": "Pacific/Honolulu"}
 */
// The whole file runs in Honolulu (UTC−10, no daylight saving). The environment sets the zone on the worker's
// real process (jest gives a test file only a copy of process.env); this line, before any import,
// says it here too.
process.env.TZ = 'Pacific/Honolulu';
// eslint-disable-next-line import/first
import { dateCases } from './records-tz.cases';

dateCases('Pacific/Honolulu', 10);
