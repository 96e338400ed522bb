import type { DutyFact } from './dutyScoring';
import type { UserId } from './ids';

/**
 * A member's duty book for one year (docs/RULES.md B1-B7): what people write about the year
 * beside the facts the system builds. The member's own summary (个人总结) and its submission,
 * the convener's and the office's confirmations, the facts the office records from outside
 * Jianyan with their evidence, the member's correction requests, reminders and talks (约谈).
 * Stored whole with a version every change bumps; pure changes, as the handling cases.
 */

export const MAX_SUMMARY_LENGTH = 3000;
export const MAX_DUTY_NOTE = 500;
/** Points one external fact may carry either way. */
export const MAX_EXTERNAL_POINTS = 20;

export const DutyFormState = {
  draft: 'draft',
  submitted: 'submitted',
  convenerConfirmed: 'convener_confirmed',
  confirmed: 'confirmed',
} as const;
export type DutyFormState = (typeof DutyFormState)[keyof typeof DutyFormState];

export interface Signed {
  readonly by: UserId;
  readonly at: number;
}

/** Something the member did outside Jianyan (a plenary speech, an award), recorded by the office with its evidence. */
export interface ExternalFact {
  readonly id: string;
  /** When it happened. */
  readonly at: number;
  readonly points: number;
  readonly note: string;
  /** What proves it: a document number, a newspaper, an attachment's name. */
  readonly evidence: string;
  readonly recordedBy: UserId;
  readonly recordedAt: number;
}

/** A member's request to correct the ledger, sent to whoever recorded the fact (B4). */
export interface CorrectionRequest {
  readonly id: string;
  /** The fact found wrong; null for a fact found missing. */
  readonly factId: string | null;
  readonly message: string;
  /** The activity's organiser, or the office for documents and external facts. */
  readonly recorderId: UserId | null;
  readonly askedAt: number;
  readonly answer: {
    readonly accepted: boolean;
    readonly text: string;
    readonly by: UserId;
    readonly at: number;
  } | null;
}

/** A talk (约谈) with the member: with the convener, or with the committee the second year running. */
export interface DutyTalk {
  readonly id: string;
  readonly at: number;
  readonly note: string;
  readonly by: UserId;
  readonly recordedAt: number;
}

export interface DutyReminder {
  readonly by: UserId;
  readonly at: number;
  readonly note: string;
}

export interface DutyBook {
  readonly userId: UserId;
  readonly year: number;
  readonly summary: string;
  readonly state: DutyFormState;
  readonly submittedAt: number | null;
  readonly convenerConfirmation: Signed | null;
  readonly officeConfirmation: Signed | null;
  /** Why the form was sent back, when it was. */
  readonly returnNote: string | null;
  readonly externalFacts: readonly ExternalFact[];
  readonly corrections: readonly CorrectionRequest[];
  readonly talks: readonly DutyTalk[];
  readonly reminders: readonly DutyReminder[];
  /** 0 for a book not stored yet. */
  readonly version: number;
}

export function emptyDutyBook(userId: UserId, year: number): DutyBook {
  return {
    userId,
    year,
    summary: '',
    state: DutyFormState.draft,
    submittedAt: null,
    convenerConfirmation: null,
    officeConfirmation: null,
    returnNote: null,
    externalFacts: [],
    corrections: [],
    talks: [],
    reminders: [],
    version: 0,
  };
}

export const DutyBookRefusal = {
  notDraft: 'not_draft',
  summaryNeeded: 'summary_needed',
  notSubmitted: 'not_submitted',
  convenerFirst: 'convener_first',
  notConfirmable: 'not_confirmable',
  noSuchFact: 'no_such_fact',
  noSuchCorrection: 'no_such_correction',
  answered: 'answered',
  notRecorder: 'not_recorder',
  closedYear: 'closed_year',
} as const;
export type DutyBookRefusal = (typeof DutyBookRefusal)[keyof typeof DutyBookRefusal];

export type DutyBookChange =
  | { readonly ok: true; readonly next: DutyBook }
  | { readonly ok: false; readonly refusal: DutyBookRefusal };

function changed(book: DutyBook, patch: Partial<DutyBook>): DutyBookChange {
  return { ok: true, next: { ...book, ...patch, version: book.version + 1 } };
}

function refuse(refusal: DutyBookRefusal): DutyBookChange {
  return { ok: false, refusal };
}

/** B1: the member writes the summary while the form is a draft (or sent back). */
export function writeSummary(book: DutyBook, summary: string): DutyBookChange {
  return book.state === DutyFormState.draft ? changed(book, { summary }) : refuse(DutyBookRefusal.notDraft);
}

/** B1: the member submits the form with a summary written. */
export function submitForm(book: DutyBook, at: number): DutyBookChange {
  if (book.state !== DutyFormState.draft) {
    return refuse(DutyBookRefusal.notDraft);
  }
  if (book.summary.trim() === '') {
    return refuse(DutyBookRefusal.summaryNeeded);
  }
  return changed(book, { state: DutyFormState.submitted, submittedAt: at, returnNote: null });
}

/**
 * B2: the convener confirms a submitted form, then the office. The office confirms a submitted
 * form at once when `convenerStep` is false: the member has no convener but themselves.
 */
export function confirmForm(
  book: DutyBook,
  as: 'convener' | 'office',
  signed: Signed,
  convenerStep: boolean,
): DutyBookChange {
  if (as === 'convener') {
    return book.state === DutyFormState.submitted
      ? changed(book, { state: DutyFormState.convenerConfirmed, convenerConfirmation: signed })
      : refuse(book.state === DutyFormState.draft ? DutyBookRefusal.notSubmitted : DutyBookRefusal.notConfirmable);
  }
  if (book.state === DutyFormState.convenerConfirmed || (!convenerStep && book.state === DutyFormState.submitted)) {
    return changed(book, { state: DutyFormState.confirmed, officeConfirmation: signed });
  }
  if (book.state === DutyFormState.submitted) {
    return refuse(DutyBookRefusal.convenerFirst);
  }
  return refuse(book.state === DutyFormState.draft ? DutyBookRefusal.notSubmitted : DutyBookRefusal.notConfirmable);
}

/** B2: a convener or the office sends a submitted form back to the member, saying why. */
export function returnForm(book: DutyBook, note: string): DutyBookChange {
  if (book.state === DutyFormState.draft || book.state === DutyFormState.confirmed) {
    return refuse(book.state === DutyFormState.draft ? DutyBookRefusal.notSubmitted : DutyBookRefusal.notConfirmable);
  }
  return changed(book, {
    state: DutyFormState.draft,
    returnNote: note,
    convenerConfirmation: null,
    officeConfirmation: null,
  });
}

/** B3: the office records a fact from outside Jianyan, with its evidence. */
export function addExternalFact(book: DutyBook, fact: ExternalFact): DutyBookChange {
  return changed(book, { externalFacts: [...book.externalFacts, fact] });
}

export function removeExternalFact(book: DutyBook, factId: string): DutyBookChange {
  const remaining = book.externalFacts.filter((fact) => fact.id !== factId);
  return remaining.length === book.externalFacts.length
    ? refuse(DutyBookRefusal.noSuchFact)
    : changed(book, { externalFacts: remaining });
}

/** B4: the member asks whoever recorded a fact to correct it (or to add one missing). */
export function askCorrection(book: DutyBook, request: CorrectionRequest): DutyBookChange {
  return changed(book, { corrections: [...book.corrections, request] });
}

/** B4: the recorder (or the office) answers a correction request once. */
export function answerCorrection(
  book: DutyBook,
  correctionId: string,
  answer: NonNullable<CorrectionRequest['answer']>,
  mayAnswerAny: boolean,
): DutyBookChange {
  const request = book.corrections.find((each) => each.id === correctionId);
  if (request === undefined) {
    return refuse(DutyBookRefusal.noSuchCorrection);
  }
  if (request.answer !== null) {
    return refuse(DutyBookRefusal.answered);
  }
  if (!mayAnswerAny && request.recorderId !== answer.by) {
    return refuse(DutyBookRefusal.notRecorder);
  }
  return changed(book, {
    corrections: book.corrections.map((each) => (each.id === correctionId ? { ...each, answer } : each)),
  });
}

/** B5: a reminder sent to the member, kept with the book. */
export function remind(book: DutyBook, reminder: DutyReminder): DutyBookChange {
  return changed(book, { reminders: [...book.reminders, reminder] });
}

/** B5: a talk (约谈) held with the member, recorded with its date and note. */
export function recordTalk(book: DutyBook, talk: DutyTalk): DutyBookChange {
  return changed(book, { talks: [...book.talks, talk] });
}

/** B3: the external facts of the book, as ledger facts. */
export function externalLedgerFacts(book: DutyBook): DutyFact[] {
  return book.externalFacts.map((fact) => ({
    id: `external:${fact.id}`,
    userId: book.userId,
    at: fact.at,
    source: { type: 'manual', id: fact.id },
    kind: 'external',
    points: fact.points,
    note: fact.note,
  }));
}
