/** Everything `can` rules on. Rule ids (P1...) are in docs/RULES.md. */
export const Action = {
  /** Invite, deactivate and import people (P2). */
  managePeople: 'manage_people',
  /** Configure the webhooks that hand events to other systems (P2). */
  manageWebhooks: 'manage_webhooks',
  /** Create an activity group (P2). */
  createGroup: 'create_group',
  /** See a group, its members and its document list (P3). */
  viewGroup: 'view_group',
  /** Rename a group (P4). */
  renameGroup: 'rename_group',
  /** Add members to a group or remove them (P4). */
  manageMembers: 'manage_members',
  /** Create a document in a group (P5). */
  createDocument: 'create_document',
  /** Open a document and receive its content (P6). */
  readDocument: 'read_document',
  /** Change a document's title and body (P7). */
  editContent: 'edit_content',
  /** Archive a document or bring it back (P8). */
  archiveDocument: 'archive_document',
  /** Write in a document's comment threads (P9). */
  comment: 'comment',
  /** Submit a draft or a returned document for review (P10). */
  submitDocument: 'submit_document',
  /** Take a submission back to draft before anyone reviewed it (P15). */
  withdrawDocument: 'withdraw_document',
  /** Return a document in review to its group, with a reason (P11). */
  returnDocument: 'return_document',
  /** Approve a document in review (P11). */
  approveDocument: 'approve_document',
  /** File an approved document (P12). */
  fileDocument: 'file_document',
  /** Decide not to file an approved proposal (不予立案), with a reason (P12). */
  rejectFiling: 'reject_filing',
  /** File an approved proposal under a filed one's number (并案) (P12). */
  mergeDocument: 'merge_document',
  /** Read a document's discussion: its comments, versions and review timeline (P9). */
  readDiscussion: 'read_discussion',
  /** Hand a filed proposal over to units, reassign, mark it 重点 and remind late units (P17). */
  manageHandling: 'manage_handling',
  /** Accept, decline, give an opinion on or answer a proposal handed to one's unit (P16). */
  handleProposal: 'handle_proposal',
  /** Record the use made of a report (forwarded, adopted, instructed) and upload its evidence (P20). */
  recordAdoption: 'record_adoption',
  /** Rate the answers to one's proposal (P18). */
  rateAnswer: 'rate_answer',
  /** Write in the thread between a proposal's units and its proposers (P18). */
  discussHandling: 'discuss_handling',
  /** Create an activity of a group: its meetings, inspections, research (V1). */
  createActivity: 'create_activity',
  /** See the duty records of a group's members, remind them and record talks (约谈) with them (P21). */
  viewDutyRecords: 'view_duty_records',
  /** Confirm a group member's duty registration form as the group's convener, or send it back (P21). */
  confirmDutyForm: 'confirm_duty_form',
  /** See every member's duty record and the committee's figures (P21). */
  viewCommitteeDuty: 'view_committee_duty',
  /** Set a year's scoring rules, record facts from outside Jianyan, confirm forms as the office, close a year (P21). */
  manageDuty: 'manage_duty',
  /** Manage the committee: its handling units, sessions, category list and checks before submitting (P2). */
  manageCommittee: 'manage_committee',
  /** See every document of the committee in one list (全部提案), by status, group, category and unit (P19). */
  viewAllDocuments: 'view_all_documents',
  /** Save a named version by hand, or mark the current one as reviewed (P13). */
  saveVersion: 'save_version',
  /** Co-sign a proposal, sign it again or withdraw (P14). */
  cosign: 'cosign',
  /** Ask members of the group to co-sign one's proposal (P14). */
  inviteCosigners: 'invite_cosigners',
} as const;
export type Action = (typeof Action)[keyof typeof Action];

export const ACTIONS: readonly Action[] = Object.values(Action);
