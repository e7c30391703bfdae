import { describe, expect, it } from 'vitest';
import { nextOffline } from '../../../src/bot/handoff/offline.js';

describe('leaving a message when no rep is online', () => {
  it('takes the message, then a phone number given right away', () => {
    const a = nextOffline({ step: 'message' }, '衣服破了个洞，想换一件');
    expect(a).toEqual({ step: 'contact', message: '衣服破了个洞，想换一件' });
    expect(nextOffline(a, '打我电话 138-1234-5678')).toEqual({ step: 'done', message: a.message, contact: { by: 'phone', phone: '13812345678' } });
  });

  it('asks for the number when the buyer wants a call without giving one', () => {
    const a = nextOffline({ step: 'contact', message: 'm' }, '打电话给我');
    expect(a.step).toBe('phone');
    expect(nextOffline(a, '13912345678').contact).toEqual({ by: 'phone', phone: '13912345678' });
    expect(nextOffline(a, '算了').contact).toEqual({ by: 'chat' });
  });

  it('understands Wangwang and a reply here, in traditional characters and English too', () => {
    expect(nextOffline({ step: 'contact' }, '旺旺聯繫我').contact).toEqual({ by: 'wangwang' });
    expect(nextOffline({ step: 'contact' }, 'just reply here').contact).toEqual({ by: 'chat' });
    expect(nextOffline({ step: 'contact' }, 'Call me on +8613812345678').contact).toEqual({ by: 'phone', phone: '13812345678' });
  });

  it('keeps at most 1000 characters of a message and changes nothing once done', () => {
    expect(nextOffline({ step: 'message' }, 'x'.repeat(5000)).message).toHaveLength(1000);
    const done = { step: 'done' as const, contact: { by: 'chat' as const } };
    expect(nextOffline(done, 'anything')).toBe(done);
  });
});
