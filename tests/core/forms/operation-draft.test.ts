import { describe, expect, it } from 'vitest';
import { CreateOperationInput, type Operation } from '../../../core/operation/schema';
import {
  emptyOperationDraft,
  operationInputOf,
  operationToDraft,
  validateOperation,
} from '../../../app/record/operation/operation-draft';

const filled = () => ({ ...emptyOperationDraft('2025-03-14'), kind: 'intelligence_based', militantsKilled: '6' });

describe('operation draft', () => {
  it('asks for the kind only; province empty means nationwide', () => {
    expect(validateOperation(emptyOperationDraft('2025-03-14'))).toEqual({ kind: 'choose the kind of operation' });
    const input = CreateOperationInput.parse(operationInputOf(filled()));
    // An empty box is "not reported" (null), a typed 0 is a reported 0.
    expect(input).toMatchObject({ province: null, count: 1, militantsKilled: 6, militantsArrested: null });
    expect(CreateOperationInput.parse(operationInputOf({ ...filled(), securityKilled: '0' })).securityKilled).toBe(0);
  });

  it('refuses a count of 0 and a typo in a figure, by field', () => {
    expect(validateOperation({ ...filled(), count: '0', securityInjured: '2o' })).toEqual({
      count: 'must be at least 1',
      securityInjured: 'must be a number',
    });
  });

  it('round-trips a stored operation', () => {
    const input = CreateOperationInput.parse(
      operationInputOf({ ...filled(), province: 'KP-MD', agency: 'ISPR (Pakistan Army)' }),
    );
    const d = operationToDraft({ ...input, id: 'o', version: 1, groupName: null } as unknown as Operation);
    expect(CreateOperationInput.parse(operationInputOf(d))).toEqual(input);
  });
});
