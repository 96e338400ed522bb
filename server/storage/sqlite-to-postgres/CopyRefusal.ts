/** Why a copy of a SQLite committee into PostgreSQL was refused or undone. */
export const CopyProblem = {
  /** DATA_DIR holds no SQLite database. */
  noSource: 'no_source',
  /** The SQLite file's layout is not the one this version copies (older: start the server on it once). */
  sourceLayout: 'source_layout',
  /** The PostgreSQL layout does not hold a table or column the copy writes. */
  targetLayout: 'target_layout',
  /** The PostgreSQL database already holds data. */
  targetNotEmpty: 'target_not_empty',
  /** The check after the copy found a difference; the transaction was rolled back. */
  mismatch: 'mismatch',
} as const;
export type CopyProblem = (typeof CopyProblem)[keyof typeof CopyProblem];

/** The copy was not done, or was undone; the message says what to do. No row was copied into PostgreSQL. */
export class CopyRefusal extends Error {
  readonly code: CopyProblem;

  constructor(code: CopyProblem, message: string) {
    super(message);
    this.name = 'CopyRefusal';
    this.code = code;
  }
}
