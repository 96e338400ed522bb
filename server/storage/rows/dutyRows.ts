import { z } from 'zod';
import { closedResultSchema, dutyBookSchema, dutyYearSchema } from '../../../shared/api/duty';
import type { DutyBook } from '../../../shared/domain/dutyBook';
import type { DocCredit } from '../../../shared/domain/dutyCredits';
import type { DutyYearSettings } from '../../../shared/domain/dutyYear';
import type { DocId } from '../../../shared/domain/ids';
import { parseDocId, parseUserId } from '../../../shared/index';
import { need, needJson } from './rowChecks';

/** The duty record's rows as both SQL adapters read them, the JSON checked when read back. */

export interface DutyJsonRow {
  key: string;
  data: string;
}

const storedYearSchema = dutyYearSchema.extend({ closedResults: z.array(closedResultSchema).nullable() });

export function toBook(row: DutyJsonRow): DutyBook {
  return needJson(dutyBookSchema, row.data, 'duty_books', row.key, 'data') as DutyBook;
}

export function toYear(row: DutyJsonRow): DutyYearSettings {
  return needJson(storedYearSchema, row.data, 'duty_years', row.key, 'data') as DutyYearSettings;
}

export interface CreditRow {
  doc_id: string;
  user_id: string;
  chars: number | string;
  total: number | string;
  comments: number | string;
  reviews: number | string;
  at: number | string;
}

export function toCredit(row: CreditRow): DocCredit {
  const key = `${row.doc_id}/${row.user_id}`;
  return {
    docId: need(parseDocId(row.doc_id), 'doc_credits', key, 'doc_id') as DocId,
    userId: need(parseUserId(row.user_id), 'doc_credits', key, 'user_id'),
    chars: Number(row.chars),
    total: Number(row.total),
    comments: Number(row.comments),
    reviews: Number(row.reviews),
    at: Number(row.at),
  };
}

/** The marker row of a document read with no one credited: `user_id` empty. */
export const NO_ONE = '';
