import { describe, expect, it } from 'vitest';
import { settingsBody, wholeNumber } from './settingsForm';

describe('lead scoring settings form', () => {
  it('sends only the id the assignment rule uses', () => {
    expect(settingsBody('25', 'round_robin', 't1', 'u1')).toEqual({ threshold: 25, assignment: 'round_robin', teamId: 't1', userId: null });
    expect(settingsBody('25', 'owner', 't1', 'u1')).toEqual({ threshold: 25, assignment: 'owner', teamId: null, userId: 'u1' });
    expect(settingsBody('25', 'none', 't1', 'u1')).toEqual({ threshold: 25, assignment: 'none', teamId: null, userId: null });
  });

  it('reads whole numbers only; anything else goes as NaN so the API names the field', () => {
    expect(wholeNumber(' -5 ')).toBe(-5);
    expect(wholeNumber('2.5')).toBeNaN();
    expect(wholeNumber('')).toBeNaN();
  });
});
