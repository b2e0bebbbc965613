import { ROD_PROBLEM_STATUS, rodProblem, RodProblem, RodCode } from './rod.errors';

describe('ROD problem codes', () => {
  it('every code has one status, taken from the table', () => {
    for (const code of [...Object.values(RodProblem), RodCode.geenMachtiging]) {
      expect(rodProblem(code, 'x').status).toBe(ROD_PROBLEM_STATUS[code]);
    }
    expect(ROD_PROBLEM_STATUS.afgekeurd).toBe(422);
    expect(ROD_PROBLEM_STATUS['221_geen_machtiging']).toBe(403);
  });
});
