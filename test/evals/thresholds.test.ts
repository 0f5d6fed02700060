import { describe, expect, it } from 'vitest';
import { judgeMeasurement, loadThresholds, parseThresholdFlag, verdict, withOverrides } from '../../evals/thresholds.js';
import { UsageError } from '../../src/errors.js';

describe('thresholds', () => {
  const t = loadThresholds();

  it('name every metric the issue requires, each with a one-line why', () => {
    for (const name of ['heldout_accuracy', 'min_bootstrap_jaccard', 'max_name_similarity', 'ungrounded_numbers', 'copy_violations', 'pii_findings', 'silhouette']) {
      expect(t[name]).toBeDefined();
    }
    for (const [name, th] of Object.entries(t)) expect(th.why.length, name).toBeGreaterThan(20);
  });

  it('compare in the metric’s direction; a metric that cannot run is n/a and fails, one not run by configuration is out of the verdict (issue 14)', () => {
    expect(judgeMeasurement({ name: 'heldout_accuracy', value: 0.79 }, 's', t).passed).toBe(false);
    expect(judgeMeasurement({ name: 'heldout_accuracy', value: 0.8 }, 's', t).passed).toBe(true);
    expect(judgeMeasurement({ name: 'pii_findings', value: 1 }, 's', t).passed).toBe(false);
    const na = judgeMeasurement({ name: 'heldout_accuracy', value: null, detail: 'nothing to hold out' }, 's', t);
    expect(na).toMatchObject({ passed: false, status: 'n/a' });
    const skipped = judgeMeasurement({ name: 'judge_fleiss_kappa', value: null, notRun: 'no LLM configured' }, 's', t);
    expect(skipped).toMatchObject({ passed: false, status: 'not run', detail: 'no LLM configured' });
    const ok = judgeMeasurement({ name: 'pii_findings', value: 0 }, 's', t);
    expect(verdict([ok, skipped])).toBe(true);
    expect(verdict([ok, na])).toBe(false);
    expect(verdict([skipped])).toBe(false); // nothing ran: nothing passed
  });

  it('are overridden by name=value flags; an unknown name or a bad value is a usage error', () => {
    const [name, value] = parseThresholdFlag('heldout_accuracy=0.95', t);
    expect(withOverrides(t, { [name]: value }).heldout_accuracy.value).toBe(0.95);
    expect(() => parseThresholdFlag('heldout_acuracy=0.9', t)).toThrow(UsageError);
    expect(() => parseThresholdFlag('heldout_accuracy=high', t)).toThrow(/name=value/);
  });
});
