import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

const parseDate = (v: unknown): string => {
  if (typeof v !== 'string' || !isCalendarDate(v)) {
    throw new GraphQLError(`Date must be a calendar date YYYY-MM-DD, got ${JSON.stringify(v)}`, {
      extensions: { code: 'BAD_USER_INPUT', rule: 'DATE_FORMAT' },
    });
  }
  return v;
};

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'Calendar date, YYYY-MM-DD.',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

const parseDateTime = (v: unknown): Date => {
  const d = typeof v === 'string' && /\d{4}-\d{2}-\d{2}T/.test(v) ? new Date(v) : new Date(NaN);
  if (Number.isNaN(d.getTime())) {
    throw new GraphQLError(`DateTime must be RFC 3339, got ${JSON.stringify(v)}`, {
      extensions: { code: 'BAD_USER_INPUT', rule: 'DATETIME_FORMAT' },
    });
  }
  return d;
};

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'Instant, RFC 3339.',
  serialize: (v) => (v instanceof Date ? v : new Date(String(v))).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

/**
 * Все показатели ведомства одной записью (output only): `{ field: { total,
 * by: { key: count } } }`, null where a count is suppressed. A dashboard
 * that draws every indicator of every district reads one value per cell
 * instead of thousands of fields.
 */
export const StatisticsValuesScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'StatisticsValues',
  description: 'Все показатели ведомства ячейки: { показатель: { total, by: { ключ: число | null } } }.',
  serialize: (v) => v,
  parseValue: () => {
    throw new TypeError('StatisticsValues is output only');
  },
  parseLiteral: () => {
    throw new TypeError('StatisticsValues is output only');
  },
});
