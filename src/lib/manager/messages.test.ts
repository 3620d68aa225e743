import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenKeys, type MessageTree } from '../i18n/messages.ts';
import { VERDICT_KEYS } from './import.ts';
import { MODULE_STATUSES } from '../exchange/types.ts';
import { TEAM_CSV_FIELDS } from './team-csv.ts';

const load = (lang: string) => flattenKeys({ manager: JSON.parse(readFileSync(`src/lib/i18n/locales/${lang}/manager.json`, 'utf8')) as MessageTree });

describe('manager messages', () => {
  const ru = load('ru');
  const en = load('en');

  it('has the same keys in Russian and English', () => {
    expect([...en].sort()).toEqual([...ru].sort());
  });

  it('has a message for every verdict, status and CSV column, in both languages', () => {
    const needed = [...VERDICT_KEYS, ...MODULE_STATUSES.map((s) => `manager.status.${s}`), ...TEAM_CSV_FIELDS.map((f) => `manager.team.columns.${f}`), 'manager.verdict.nothingChanged'];
    for (const keys of [ru, en]) expect(needed.filter((k) => !keys.includes(k))).toEqual([]);
  });
});
