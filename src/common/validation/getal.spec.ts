import { alsGetal } from './getal';

describe('alsGetal', () => {
  it.each([
    ['52.09', 52.09],
    [' 7 ', 7],
    ['-5.12', -5.12],
    ['1e3', 1000],
    ['.5', 0.5],
  ])('reads %j as %p', (invoer, getal) => expect(alsGetal(invoer)).toBe(getal));

  it.each([[''], [' '], ['abc'], ['0x10'], ['1,5'], ['Infinity'], [['1', '2']], [true], [null]])('reads %j as NaN', (invoer) => expect(alsGetal(invoer)).toBeNaN());

  it('leaves an absent parameter absent and a number as it is', () => {
    expect(alsGetal(undefined)).toBeUndefined();
    expect(alsGetal(3)).toBe(3);
  });
});
