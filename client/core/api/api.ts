import { ApiClient } from './ApiClient';

/** The app's API client: same origin, the session cookie sent by the browser. */
export const api = new ApiClient();
