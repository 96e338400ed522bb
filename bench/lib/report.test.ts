import { describe, expect, it } from 'vitest';
import {
  atMost,
  formatTable,
  INFORMATIONAL,
  informational,
  metricRow,
  notAboveReference,
  type Outcomes,
} from './report';

const both: Outcomes<{ ms: number }> = {
  ours: { isOk: true, value: { ms: 12 } },
  reference: { isOk: true, value: { ms: 5 } },
};

describe('metricRow', () => {
  it('judges our figure against an absolute target', () => {
    const row = metricRow('fanout', 'p99 ms', both, (v) => v.ms, { target: atMost(10) });
    expect(row).toMatchObject({ ours: '12.0', reference: '5.0', target: '<= 10', verdict: 'FAIL' });
  });

  it('judges our figure against the reference', () => {
    const ok: Outcomes<{ ms: number }> = { ...both, ours: { isOk: true, value: { ms: 5 } } };
    expect(metricRow('fanout', 'cpu', ok, (v) => v.ms, { target: notAboveReference }).verdict).toBe('pass');
    expect(metricRow('fanout', 'cpu', both, (v) => v.ms, { target: notAboveReference }).verdict).toBe('FAIL');
  });

  it('fails a target when our run failed, and shows the failure', () => {
    const failed: Outcomes<{ ms: number }> = { ...both, ours: { isOk: false, error: 'relay did not start' } };
    const row = metricRow('fanout', 'p99 ms', failed, (v) => v.ms, { target: atMost(10) });
    expect(row).toMatchObject({ ours: 'error', verdict: 'FAIL' });
  });

  it('leaves the verdict empty without a target or without a run of ours', () => {
    expect(metricRow('fanout', 'p50 ms', both, (v) => v.ms).verdict).toBe('');
    const referenceOnly: Outcomes<{ ms: number }> = { reference: { isOk: true, value: { ms: 5 } } };
    const row = metricRow('fanout', 'p99 ms', referenceOnly, (v) => v.ms, { target: atMost(10) });
    expect(row).toMatchObject({ ours: '-', verdict: '' });
  });
});

describe('formatTable', () => {
  it('aligns columns under a header and a rule', () => {
    const table = formatTable([metricRow('fanout', 'p99 ms', both, (v) => v.ms, { target: atMost(10) })]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^scenario\s+metric\s+ours\s+reference\s+target\s+result$/);
    expect(lines[2]).toMatch(/^fanout\s+p99 ms\s+12\.0\s+5\.0\s+<= 10\s+FAIL$/);
  });
});

describe('informational', () => {
  it('marks a row as reported for information, with no verdict', () => {
    const row = informational(metricRow('submit', 'reads', both, (v) => v.ms, { target: atMost(10) }));
    expect(row).toMatchObject({ ours: '12.0', target: INFORMATIONAL, verdict: '' });
  });
});
