/** Something that must be unique is taken already (a username, a group name); nothing was written. */
export class WorkspaceConflictError extends Error {
  override readonly name = 'WorkspaceConflictError';
  /** What was taken: usernames, or a group name. */
  readonly conflict: 'username' | 'group_name';
  /** The taken values, for the answer's message. */
  readonly values: readonly string[];

  constructor(conflict: 'username' | 'group_name', values: readonly string[]) {
    const what = conflict === 'username' ? 'username' : 'group name';
    super(
      `Cannot save: the ${what}${values.length > 1 ? 's' : ''} ${values.map((v) => `"${v}"`).join(', ')} already taken`,
    );
    this.conflict = conflict;
    this.values = values;
  }
}
