import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from './webhooks';

describe('webhookUrlProblem', () => {
  it('accepts http and https addresses with a path and a query', () => {
    expect(webhookUrlProblem('https://zhzx.example.gov.cn/hooks/jianyan?x=1')).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:8080/in')).toBeNull();
  });

  it('refuses other schemes, credentials in the address and text that is no URL', () => {
    expect(webhookUrlProblem('ftp://example.com/in')).toBe('scheme');
    expect(webhookUrlProblem('javascript:alert(1)')).toBe('scheme');
    expect(webhookUrlProblem('https://user:secret@example.com/in')).toBe('credentials');
    expect(webhookUrlProblem('https://user@example.com/in')).toBe('credentials');
    expect(webhookUrlProblem('example.com/in')).toBe('not_a_url');
    expect(webhookUrlProblem(`https://example.com/${'a'.repeat(2000)}`)).toBe('too_long');
  });
});
