import { describe, expect, it } from 'vitest';
import { LmsConnection } from './connection.ts';
import type { Scorm12Api, Scorm2004Api } from './discovery.ts';
import { cmiValues, sessionTimeValue, type CourseReport } from './report.ts';
import { QUIET, Scorm12API, Scorm2004API } from '../../../tests/lms/scorm-again.ts';

const started: CourseReport = { completion: 'incomplete', success: 'unknown', score: null, progress: 0.33 };
const passed: CourseReport = { completion: 'completed', success: 'passed', score: 92.5, progress: 1 };
const failed: CourseReport = { completion: 'completed', success: 'failed', score: 60, progress: 1 };

describe('LmsConnection against scorm-again (the LMS side of the end-to-end tests)', () => {
  it.each([
    ['1.2', () => ({ version: '1.2' as const, api: new Scorm12API(QUIET) as unknown as Scorm12Api })],
    ['2004', () => ({ version: '2004' as const, api: new Scorm2004API(QUIET) as unknown as Scorm2004Api })],
  ])('SCORM %s: every value the course sends is accepted and reads back the same', (version, make) => {
    const connection = new LmsConnection(make());
    expect(connection.initialize()).toBe(true);
    for (const report of [started, failed, passed]) {
      const values = cmiValues(connection.version, { report, location: '#/lesson/kto-obsluzhivaet?p=p3', suspendData: 'sz1:AbC-_9' });
      for (const [element, value] of values) {
        expect(connection.set(element, value), `${element}=${value}: ${JSON.stringify(connection.lastError)}`).toBe(true);
        // Write-only elements (exit, session time) cannot be read back: the spec says so.
        if (!/exit|session_time/.test(element)) expect(connection.get(element)).toBe(value);
      }
      expect(connection.set(...sessionTimeValue(connection.version, 754_321))).toBe(true);
      expect(connection.commit()).toBe(true);
    }
    expect(connection.terminate()).toBe(true);
    expect(connection.state).toBe('closed');
    expect(version).toBe(connection.version);
  });

  it('keeps the LMS’s error when it refuses a value', () => {
    const connection = new LmsConnection({ version: '1.2', api: new Scorm12API(QUIET) as unknown as Scorm12Api });
    connection.initialize();
    expect(connection.set('cmi.core.lesson_status', 'done')).toBe(false);
    expect(connection.lastError).toMatchObject({ call: 'set cmi.core.lesson_status', code: '405' });
    expect(connection.lastError?.message).not.toBe('');
  });

  it('reads the learner the LMS set up before launch', () => {
    const lms = new Scorm2004API(QUIET);
    lms.loadFromJSON({ learner_id: 'u-17', learner_name: 'Иванова, Анна' });
    const connection = new LmsConnection({ version: '2004', api: lms as unknown as Scorm2004Api });
    connection.initialize();
    expect([connection.get('cmi.learner_id'), connection.get('cmi.learner_name')]).toEqual(['u-17', 'Иванова, Анна']);
  });
});

describe('LmsConnection with a hand-made LMS', () => {
  function fake(result: unknown) {
    const calls: string[] = [];
    const api: Scorm2004Api = {
      Initialize: () => (calls.push('Initialize'), result),
      Terminate: () => (calls.push('Terminate'), result),
      GetValue: (e) => (calls.push(`GetValue ${e}`), e === 'cmi.location' ? null : 'v'),
      SetValue: (e, v) => (calls.push(`SetValue ${e}=${v}`), result),
      Commit: () => (calls.push('Commit'), result),
      GetLastError: () => 101,
      GetErrorString: () => 'General exception',
    };
    return { calls, connection: new LmsConnection({ version: '2004', api }) };
  }

  it('takes a boolean true as success as well as the string "true"', () => {
    const { connection } = fake(true);
    expect(connection.initialize()).toBe(true);
    expect(connection.set('cmi.location', '#/final')).toBe(true);
  });

  it('treats "false", false and odd answers as failure, with the LMS’s code', () => {
    for (const answer of ['false', false, undefined, '']) {
      const { connection } = fake(answer);
      expect(connection.initialize()).toBe(false);
      expect(connection.state).toBe('new');
      expect(connection.lastError).toEqual({ call: 'initialize', code: '101', message: 'General exception' });
    }
  });

  it('turns a throwing LMS into a failure, not a crash', () => {
    const api: Scorm12Api = {
      LMSInitialize: () => 'true',
      LMSFinish: () => 'true',
      LMSGetValue: () => {
        throw new Error('boom');
      },
      LMSSetValue: () => 'true',
      LMSCommit: () => {
        throw new Error('lost');
      },
      LMSGetLastError: () => '0',
      LMSGetErrorString: () => '',
    };
    const connection = new LmsConnection({ version: '1.2', api });
    connection.initialize();
    expect(connection.get('cmi.core.lesson_location')).toBe('');
    expect(connection.commit()).toBe(false);
    expect(connection.lastError).toEqual({ call: 'commit', code: 'exception', message: 'lost' });
  });

  it('reads null as empty, and sends nothing before Initialize or after Terminate', () => {
    const { calls, connection } = fake('true');
    expect(connection.set('cmi.location', 'x')).toBe(false);
    connection.initialize();
    expect(connection.get('cmi.location')).toBe('');
    connection.terminate();
    expect([connection.set('cmi.location', 'y'), connection.commit(), connection.terminate(), connection.get('cmi.learner_id')]).toEqual([false, false, false, '']);
    expect(calls).toEqual(['Initialize', 'GetValue cmi.location', 'Terminate']);
  });
});
