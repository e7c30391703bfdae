import { describe, expect, it } from 'vitest';
import { buyerChannel, createLocalHub, QUEUE_CHANNEL } from '../../../src/bot/handoff/hub.js';

describe('the in-process hub', () => {
  it('delivers a message only to listeners of its channel', () => {
    const hub = createLocalHub();
    const a: unknown[] = [];
    const b: unknown[] = [];
    hub.subscribe(buyerChannel('a'), (m) => a.push(m));
    hub.subscribe(buyerChannel('b'), (m) => b.push(m));
    hub.publish(buyerChannel('a'), { type: 'ended' });
    expect(a).toEqual([{ type: 'ended' }]);
    expect(b).toEqual([]);
  });

  it('stops delivering after unsubscribe and survives a failing listener', () => {
    const errors: unknown[] = [];
    const hub = createLocalHub((e) => errors.push(e));
    const got: unknown[] = [];
    hub.subscribe(QUEUE_CHANNEL, () => { throw new Error('broken socket'); });
    const off = hub.subscribe(QUEUE_CHANNEL, (m) => got.push(m));
    hub.publish(QUEUE_CHANNEL, { type: 'presence', online: 1 });
    off();
    hub.publish(QUEUE_CHANNEL, { type: 'presence', online: 2 });
    expect(got).toEqual([{ type: 'presence', online: 1 }]);
    expect(errors).toHaveLength(2);
  });
});
