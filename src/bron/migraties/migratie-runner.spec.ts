import { QueryFailedError } from 'typeorm';
import { isStoring } from './migratie-runner';

describe('isStoring: which failures of a run are an outage (retried) and which are not', () => {
  const pg = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it('connection errors of the driver and SQLSTATE classes 08, 57P and 53 are an outage', () => {
    expect(isStoring(pg('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isStoring(pg('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isStoring(pg('08006'))).toBe(true);
    expect(isStoring(pg('53300', 'sorry, too many clients already'))).toBe(true);
    expect(isStoring(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isStoring(new QueryFailedError('SELECT 1', [], pg('57P01')))).toBe(true);
  });

  it('faults in the data or the code are not', () => {
    expect(isStoring(pg('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isStoring(pg('42P01', 'relation does not exist'))).toBe(false);
    expect(isStoring(new QueryFailedError('SELECT 1', [], pg('22P02')))).toBe(false);
    expect(isStoring(new TypeError("Cannot read properties of undefined (reading 'nr')"))).toBe(false);
    expect(isStoring('connection terminated')).toBe(false);
  });
});
