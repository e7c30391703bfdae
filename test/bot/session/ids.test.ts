import { describe, expect, it } from 'vitest';
import { isSessionId, newSessionId } from '../../../src/bot/session/ids.js';

describe('session ids', () => {
  it('are random v4 uuids that never repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, newSessionId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(isSessionId(id)).toBe(true);
  });

  it('reject anything that is not exactly such a uuid', () => {
    for (const bad of ['', 'abc', '../etc/passwd', `${newSessionId()}/..`, newSessionId().toUpperCase(), ` ${newSessionId()}`,
      '00000000-0000-1000-8000-000000000000', 42, null, undefined, {}]) {
      expect(isSessionId(bad)).toBe(false);
    }
  });
});
