import { apiErrorSchema, type RosterResult, rosterResultSchema } from '../../../shared/api/schemas';
import { ApiError, NetworkError } from '../../workspace';

/** A roster of a whole committee may take the server a while to check and store. */
const UPLOAD_TIMEOUT_MS = 120_000;

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function refusal(status: number, body: unknown, retryAfter: string | null): ApiError {
  const parsed = apiErrorSchema.safeParse(body);
  if (!parsed.success) {
    return new ApiError({ status, code: 'internal', message: `POST /api/roster answered ${status}` });
  }
  const answer = parsed.data;
  return new ApiError({
    status,
    code: status === 400 ? 'bad_request' : status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'internal',
    message: answer.message,
    field: answer.field,
    problems: answer.problems,
    retryAfterSeconds: answer.retryAfterSeconds ?? (retryAfter === null ? undefined : Number(retryAfter)),
  });
}

/**
 * `POST /api/roster` with the file as it is, reporting the upload's progress (0-1): `fetch`
 * cannot, and a roster sent over a slow county link takes a while. Rejects with ApiError (a
 * refused roster carries `problems`) or NetworkError, like the API client.
 */
export function uploadRoster(file: Blob, onProgress: (fraction: number) => void): Promise<RosterResult> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/roster');
    request.setRequestHeader('content-type', 'text/csv');
    request.setRequestHeader('accept', 'application/json');
    request.timeout = UPLOAD_TIMEOUT_MS;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(event.loaded / event.total);
      }
    };
    request.upload.onload = () => onProgress(1);
    request.onload = () => {
      const body = parseJson(request.responseText);
      if (request.status < 200 || request.status >= 300) {
        reject(refusal(request.status, body, request.getResponseHeader('retry-after')));
        return;
      }
      const parsed = rosterResultSchema.safeParse(body);
      if (parsed.success) {
        resolve(parsed.data);
      } else {
        reject(
          new ApiError({
            status: request.status,
            code: 'invalid_response',
            message: 'POST /api/roster answered with an unexpected body',
          }),
        );
      }
    };
    const onFailure = (): void =>
      reject(new NetworkError('POST /api/roster got no answer: the server cannot be reached'));
    request.onerror = onFailure;
    request.ontimeout = onFailure;
    request.send(file);
  });
}
