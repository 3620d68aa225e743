import { describe, expect, it } from 'vitest';
import { ANSWER_MAX, makeReflection, readReflection, sharedReflection } from './reflection.ts';

const answers = { suppliers: 'Склад и повар', clients: 'Официанты зала', change: 'Сразу говорить повару об аллергии' };

describe('makeReflection', () => {
  it('trims the answers and keeps the consent', () => {
    const made = makeReflection({ ...answers, suppliers: '  Склад и повар \n' }, true, 1000);
    expect(made).toEqual({ ok: true, value: { answers, share: true, updatedAt: 1000 } });
  });
  it('refuses an over-long answer and control characters, naming the field', () => {
    expect(makeReflection({ ...answers, clients: 'я'.repeat(ANSWER_MAX + 1) }, false, 1)).toMatchObject({ ok: false, field: 'answers.clients' });
    expect(makeReflection({ ...answers, change: 'a\u202Eb' }, false, 1)).toMatchObject({ ok: false, field: 'answers.change' });
    expect(makeReflection({ ...answers, change: 'строка\nвторая' }, false, 1).ok).toBe(true);
  });
});

describe('readReflection', () => {
  it('reads a stored reflection and refuses anything damaged', () => {
    const stored = { answers, share: false, updatedAt: 5 };
    expect(readReflection(stored)).toEqual(stored);
    expect(readReflection(null)).toBeNull();
    expect(readReflection({ answers, share: 'yes', updatedAt: 5 })).toBeNull();
    expect(readReflection({ answers: { ...answers, clients: 'x'.repeat(500) }, share: true, updatedAt: 5 })).toBeNull();
    expect(readReflection({ answers, share: true, updatedAt: 5, extra: 1 })).toBeNull();
  });
});

describe('sharedReflection', () => {
  it('shares the answers only with consent and when something is written', () => {
    expect(sharedReflection({ answers, share: true, updatedAt: 1 })).toEqual(answers);
    expect(sharedReflection({ answers, share: false, updatedAt: 1 })).toBeUndefined();
    expect(sharedReflection({ answers: { suppliers: ' ', clients: '', change: '' }, share: true, updatedAt: 1 })).toBeUndefined();
    expect(sharedReflection(null)).toBeUndefined();
  });
});

describe('a report with a reflection', () => {
  it('passes the report schema and survives the link codec', async () => {
    const v = await import('valibot');
    const { ReportSchema } = await import('../exchange/report-schema.ts');
    const { encode, decode } = await import('../manager/codec.ts');
    const { sampleReport } = await import('../../../tests/fixtures/manager.ts');
    const report = sampleReport({ reflection: answers });
    expect(v.safeParse(ReportSchema, report).success).toBe(true);
    const full = sampleReport({ reflection: { suppliers: 'я'.repeat(ANSWER_MAX), clients: 'ю'.repeat(ANSWER_MAX), change: 'э'.repeat(ANSWER_MAX) } });
    const encoded = encode('report', full);
    expect(encoded.ok).toBe(true);
    if (encoded.ok) expect(decode(encoded.text, 'report')).toMatchObject({ ok: true, value: { reflection: full.reflection } });
  });
  it('is refused when an answer is too long or has an unknown field', async () => {
    const v = await import('valibot');
    const { ReportSchema } = await import('../exchange/report-schema.ts');
    const { sampleReport } = await import('../../../tests/fixtures/manager.ts');
    expect(v.safeParse(ReportSchema, sampleReport({ reflection: { ...answers, change: 'x'.repeat(ANSWER_MAX + 1) } })).success).toBe(false);
    expect(v.safeParse(ReportSchema, { ...sampleReport(), reflection: { ...answers, extra: 'x' } }).success).toBe(false);
  });
});

describe('the compact link layout', () => {
  it('carries a reflection with and without a final test, and reads old links as before', async () => {
    const { pack, unpack } = await import('../manager/wire.ts');
    const { sampleReport } = await import('../../../tests/fixtures/manager.ts');
    const withFinal = sampleReport({ final: { status: 'passed', best: 90, attempts: 1, completedAt: 5 }, reflection: answers });
    expect(unpack('report', pack('report', withFinal))).toMatchObject({ final: withFinal.final, reflection: answers });
    const noFinal = sampleReport({ reflection: answers });
    delete noFinal.final;
    const round = unpack('report', pack('report', noFinal));
    expect(round).toMatchObject({ reflection: answers });
    expect(round).not.toHaveProperty('final');
    const plain = sampleReport();
    delete plain.final;
    expect(pack('report', plain)).toHaveLength(5);
    expect(unpack('report', [...pack('report', plain), null, ['a', 'b']])).toBeNull();
  });
});
