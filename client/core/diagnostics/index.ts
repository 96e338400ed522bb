/** Where the failures the app goes on after are counted and logged. */
export { createDiagnostics, type Diagnostics, type DiagnosticsSnapshot, type DroppedFailure } from './Diagnostics';
