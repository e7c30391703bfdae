/** Couriers buyers name, by canonical id. */
export interface CourierDef {
  id: string;
  /** Chinese label shown to reps. */
  label: string;
  /** Names as they appear in normalised text (simplified, lower-case), longest forms first. */
  names: readonly string[];
}

/** The couriers Taobao/Tmall stores ship with. */
export const COURIERS: readonly CourierDef[] = [
  { id: 'sf', label: '顺丰', names: ['顺丰速运', '顺丰快递', '顺丰', 'sf express', 'sf'] },
  { id: 'zto', label: '中通', names: ['中通快递', '中通', 'zto'] },
  { id: 'yto', label: '圆通', names: ['圆通快递', '圆通', 'yto'] },
  { id: 'yunda', label: '韵达', names: ['韵达快递', '韵达', 'yunda'] },
  { id: 'sto', label: '申通', names: ['申通快递', '申通', 'sto express'] },
  { id: 'jt', label: '极兔', names: ['极兔速递', '极兔快递', '极兔', 'jt express'] },
  { id: 'jd', label: '京东', names: ['京东快递', '京东物流', '京东'] },
  { id: 'ems', label: '邮政', names: ['中国邮政', '邮政快递', '邮政包裹', '邮政', 'ems'] },
  { id: 'deppon', label: '德邦', names: ['德邦快递', '德邦物流', '德邦'] },
  { id: 'best', label: '百世', names: ['百世快递', '百世汇通', '百世', '汇通'] },
];
