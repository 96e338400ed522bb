import { describe, expect, it } from 'vitest';
import { requestLabel } from './pageTraffic';

describe('requestLabel', () => {
  it('names a request by method and path, with ids replaced so that runs compare', () => {
    const url = 'http://127.0.0.1:4321/api/docs/0f8e2b1c-3d4a-4b5c-8d6e-7f8091a2b3c4/activity?since=1';
    expect(requestLabel('GET', url)).toBe('GET /api/docs/:id/activity');
  });
});
