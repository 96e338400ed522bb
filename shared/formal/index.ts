export { buildCompilationDocx, type CompilationEntry, type CompilationInput } from './buildCompilationDocx';
export { buildDutyFormDocx, type DutyFormInput } from './buildDutyFormDocx';
export { buildFormalDocx } from './buildFormalDocx';
export { buildReplyCoverDocx, REPLY_CLASS_MEANINGS, ReplyClass, type ReplyCover } from './buildReplyCoverDocx';
export {
  ACTIVITY_KIND_LABELS,
  ADOPTION_LEVEL_LABELS,
  chineseDate,
  chineseMonthDay,
  DUTY_FLAG_LABELS,
  DUTY_FORM_STATE_LABELS,
  DUTY_LEVEL_LABELS,
  FACT_KIND_LABELS,
  isoDay,
  MINIMUM_GAP_LABELS,
  PRESENCE_LABELS,
  PROPOSAL_OUTCOME_LABELS,
  PROPOSAL_ROLE_LABELS,
  RULE_KEY_LABELS,
  scoreText,
} from './dutyFormText';
export { type ContentBlocks, contentBlocksOf } from './fromContentDoc';
export { A4_TWIPS, CJK_FONT, LINE_PITCH_TWIPS, MARGINS_MM, SIZE } from './layout';
export type { FormalBlock, FormalDocument, FormalField, FormalListItem, FormalRun } from './model';
export { FORM_LABELS, KIND_NAMES, runsText } from './model';
export { toMarkdown } from './toMarkdown';
