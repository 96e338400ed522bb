/** The client's one error type and its codes. */
export {
  type ApiProblem,
  ClientError,
  ClientErrorCode,
  type ClientErrorInit,
  forbidden,
  hasErrorCode,
  isFinalRefusal,
  signInRequired,
  toError,
} from './ClientError';
