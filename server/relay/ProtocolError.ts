import type { CloseCode } from '../../shared/index';

/** A client broke the protocol: its connection is closed with `code`, and nothing else is affected. */
export class ProtocolError extends Error {
  readonly code: CloseCode;

  constructor(code: CloseCode, reason: string) {
    super(reason);
    this.name = 'ProtocolError';
    this.code = code;
  }
}
