import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openMarketing } from '../../../src/bot/marketing/index.js';
import { createFileTagStore } from '../../../src/bot/marketing/store/file.js';
import { rig, tagsOf, testClock } from './helpers.js';

const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

describe('tags reps add and remove by hand', () => {
  it('logs a rep-added tag with the rep, the source and the masked message, and keeps it after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kefu-rep-tags-'));
    dirs.push(dir);
    const file = join(dir, 'events.jsonl');
    const clock = testClock();
    const r = await rig(createFileTagStore({ file }), clock);
    const [turn] = await r.chat(['身高170体重60kg穿什么码']);
    const event = await r.marketing.addTag({
      buyerId: turn!.buyerId, tag: ' 母婴 ', by: 'rep1', sessionId: turn!.sessionId, message: '宝宝刚满月，电话13812345678',
    });
    expect(event).toMatchObject({ kind: 'tag', op: 'add', tag: '母婴', source: 'rep', by: 'rep1', at: clock() });
    expect(event.message).toBe('宝宝刚满月，电话138****5678');
    await r.marketing.close();

    const text = await readFile(file, 'utf8');
    expect(text).toContain('"source":"rep"');
    expect(text).not.toContain('13812345678');
    const again = await openMarketing({ store: createFileTagStore({ file }), clock });
    expect(again.profile(turn!.buyerId)?.tags.find((t) => t.tag === '母婴')).toMatchObject({ source: 'rep', by: 'rep1' });
    await again.close();
  });

  it('removes a tag and logs who removed it', async () => {
    const r = await rig();
    const [turn] = await r.chat(['想要宽松一点的，有黑色吗']);
    const removed = await r.marketing.removeTag({ buyerId: turn!.buyerId, tag: '喜欢宽松', by: 'rep2' });
    expect(removed).toMatchObject({ op: 'remove', tag: '喜欢宽松', source: 'rep', by: 'rep2' });
    expect(tagsOf(r.marketing, turn!.buyerId)).not.toContain('喜欢宽松');
    expect(tagsOf(r.marketing, turn!.buyerId)).toContain('偏好黑色');
  });

  it('gives a removed tag back when the buyer says it again in the same chat', async () => {
    const r = await rig();
    const [turn] = await r.chat(['想要宽松一点的，有黑色吗']);
    await r.marketing.removeTag({ buyerId: turn!.buyerId, tag: '喜欢宽松', by: 'rep2' });
    await r.say(turn!.sessionId, ['还是要宽松的，有白色吗']);
    expect(tagsOf(r.marketing, turn!.buyerId)).toContain('喜欢宽松');
  });

  it.each([
    ['', 'bad_tag'],
    ['13812345678', 'bad_tag'],
    ['收件人张三', 'bad_tag'],
    ['母婴,学生', 'bad_tag'],
    ['很长很长很长很长很长很长很长很长很长很长很长', 'bad_tag'],
    [42, 'bad_tag'],
  ])('refuses the tag %j with %s', async (tag, code) => {
    const r = await rig();
    const [turn] = await r.chat(['有黑色吗']);
    await expect(r.marketing.addTag({ buyerId: turn!.buyerId, tag, by: 'rep1' })).rejects.toMatchObject({ code });
  });

  it('refuses to tag a buyer the log has never seen, and to remove a tag the buyer does not have', async () => {
    const r = await rig();
    const [turn] = await r.chat(['有黑色吗']);
    await expect(r.marketing.addTag({ buyerId: 'nobody', tag: '母婴', by: 'rep1' })).rejects.toMatchObject({ code: 'unknown_buyer' });
    await expect(r.marketing.removeTag({ buyerId: turn!.buyerId, tag: '母婴', by: 'rep1' })).rejects.toMatchObject({ code: 'not_tagged' });
  });
});
