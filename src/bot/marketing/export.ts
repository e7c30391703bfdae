/** What can be exported and with which columns (free text marked for masking): a segment, the due list, the tag events. */
import { localTime, type Column } from './csv.js';
import type { BuyerProfile } from './profiles.js';
import type { NextFollowUp } from './schedule.js';
import type { TagEvent } from './types.js';

export type ExportKind = 'segment' | 'due' | 'events';
export const EXPORT_KINDS: readonly ExportKind[] = ['segment', 'due', 'events'];

/** One row of the due list. */
export interface DueItem extends NextFollowUp {
  buyerId: string;
  tags: string[];
  lastContact: number | null;
}

/** Chinese names of the steps, as the operations person reads them. */
export const STEP_NAMES = { coupon: '优惠券', offer: '定向优惠' } as const;

export const PROFILE_COLUMNS: Column<BuyerProfile>[] = [
  { key: 'buyerId', header: '买家ID', value: (p) => p.buyerId },
  { key: 'tags', header: '标签', value: (p) => p.tags.map((t) => t.tag).join('、'), text: true },
  { key: 'firstContact', header: '首次咨询', value: (p) => localTime(p.firstContact) },
  { key: 'lastContact', header: '最近咨询', value: (p) => localTime(p.lastContact) },
  { key: 'chats', header: '会话数', value: (p) => p.chats },
  { key: 'handoffs', header: '转人工次数', value: (p) => p.handoffs },
  { key: 'orderQuestionAt', header: '首次下单咨询', value: (p) => localTime(p.orderQuestionAt) },
  { key: 'lastPurchaseAt', header: '最近下单', value: (p) => localTime(p.lastPurchaseAt) },
];

export const DUE_COLUMNS: Column<DueItem>[] = [
  { key: 'buyerId', header: '买家ID', value: (d) => d.buyerId },
  { key: 'step', header: '跟进', value: (d) => d.step },
  { key: 'stepName', header: '跟进内容', value: (d) => STEP_NAMES[d.step] },
  { key: 'dueAt', header: '应跟进日期', value: (d) => localTime(d.dueAt).slice(0, 10) },
  { key: 'askedAt', header: '首次下单咨询', value: (d) => localTime(d.askedAt) },
  { key: 'lastContact', header: '最近咨询', value: (d) => localTime(d.lastContact) },
  { key: 'tags', header: '标签', value: (d) => d.tags.join('、'), text: true },
];

export const EVENT_COLUMNS: Column<TagEvent>[] = [
  { key: 'at', header: '时间', value: (e) => localTime(e.at) },
  { key: 'buyerId', header: '买家ID', value: (e) => e.buyerId },
  { key: 'sessionId', header: '会话ID', value: (e) => e.sessionId },
  { key: 'op', header: '操作', value: (e) => e.op },
  { key: 'tag', header: '标签', value: (e) => e.tag, text: true },
  { key: 'source', header: '来源', value: (e) => e.source },
  { key: 'because', header: '依据', value: (e) => e.because, text: true },
  { key: 'by', header: '操作人', value: (e) => e.by, text: true },
  { key: 'message', header: '消息', value: (e) => e.message, text: true },
];
