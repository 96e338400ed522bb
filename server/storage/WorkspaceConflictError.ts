/** Something that must be unique is taken already (a username, a group name); nothing was written. */
export type WorkspaceConflict = 'username' | 'group_name' | 'unit_name' | 'session_name';

export class WorkspaceConflictError extends Error {
  override readonly name = 'WorkspaceConflictError';
  /** What was taken: usernames, a group name, a unit name or a session name. */
  readonly conflict: WorkspaceConflict;
  /** The taken values, for the answer's message. */
  readonly values: readonly string[];

  constructor(conflict: WorkspaceConflict, values: readonly string[]) {
    const what = conflict.replace('_', ' ');
    super(
      `Cannot save: the ${what}${values.length > 1 ? 's' : ''} ${values.map((v) => `"${v}"`).join(', ')} already taken`,
    );
    this.conflict = conflict;
    this.values = values;
  }
}
