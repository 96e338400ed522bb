export { buildCompilationDocx, type CompilationEntry, type CompilationInput } from './buildCompilationDocx';
export { buildFormalDocx } from './buildFormalDocx';
export { buildReplyCoverDocx, REPLY_CLASS_MEANINGS, ReplyClass, type ReplyCover } from './buildReplyCoverDocx';
export { type ContentBlocks, contentBlocksOf } from './fromContentDoc';
export { A4_TWIPS, CJK_FONT, LINE_PITCH_TWIPS, MARGINS_MM, SIZE } from './layout';
export type { FormalBlock, FormalDocument, FormalField, FormalListItem, FormalRun } from './model';
export { FORM_LABELS, KIND_NAMES, runsText } from './model';
export { toMarkdown } from './toMarkdown';
