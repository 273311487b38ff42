import { Writable } from 'node:stream';
import { createLogger, logFormatOf, safeError } from './logger';

const SNILS = '11223344595';
const NAME = 'Иванова';

/** What MikroORM's driver exceptions look like: the statement with its values, then the driver's message. */
class UniqueConstraintViolationException extends Error {
  sqlState = '23505';
  code = '23505';
  detail = `Key (snils)=(${SNILS}) already exists.`;
  sql = `insert into "citizen" ("snils", "last_name") values ('${SNILS}', '${NAME}')`;
  constructor() {
    super(
      `insert into "citizen" ("snils", "last_name", "birth_date") values ('${SNILS}', '${NAME}', '1988-04-12') - duplicate key value violates unique constraint "citizen_snils_key"`,
    );
    this.name = 'UniqueConstraintViolationException';
  }
}

describe('logs carry no personal data', () => {
  it('a failing SQL statement is logged by its driver message and code, without the statement or its values', () => {
    const out = safeError(new UniqueConstraintViolationException());
    const text = JSON.stringify(out);
    expect(text).not.toContain(SNILS);
    expect(text).not.toContain(NAME);
    expect(text).not.toContain('1988-04-12');
    expect(out).toMatchObject({
      type: 'UniqueConstraintViolationException',
      message: 'duplicate key value violates unique constraint "citizen_snils_key"',
      sqlState: '23505',
    });
  });

  it('personal fields are censored wherever a log call puts them', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) });
    const log = createLogger('t', 'debug', sink);
    log.info({ input: { lastName: NAME, citizen: { snils: SNILS } }, variables: { a: 'x' } }, 'call');
    log.warn(
      { x: { y: { person: { birthDate: '1988-04-12' } } }, err: new UniqueConstraintViolationException() },
      'failed',
    );
    const text = lines.join('');
    expect(text).toContain('[personal data]');
    for (const pd of [NAME, SNILS, '1988-04-12', '"a":"x"']) expect(text).not.toContain(pd);
  });
});

describe('log format', () => {
  it('is pretty at a terminal and JSON lines otherwise, unless LOG_FORMAT says which', () => {
    expect(logFormatOf({}, true)).toBe('pretty');
    expect(logFormatOf({}, false)).toBe('json');
    expect(logFormatOf({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(logFormatOf({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
    expect(logFormatOf({ LOG_FORMAT: 'xml' }, false)).toBe('json');
  });
});
