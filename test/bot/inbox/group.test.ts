import { beforeAll, describe, expect, test } from 'vitest';
import { buildBackground, clusterTexts, groupFeatures, type Background } from '../../../src/bot/inbox/group.js';
import { loadCorpus, trainingSamples } from '../../../src/intents/corpus.js';
import { normalise } from '../../../src/intents/normalise.js';
import { TRAINING_DIR } from '../helpers.js';
import { GIFT_WRAP, LONERS, PHYSICAL_SHOP, SAMPLES } from './paraphrases.js';

let background: Background;
beforeAll(async () => {
  const corpus = loadCorpus(TRAINING_DIR);
  background = await buildBackground(corpus.intents.map((f) => trainingSamples({ intents: [f], hash: '' }).map((s) => s.text)));
});

/** Clusters labelled texts and returns each group's labels as a string, e.g. "GGGG". */
async function groupsOf(rows: [string, string][]): Promise<string[]> {
  const texts = rows.map(([, t]) => normalise(t).text);
  const clusters = await clusterTexts(texts, groupFeatures, background);
  return clusters.map((members) => members.map((i) => rows[i]![0]).join(''));
}

const label = (l: string, texts: string[]): [string, string][] => texts.map((t) => [l, t]);

describe('grouping the inbox by similarity', () => {
  test('fifty wordings of one new question show as one group', async () => {
    const groups = await groupsOf([...label('G', GIFT_WRAP), ...label('P', PHYSICAL_SHOP), ...label('S', SAMPLES), ...label('L', LONERS)]);
    expect(groups).toContain('G'.repeat(50));
  });

  test('different new questions are kept apart: no group mixes gift wrap, shops and samples', async () => {
    const groups = await groupsOf([...label('G', GIFT_WRAP), ...label('P', PHYSICAL_SHOP), ...label('S', SAMPLES), ...label('L', LONERS)]);
    for (const g of groups) expect(new Set(g).size).toBe(1);
    // Wordings with no word in common (小样 and 试用装) may stay two groups; more would be noise for a trainer.
    expect(groups.filter((g) => g.startsWith('P')).length).toBeLessThanOrEqual(2);
    expect(groups.filter((g) => g.startsWith('S')).length).toBeLessThanOrEqual(2);
  });

  test('messages that resemble nothing else stay on their own', async () => {
    const groups = await groupsOf([...label('G', GIFT_WRAP.slice(0, 10)), ...label('L', LONERS)]);
    expect(groups.filter((g) => g === 'L')).toHaveLength(LONERS.length);
  });

  test('the order messages arrive in does not split a group', async () => {
    const shuffled = [...GIFT_WRAP].sort((a, b) => (a.length % 7) - (b.length % 7) || a.localeCompare(b));
    const groups = await groupsOf([...label('S', SAMPLES.slice(0, 3)), ...label('G', shuffled)]);
    expect(groups).toContain('G'.repeat(50));
  });

  test('words every intent uses weigh little, words the bot was never taught weigh most', () => {
    expect(background.idf('c:吗')).toBeLessThan(background.idf('w:礼盒'));
    expect(background.idf('w:亲')).toBeLessThan(background.idf('w:实体店'));
  });
});
