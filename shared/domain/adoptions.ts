import { DocKind } from './documentSchema';
import { DocStatus } from './roles';

/**
 * The use made of social-conditions reports (社情民意信息) and research reports (调研报告),
 * recorded by the secretariat (docs/RULES.md U1-U3): forwarded (报送), adopted in a bulletin
 * (采用) or given a leader's instruction (批示), each at a level, with its evidence attached.
 */

export const AdoptionType = { forwarded: 'forwarded', adopted: 'adopted', instruction: 'instruction' } as const;
export type AdoptionType = (typeof AdoptionType)[keyof typeof AdoptionType];
export const ADOPTION_TYPES: readonly AdoptionType[] = [
  AdoptionType.forwarded,
  AdoptionType.adopted,
  AdoptionType.instruction,
];

/** The level: for `adopted`, whose information bulletin (市政协/省政协/全国政协); otherwise whose leaders or bodies. */
export const AdoptionLevel = { city: 'city', province: 'province', national: 'national' } as const;
export type AdoptionLevel = (typeof AdoptionLevel)[keyof typeof AdoptionLevel];
export const ADOPTION_LEVELS: readonly AdoptionLevel[] = [
  AdoptionLevel.city,
  AdoptionLevel.province,
  AdoptionLevel.national,
];

/** The kinds of document whose use is recorded (U1). Proposals have their handling (办理) instead. */
export const ADOPTABLE_KINDS: readonly DocKind[] = [DocKind.socialInfo, DocKind.researchReport];
/** A report is recorded once the committee passed it on: approved (审核通过) or filed (U1). */
export const ADOPTABLE_STATUSES: readonly DocStatus[] = [DocStatus.approved, DocStatus.filed];

export const MAX_ADOPTION_BY = 200;
export const MAX_ADOPTION_NOTE = 2_000;

/** One record of the use made of a report. */
export interface AdoptionRecord {
  readonly id: string;
  readonly docId: string;
  readonly type: AdoptionType;
  readonly level: AdoptionLevel;
  /** Who forwarded, adopted or instructed: a leader or a body, as text (e.g. 省政协办公厅). */
  readonly by: string;
  /** The day it happened (ms, the start of that day in the committee's time). */
  readonly at: number;
  readonly note: string;
  /** The evidence (an `evidence` attachment of the same document); null when none was attached. */
  readonly evidenceAttachmentId: string | null;
  readonly recordedBy: string;
  readonly recordedAt: number;
}

export function parseAdoptionType(value: unknown): AdoptionType | null {
  return ADOPTION_TYPES.find((each) => each === value) ?? null;
}

export function parseAdoptionLevel(value: unknown): AdoptionLevel | null {
  return ADOPTION_LEVELS.find((each) => each === value) ?? null;
}

/** Whether a document of this kind and status takes records of its use (U1). */
export function isAdoptable(kind: DocKind, status: DocStatus): boolean {
  return ADOPTABLE_KINDS.includes(kind) && ADOPTABLE_STATUSES.includes(status);
}

/** Whether the proposers are told of this record (U3): adopted and instructed, not only forwarded. */
export function notifiesProposers(type: AdoptionType): boolean {
  return type !== AdoptionType.forwarded;
}

export const AdoptionRefusal = {
  /** The evidence is not an `evidence` attachment of this document. */
  badEvidence: 'bad_evidence',
  /** The date is not a real day, or in the future. */
  badDate: 'bad_date',
} as const;
export type AdoptionRefusal = (typeof AdoptionRefusal)[keyof typeof AdoptionRefusal];

/** A day's slack for the clocks of the browser and the server, and time zones. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/**
 * A new record, checked (U2): its date not in the future, its evidence one of the document's
 * `evidence` attachments (`evidenceOfDoc`, read by the caller).
 */
export function newAdoptionRecord(
  input: Omit<AdoptionRecord, 'recordedAt' | 'recordedBy'>,
  evidenceOfDoc: readonly { readonly id: string; readonly kind: string; readonly docId: string }[],
  recordedBy: string,
  now: number,
): { readonly ok: true; readonly record: AdoptionRecord } | { readonly ok: false; readonly refusal: AdoptionRefusal } {
  if (!Number.isFinite(input.at) || input.at < 0 || input.at > now + FUTURE_SLACK_MS) {
    return { ok: false, refusal: AdoptionRefusal.badDate };
  }
  if (input.evidenceAttachmentId !== null) {
    const evidence = evidenceOfDoc.find((each) => each.id === input.evidenceAttachmentId);
    if (evidence === undefined || evidence.kind !== 'evidence' || evidence.docId !== input.docId) {
      return { ok: false, refusal: AdoptionRefusal.badEvidence };
    }
  }
  return {
    ok: true,
    record: { ...input, by: input.by.trim(), note: input.note.trim(), recordedBy, recordedAt: now },
  };
}
