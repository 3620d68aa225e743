/**
 * The manager's stored reports, checked with the report schema: fetched when the manager's records
 * are first read (storage.ts), so a learner's records are checked without it. A report is stored
 * as it arrived and checked; writing one back needs no stricter check than reading.
 */
import { ReportSchema } from '../exchange/report-schema.ts';
import { checkRecord } from './record-schemas.ts';
import type { RecordCheck } from './records.ts';

export const validateReport = (data: unknown): RecordCheck => checkRecord(ReportSchema, data);
