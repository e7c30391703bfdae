/**
 * What the trainer page can do, independent of HTTP: read the corpus with each intent's held-out accuracy, edit it,
 * try a sentence, work the misunderstood inbox, retrain, confirm a gated model, roll back.
 */
import type { AnswerBook } from '../../bot/answers/book.js';
import { answerBookFrom } from '../../bot/answers/book.js';
import { extractTags, type TagRule } from '../../bot/extract/tags.js';
import type { Inbox } from '../../bot/inbox/index.js';
import type { Corpus, CorpusScript, IntentFile } from '../../intents/corpus.js';
import type { ListField } from '../../intents/corpus-writer.js';
import type { ModelRegistry } from '../../intents/registry/index.js';
import type { Retrainer } from '../../intents/registry/retrain.js';
import type { Nlu } from '../../intents/types.js';
import type { CorpusView } from './corpus-view.js';
import type { Edits, NewIntent } from './edits.js';
import { TrainerError } from './errors.js';

/** What the service needs. */
export interface TrainerDeps {
  trainingDir: string;
  view: CorpusView;
  edits: Edits;
  /** The Nlu the chats use (swappable): "try a sentence" asks the same one. */
  nlu: Nlu;
  registry: ModelRegistry;
  retrainer: Retrainer;
  inbox: Inbox;
  /** The bot's answer book, refreshed in place when answers change (they need no retrain). */
  answers?: AnswerBook;
  rules?: TagRule[];
  clock?: () => number;
  log?: (message: string, err?: unknown) => void;
}

/** The answer book of a loaded corpus: each intent file's `answers`, checked as loadAnswers checks them. */
const answerBookOf = (corpus: Corpus): AnswerBook =>
  answerBookFrom(Object.fromEntries(corpus.intents.filter((f) => f.answers !== undefined).map((f) => [f.intent, f.answers])));

const count = (by: IntentFile['examples'] | undefined): number => Object.values(by ?? {}).reduce((n, l) => n + (l?.length ?? 0), 0);

/** Creates the service. */
export function createTrainerService(deps: TrainerDeps) {
  const { view, edits, nlu, registry, retrainer, inbox } = deps;
  const clock = deps.clock ?? Date.now;

  /** Reloads the answer book in place, so the bot's next reply uses the edited answers. */
  function refreshAnswers(): void {
    if (!deps.answers) return;
    try {
      // From the corpus view, which re-reads training/ only when a file changed: a model switch after a retrain
      // used to re-read and parse every intent file on the chat thread (7-19 ms), now ~24 file stats.
      const fresh = answerBookOf(view.get());
      deps.answers.clear();
      for (const [k, v] of fresh) deps.answers.set(k, v);
    } catch (err) {
      deps.log?.('answers not reloaded', err);
    }
  }

  async function intents() {
    const current = await registry.current();
    const corpus = view.get();
    return {
      model: current,
      /** True when training/ changed since the current model was trained. */
      retrainDue: current ? current.corpusHash !== corpus.hash : true,
      intents: corpus.intents.map((f) => {
        const figures = current?.perIntent.find((p) => p.intent === f.intent);
        return {
          intent: f.intent, description: f.description ?? '', examples: count(f.examples), tests: count(f.tests), answers: count(f.answers),
          inModel: current?.intents.includes(f.intent) ?? false,
          accuracy: figures && figures.support > 0 ? figures.recall : null,
        };
      }),
    };
  }

  async function intent(id: string) {
    const f = view.intent(id);
    if (!f) throw new TrainerError('unknown_intent', `there is no intent ${id}`);
    const current = await registry.current();
    const evaluation = current ? await registry.evaluation(current.version) : null;
    const figures = current?.perIntent.find((p) => p.intent === id);
    return {
      ...f, description: f.description ?? '', inModel: current?.intents.includes(id) ?? false,
      accuracy: figures && figures.support > 0 ? figures.recall : null,
      /** This intent's held-out sentences the current model gets wrong, and what it says instead. */
      misses: (evaluation?.predictions ?? []).filter((p) => p.expected === id && p.predicted !== id),
    };
  }

  function trySentence(text: string) {
    const norm = nlu.normalise(text);
    const c = nlu.classify(norm);
    const entities = nlu.extract(norm);
    const tags = extractTags({ norm, entities, intent: c.intent, rules: deps.rules ?? [] });
    const clauses = nlu.classifyClauses(norm);
    return {
      text, normalised: norm.text, script: norm.script, modelVersion: nlu.version,
      intent: c.intent, score: c.score, ambiguous: c.ambiguous, noneReason: c.noneReason ?? null, ranking: c.ranking,
      clauses: clauses.length > 1 ? clauses.map((k) => ({ intent: k.intent, score: k.score })) : [],
      entities: entities.map(({ kind, value, text: t }) => ({ kind, value, text: t })),
      tags: tags.map((t) => t.tag),
    };
  }

  function addSentences(id: string, field: ListField, texts: string[], script?: CorpusScript) {
    const added = edits.add(id, field, texts, script);
    if (field === 'answers') refreshAnswers();
    return { added };
  }

  function removeSentence(id: string, field: ListField, text: string, script?: CorpusScript) {
    const removed = edits.remove(id, field, text, script);
    if (field === 'answers') refreshAnswers();
    return { removed };
  }

  function createIntent(n: NewIntent) {
    const file = edits.create(n);
    refreshAnswers();
    return file;
  }

  /** The open items among ids (oldest first, as buyers asked), or `nothing_open` when a group was already handled. */
  async function openTexts(ids: string[]) {
    const items = (await inbox.openItems(ids)).sort((a, b) => a.at - b.at);
    if (items.length === 0) throw new TrainerError('nothing_open', 'these messages were already handled');
    return { items, texts: [...new Set(items.map((i) => i.text.trim()).filter(Boolean))] };
  }

  return {
    intents, intent, trySentence, addSentences, removeSentence, createIntent, refreshAnswers,
    inbox: async () => {
      const groups = await inbox.groups();
      return { total: groups.reduce((n, g) => n + g.size, 0), groups };
    },
    async assign(ids: string[], id: string) {
      const { items, texts } = await openTexts(ids);
      const added = edits.add(id, 'examples', texts);
      await inbox.resolve(items.map((i) => i.id), { status: 'assigned', intent: id }, clock());
      return { added, resolved: items.length };
    },
    async createFromInbox(ids: string[], n: Omit<NewIntent, 'examples'>) {
      const { items, texts } = await openTexts(ids);
      createIntent({ ...n, examples: texts });
      await inbox.resolve(items.map((i) => i.id), { status: 'assigned', intent: n.intent }, clock());
      return { added: texts.length, resolved: items.length };
    },
    async ignore(ids: string[]) {
      return { resolved: (await inbox.resolve(ids, { status: 'ignored' }, clock())).length };
    },
    /** Starts a retrain and answers at once; the page polls `retrainStatus`. */
    startRetrain() {
      void retrainer.retrain('page');
      return retrainer.status();
    },
    retrainStatus: () => retrainer.status(),
    models: async () => ({ current: (await registry.current())?.version ?? null, models: await registry.list() }),
    async model(version: string) {
      const entry = await registry.get(version);
      if (!entry) throw new TrainerError('unknown_version', `no model ${version}`);
      return { ...entry, report: await registry.gateReport(version) };
    },
    confirm: (version: string, by: string) => retrainer.confirm(version, by),
    rollback: (version: string) => retrainer.rollback(version),
  };
}

export type TrainerService = ReturnType<typeof createTrainerService>;
