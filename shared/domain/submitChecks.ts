import type { BodyBlock } from './bodyBlocks';
import { type DocFields, FieldKey } from './documentFields';
import { DocKind } from './documentSchema';
import type { UserId } from './ids';

/**
 * The checks before submitting (提交前检查, docs/RULES.md K1-K5): pure functions both sides run on
 * the same content, the client in the submit dialog (offline too), the server again at submit
 * (refusing with the blocking ones that fail). The secretariat turns each on or off per kind,
 * makes it a warning or blocking, and sets its limit (committee settings).
 */
export const SubmitCheck = {
  /** K1: the title reads "关于……的建议" and is at most `limit` characters. */
  titleForm: 'titleForm',
  /** K2: the reasons section has text and the suggestions section has numbered suggestions. */
  reasonsAndSuggestions: 'reasonsAndSuggestions',
  /** K3: the body is at most `limit` characters (whitespace not counted). */
  bodyLength: 'bodyLength',
  /** K4: a proposal names at least one suggested unit. */
  suggestedUnit: 'suggestedUnit',
  /** K5: every co-signer signed, and signed the current text (RULES.md S1). */
  signatures: 'signatures',
} as const;
export type SubmitCheck = (typeof SubmitCheck)[keyof typeof SubmitCheck];
export const SUBMIT_CHECKS: readonly SubmitCheck[] = Object.values(SubmitCheck);

/** How one check runs for one kind. `limit` is the length limit of K1 and K3; null for the others. */
export interface CheckSetting {
  readonly enabled: boolean;
  readonly blocking: boolean;
  readonly limit: number | null;
}
export type KindChecks = { readonly [C in SubmitCheck]: CheckSetting };
export type SubmitChecksConfig = { readonly [K in DocKind]: KindChecks };

/** The checks that mean something for a kind: units and co-signers belong to proposals only. */
export const CHECKS_OF_KIND: { readonly [K in DocKind]: readonly SubmitCheck[] } = {
  [DocKind.proposal]: SUBMIT_CHECKS,
  [DocKind.researchReport]: [SubmitCheck.reasonsAndSuggestions, SubmitCheck.bodyLength],
  [DocKind.socialInfo]: [SubmitCheck.titleForm, SubmitCheck.reasonsAndSuggestions, SubmitCheck.bodyLength],
};

/** The headings of the reasons and of the suggestions in each kind's template (templates.ts). */
export const SECTIONS_OF_KIND: { readonly [K in DocKind]: { readonly reasons: string; readonly suggestions: string } } =
  {
    [DocKind.proposal]: { reasons: '情况分析', suggestions: '具体建议' },
    [DocKind.researchReport]: { reasons: '存在问题', suggestions: '对策建议' },
    [DocKind.socialInfo]: { reasons: '原因分析', suggestions: '意见建议' },
  };

const off: CheckSetting = { enabled: false, blocking: false, limit: null };
const warn: CheckSetting = { enabled: true, blocking: false, limit: null };

/**
 * Until the secretariat sets them: everything a warning except the body's length (3,000 characters
 * for a proposal, 1,500 for social-conditions information), so that nothing that used to be
 * submitted is refused by surprise.
 */
export const DEFAULT_SUBMIT_CHECKS: SubmitChecksConfig = {
  [DocKind.proposal]: {
    titleForm: { ...warn, limit: 40 },
    reasonsAndSuggestions: warn,
    bodyLength: { enabled: true, blocking: true, limit: 3000 },
    suggestedUnit: warn,
    signatures: warn,
  },
  [DocKind.researchReport]: {
    titleForm: off,
    reasonsAndSuggestions: warn,
    bodyLength: { ...off, limit: 10000 },
    suggestedUnit: off,
    signatures: off,
  },
  [DocKind.socialInfo]: {
    titleForm: { ...off, limit: 40 },
    reasonsAndSuggestions: warn,
    bodyLength: { enabled: true, blocking: true, limit: 1500 },
    suggestedUnit: off,
    signatures: off,
  },
};

/** A co-signer as the signature check reads them; each side decides `isOutdated` by S1. */
export interface CheckedCosigner {
  readonly userId: UserId;
  readonly state: 'invited' | 'signed';
  readonly isOutdated: boolean;
}

export interface SubmitCheckInput {
  readonly kind: DocKind;
  readonly title: string;
  readonly body: readonly BodyBlock[];
  readonly fields: DocFields;
  /** The co-signers still listed (withdrawn ones left out). */
  readonly cosigners: readonly CheckedCosigner[];
}

/** Where the person fixes a failed check: the title, a section of the body, a field, the co-signers. */
export type CheckTarget =
  | { readonly kind: 'title' }
  | { readonly kind: 'body'; readonly heading: string | null }
  | { readonly kind: 'field'; readonly key: string }
  | { readonly kind: 'cosigners' };

/** The outcome of one enabled check; `detail` carries what the message needs (lengths, people). */
export interface CheckResult {
  readonly check: SubmitCheck;
  readonly passed: boolean;
  readonly blocking: boolean;
  readonly target: CheckTarget;
  readonly detail: {
    readonly limit?: number;
    readonly length?: number;
    readonly missing?: 'reasons' | 'suggestions';
    readonly userIds?: UserId[];
  };
}

const TITLE_FORM = /^关于.+的建议$/su;
/** Characters a reader counts: everything but whitespace. */
export function countedLength(text: string): number {
  return [...text.replace(/\s+/gu, '')].length;
}

/** The blocks under the first heading named `heading`, up to the next heading; null when there is no such heading. */
function section(body: readonly BodyBlock[], heading: string): BodyBlock[] | null {
  const start = body.findIndex((block) => block.type === 'heading' && block.text.trim() === heading);
  if (start < 0) {
    return null;
  }
  const end = body.findIndex((block, index) => index > start && block.type === 'heading');
  return body.slice(start + 1, end < 0 ? body.length : end);
}

function run(check: SubmitCheck, setting: CheckSetting, input: SubmitCheckInput): Omit<CheckResult, 'blocking'> {
  switch (check) {
    case SubmitCheck.titleForm: {
      const title = input.title.trim();
      const limit = setting.limit ?? Number.POSITIVE_INFINITY;
      const length = [...title].length;
      const passed = TITLE_FORM.test(title) && length <= limit;
      return {
        check,
        passed,
        target: { kind: 'title' },
        detail: { length, ...(setting.limit === null ? {} : { limit }) },
      };
    }
    case SubmitCheck.reasonsAndSuggestions: {
      const { reasons, suggestions } = SECTIONS_OF_KIND[input.kind];
      const reasonBlocks = section(input.body, reasons) ?? [];
      const hasReasons = reasonBlocks.some((block) => block.text.trim() !== '');
      const suggestionBlocks = section(input.body, suggestions) ?? [];
      const hasNumbered = suggestionBlocks.some((block) => block.type === 'numbered' && block.text.trim() !== '');
      const missing = hasReasons ? (hasNumbered ? undefined : 'suggestions') : 'reasons';
      return {
        check,
        passed: missing === undefined,
        target: { kind: 'body', heading: missing === 'reasons' ? reasons : suggestions },
        detail: missing === undefined ? {} : { missing },
      };
    }
    case SubmitCheck.bodyLength: {
      const length = input.body
        .filter((block) => block.type !== 'heading')
        .reduce((sum, block) => sum + countedLength(block.text), 0);
      const limit = setting.limit ?? Number.POSITIVE_INFINITY;
      return {
        check,
        passed: length <= limit,
        target: { kind: 'body', heading: null },
        detail: { length, ...(setting.limit === null ? {} : { limit }) },
      };
    }
    case SubmitCheck.suggestedUnit: {
      const units = input.fields[FieldKey.suggestedUnitIds];
      const passed = Array.isArray(units) && units.length > 0;
      return { check, passed, target: { kind: 'field', key: FieldKey.suggestedUnitIds }, detail: {} };
    }
    case SubmitCheck.signatures: {
      const userIds = input.cosigners
        .filter((cosigner) => cosigner.state !== 'signed' || cosigner.isOutdated)
        .map((cosigner) => cosigner.userId);
      return { check, passed: userIds.length === 0, target: { kind: 'cosigners' }, detail: { userIds } };
    }
  }
}

/** Runs the checks the configuration turns on for the input's kind, in the order of SUBMIT_CHECKS. */
export function runSubmitChecks(config: SubmitChecksConfig, input: SubmitCheckInput): CheckResult[] {
  const settings = config[input.kind];
  return CHECKS_OF_KIND[input.kind]
    .filter((check) => settings[check].enabled)
    .map((check) => ({ ...run(check, settings[check], input), blocking: settings[check].blocking }));
}

/** The failed checks that stop a submit. */
export function blockingFailures(results: readonly CheckResult[]): CheckResult[] {
  return results.filter((result) => !result.passed && result.blocking);
}
