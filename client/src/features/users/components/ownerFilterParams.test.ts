import { describe, expect, it } from 'vitest';
import { ownerFilterQuery, readOwnerFilter, writeOwnerFilter } from './ownerFilterParams';

describe('owner filter params', () => {
  it('reads owner and team from the address, empty when absent', () => {
    expect(readOwnerFilter(new URLSearchParams('owner=u2&team=t1&q=acme'))).toEqual({ ownerId: 'u2', teamId: 't1' });
    expect(readOwnerFilter(new URLSearchParams('q=acme'))).toEqual({ ownerId: '', teamId: '' });
  });

  it('writes only what is set and keeps the other parameters', () => {
    const next = writeOwnerFilter(new URLSearchParams('q=acme&owner=u2&team=t1'), { ownerId: '', teamId: 't2' });
    expect(next.toString()).toBe('q=acme&team=t2');
  });

  it('sends ownerId and teamId only when chosen', () => {
    expect(ownerFilterQuery({ ownerId: '', teamId: '' })).toEqual({});
    expect(ownerFilterQuery({ ownerId: 'u2', teamId: '' })).toEqual({ ownerId: 'u2' });
    expect(ownerFilterQuery({ ownerId: 'u2', teamId: 't1' })).toEqual({ ownerId: 'u2', teamId: 't1' });
  });
});
