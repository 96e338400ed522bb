import type { MemberYearAnswer } from '../../../shared/api/duty';

type Book = MemberYearAnswer['book'];

/** Why 提交 is disabled, as a key of `duty.form`; null when the form may be submitted. */
export function submitBlocker(input: {
  readonly summary: string;
  readonly isDirty: boolean;
  readonly isWritable: boolean;
}): 'needsSummary' | 'needsSave' | null {
  if (!input.isWritable) {
    return null;
  }
  if (input.summary.trim() === '') {
    return 'needsSummary';
  }
  return input.isDirty ? 'needsSave' : null;
}

/** One line of the form's history: its key in `duty.state` and who signed when. */
export interface StateLine {
  readonly key: 'submittedAt' | 'convenerBy' | 'officeBy';
  readonly by: Book['userId'] | null;
  readonly at: number;
}

/** What happened to the form so far, in order: submitted, confirmed by the convener, by the office. */
export function stateLines(
  book: Pick<Book, 'state' | 'submittedAt' | 'convenerConfirmation' | 'officeConfirmation'>,
): StateLine[] {
  const lines: StateLine[] = [];
  if (book.state !== 'draft' && book.submittedAt !== null) {
    lines.push({ key: 'submittedAt', by: null, at: book.submittedAt });
  }
  if (book.convenerConfirmation !== null) {
    lines.push({ key: 'convenerBy', ...book.convenerConfirmation });
  }
  if (book.officeConfirmation !== null) {
    lines.push({ key: 'officeBy', ...book.officeConfirmation });
  }
  return lines;
}
