import { type RosterResult, rosterResultSchema } from '../../../shared/api/schemas';
import { apiErrorFromAnswer, invalidAnswer, noAnswer, UPLOAD_TIMEOUT_MS } from '../../core/api';

const REQUEST = 'POST /api/roster';

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/**
 * `POST /api/roster` with the file as it is, reporting the upload's progress (0-1): `fetch`
 * cannot, and a roster sent over a slow county link takes a while. Rejects with a ClientError (a
 * refused roster carries `problems`; no answer is `network`), like the API client.
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
        reject(apiErrorFromAnswer(request.status, body, REQUEST, request.getResponseHeader('retry-after')));
        return;
      }
      const parsed = rosterResultSchema.safeParse(body);
      if (parsed.success) {
        resolve(parsed.data);
      } else {
        reject(invalidAnswer(request.status, parsed.error, REQUEST));
      }
    };
    const onFailure = (event: ProgressEvent): void => reject(noAnswer(REQUEST, event));
    request.onerror = onFailure;
    request.ontimeout = onFailure;
    request.send(file);
  });
}
