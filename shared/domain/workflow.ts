import { Action } from './permissions';
import { DocStatus } from './roles';

/** The actions that move a document along its workflow (DESIGN.md, Workflow of a proposal). */
export type WorkflowAction =
  | typeof Action.submitDocument
  | typeof Action.returnDocument
  | typeof Action.approveDocument
  | typeof Action.fileDocument;

/** Where each workflow action takes a document; `can()` decides from where and by whom (P10-P12). */
export const STATUS_AFTER: { readonly [A in WorkflowAction]: DocStatus } = {
  [Action.submitDocument]: DocStatus.inReview,
  [Action.returnDocument]: DocStatus.returned,
  [Action.approveDocument]: DocStatus.approved,
  [Action.fileDocument]: DocStatus.filed,
};

export const WORKFLOW_ACTIONS: readonly WorkflowAction[] = [
  Action.submitDocument,
  Action.returnDocument,
  Action.approveDocument,
  Action.fileDocument,
];
