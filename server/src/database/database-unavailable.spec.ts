import { describeDatabaseError, isDatabaseUnavailable } from './database-unavailable';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a server shutting down', withCode('terminating connection due to administrator command', '57P01')],
    ['a server starting up', withCode('the database system is starting up', '57P03')],
    ['a connection exception class', withCode('connection failure', '08006')],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['a refusal wrapped by the query layer', Object.assign(new Error('Failed query: select 1'), { cause: withCode('connect ECONNREFUSED', 'ECONNREFUSED') })],
    ['every address of localhost refused', Object.assign(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''), { code: 'ECONNREFUSED' })],
  ])('is true for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['a foreign key violation', withCode('insert or update violates foreign key constraint', '23503')],
    ['a syntax error', withCode('syntax error at or near "selec"', '42601')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a wrong password (not transient: waiting will not fix it)', withCode('password authentication failed for user "app"', '28P01')],
    ['not an error at all', 'ECONNREFUSED'],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('reads errors by their shape, so an error from another realm still counts', () => {
    expect(isDatabaseUnavailable({ message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' })).toBe(true);
  });
});

describe('describeDatabaseError', () => {
  it('tells the innermost cause in one line, with its code', () => {
    const wrapped = Object.assign(new Error('Failed query: select 1\nparams: '), { cause: withCode('database "nosuch" does not exist', '3D000') });
    expect(describeDatabaseError(wrapped)).toBe('3D000 database "nosuch" does not exist');
    expect(describeDatabaseError(withCode('connect ECONNREFUSED 127.0.0.1:5999', 'ECONNREFUSED'))).toBe('connect ECONNREFUSED 127.0.0.1:5999');
  });
});
