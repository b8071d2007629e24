import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UnreadableSuccessError, ZuoraApiError } from '../../lib/zuora-error.ts';
import { useAttemptKey } from './use-attempt-key.ts';

describe('useAttemptKey', () => {
  it('keeps the key after a lost answer and after a done-but-unreadable create; a refusal gets a new one', () => {
    const { result } = renderHook(() => useAttemptKey());
    const k0 = result.current.current();
    result.current.afterFailure(new ZuoraApiError(0, [{ code: 0, message: 'The server could not be reached.' }]));
    expect(result.current.current()).toBe(k0);
    result.current.afterFailure(new UnreadableSuccessError(200, 'number: required', 'a'.repeat(32)));
    expect(result.current.current()).toBe(k0);
    result.current.afterFailure(new ZuoraApiError(400, [{ code: 53100020, message: 'amount is invalid' }]));
    expect(result.current.current()).not.toBe(k0);
  });
});
