/** Pain-point words and the label each intent falls back to, for the rep's note. */
import type { IntentId } from '../../../intents/types.js';

/**
 * A group of words naming one pain. `afterSale` groups count only once the buyer has something
 * after-sale going on: 起球了 is a quality problem, but 会起球吗 before buying is a question.
 */
export interface PainWords {
  label: string;
  words: string[];
  afterSale?: boolean;
  /** Skip the group when one of these intents was seen: 坏了 after a damage report is the damage, not a defect. */
  yieldsTo?: IntentId[];
}

/** Words that name the pain whatever the intent (a broken parcel is the pain even in a refund chat); most severe first. */
export const STRONG_PAIN: PainWords[] = [
  { label: '包裹破损', words: ['破损', '压坏', '压扁', '压烂', '碎了', '摔坏', '摔碎', '漏液', '漏了', '外包装破', '箱子破', '盒子破',
    '裂了', 'broken', 'cracked', 'crushed', 'smashed', 'leaking', 'leaked', 'damaged'] },
  { label: '发错货', words: ['发错', '寄错', '发成', '不是我买的', '不是我要的', '不是我拍的', 'wrong item', 'wrong size',
    'wrong color', 'wrong colour', 'sent the wrong', 'sent me the wrong', 'not what i ordered'] },
  { label: '少发漏发', words: ['少发', '漏发', '少了一件', '少一件', '少了一个', '缺件', '赠品没', '没收到赠品', '只收到一',
    'missing', 'only got one', 'only received one'] },
  { label: '质量问题', words: ['质量太差', '质量差', '质量不好', '质量有问题', '做工差', '做工很差', '坏掉',
    '瑕疵', '次品', '残次', 'poor quality', 'bad quality', 'defect', 'defective', 'stopped working', 'doesnt work',
    'does not work', 'not working'] },
  { label: '质量问题', afterSale: true, yieldsTo: ['damage'], words: ['不能用', '用不了', '开线', '起球了', '起球', '掉色', '褪色', '串色', '染色', '缩水', '变形', '异味',
    '味道很大', '味道大', '有味道', '坏了', '断了', '脱胶', '开胶', '拉链坏', '污渍', '破洞', '脱线', 'faded', 'fading',
    'pilling', 'smells', 'shrank', 'ripped', 'torn'] },
];

/** Words that name the pain when the intent has no finer word of its own (see INTENT_WORDS). */
export const WEAK_PAIN: PainWords[] = [
  { label: '服务态度', words: ['态度差', '态度很差', '态度太差', '态度真差', '态度好差', '态度极差', '态度也太差', '态度恶劣', '态度不好', '不理人', '没人理', '不回复', '回复太慢', '回复慢',
    '爱答不理', '敷衍', '什么态度', '服务态度', '态度特别差', '不回', '没人回', '骂人', '很凶', '凶我', '阴阳怪气', '太冲', '拉黑', 'rude', 'ignored', 'no reply', 'no response', 'slow reply'] },
  { label: '退款慢', words: ['退款还没', '退款没到', '退款怎么还', '还没退款', '没退款', '钱还没退', '钱没退', '还没到账',
    '没到账', 'refund not', 'no refund', 'still no refund', 'havent got my refund', 'where is my refund'] },
  { label: '发货慢', words: ['还没发货', '还没发', '还不发货', '怎么还不发', '不发货', '没发货', '发货慢', '发货太慢', '催发货', '催一下',
    '几天了还没发', 'not shipped', 'hasnt shipped', 'not dispatched', 'still not sent'] },
  { label: '物流慢', words: ['物流不动', '物流没动', '物流慢', '快递慢', '物流太慢', '快递太慢', '还没到', '怎么还没到', '还没收到',
    '没收到货', '签收了但', '显示签收', 'not arrived', 'hasnt arrived', 'still not here', 'not received'] },
  { label: '色差', words: ['色差', '颜色不一样', '颜色不对', '颜色差别', '实物颜色', 'color difference', 'colour difference',
    'different color', 'different colour'] },
  { label: '尺码不合适', afterSale: true, words: ['尺码不合适', '不合适', '大了', '小了', '偏大', '偏小', '太大', '太小', '不合身',
    '穿不上', '穿不下', '紧了', '松了', '码数不对', 'too small', 'too big', 'too tight', 'too loose', 'doesnt fit',
    'does not fit'] },
  { label: '价格', words: ['太贵', '好贵', '有点贵', '这么贵', '降价了', '补差价', '价保', '便宜点', '便宜一点', '少点',
    'too expensive', 'cheaper', 'price drop'] },
];

/** Questions asked before buying: while a buyer asks only these, afterSale words (会起球吗) are not a pain. */
export const PRE_SALE_INTENTS: ReadonlySet<IntentId> = new Set<IntentId>([
  'size', 'color', 'shipping', 'product_info', 'stock', 'discount', 'recommendation', 'payment', 'membership',
]);

/** Label when no word names the pain, most severe intent first. Missing intents (greeting …) hurt nothing. */
export const INTENT_PAIN: Array<[IntentId, string]> = [
  ['damage', '包裹破损'], ['wrong_item', '发错货'], ['quality', '质量问题'], ['complaint', '投诉'],
  ['refund', '退款问题'], ['return_exchange', '退换货'], ['tracking', '物流查询'], ['warranty', '保修'],
  ['invoice', '发票问题'], ['cancel_order', '取消订单'], ['address_change', '改地址'], ['payment', '付款问题'],
  ['shipping', '发货时效'], ['size', '尺码拿不准'], ['color', '颜色选择'], ['stock', '缺货'], ['discount', '价格'],
  ['product_info', '商品疑问'], ['membership', '会员权益'], ['recommendation', '选购建议'],
];

/** Finer labels within one intent, tried for the most severe intent seen; the first group found wins. */
export const INTENT_WORDS: Partial<Record<IntentId, PainWords[]>> = {
  // A pre-sale product question: 夏天穿热不热 is about breathability.
  product_info: [
    { label: '透气性', words: ['透气', '热不热', '闷不闷', '闷脚', '捂脚', '会热', '热吗', 'breathable', 'breathe', 'hot in summer'] },
    { label: '正品顾虑', words: ['正品', '真的假的', '假货', '是真的吗', '专柜', 'authentic', 'genuine', 'fake', 'original'] },
    { label: '会不会起球', words: ['起球', '掉毛', 'pill', 'pilling'] },
    { label: '材质', words: ['材质', '面料', '什么料', '成分', '纯棉', '含棉', 'material', 'fabric', 'cotton'] },
    { label: '厚薄', words: ['厚不厚', '薄不薄', '厚吗', '薄吗', '厚度', 'thick', 'thin'] },
  ],
  refund: [
    { label: '退款被拒', words: ['被拒', '拒绝', '驳回', 'rejected', 'declined'] },
    { label: '退款金额不对', words: ['金额不对', '少咗', '少退', '退少', '只退了', '金额怎么算', '扣了钱', '不一样', 'wrong amount', 'only refunded'] },
    { label: '仅退款', words: ['仅退款', '只退款', '不退货', '退点钱', '退一部分', '部分退款', 'without returning', 'partial refund'] },
    { label: '退款慢', words: ['什么时候', '多久', '还没', '没到', '没收到', '怎么还', '一直', '好慢', '太慢', '几天了', '一周了', '礼拜',
      '啥时候', '木有', '进度', '在哪', '到哪', '到了没', '到账了吗', '退款呢', '退了吗', '啥情况', '卡在', '等待',
      '尽快', '快点', '怎么样了', '天了', '没人处理', '没处理', 'when', 'how long', 'still', 'not received', 'where is'] },
  ],
  return_exchange: [
    { label: '尺码不合适', words: ['尺码', '换码', '码数', '大一码', '小一码', '大一号', '小一号', '大半码', '挤脚', '紧', '长了', '短了',
      '肥', '尺寸', '个码', '一码', '码子', 'size', 'tight', 'loose'] },
    { label: '不喜欢', words: ['不喜欢', '不好看', '不想要', '不值', 'dont like', 'dont want'] },
    { label: '退货运费', words: ['运费', '运费险', '邮费', 'shipping cost', 'return shipping'] },
  ],
  wrong_item: [
    { label: '少发漏发', words: ['赠品', '礼品', '礼物', '满赠', '说好的送', '只有一', '只收到', '只来了', '少了', '少一', '少寄', '缺', 'gift', 'missing', 'only one',
      'only got'] },
  ],
  tracking: [
    { label: '发货慢', words: ['还没发', '还不发', '没发货', '不发货', '没出货', '催发货', '催一下', '催下', 'not shipped', 'not dispatched', 'hasnt shipped',
      'still not sent'] },
    { label: '签收未收到', words: ['签收', '没收到', '没拿到', 'delivered but', 'didnt get', 'didnt receive', 'not received'] },
    { label: '物流慢', words: ['没动', '不动', '没更新', '没动静', '好几天', '天了', '还没到', '慢', '多久', '怎么还', 'hasnt moved',
      'not moving', 'not updated', 'still', 'so long'] },
  ],
  complaint: [
    { label: '快递员服务', words: ['快递员', '快递小哥', '送货的', '司机', '派件员', 'courier', 'delivery man', 'driver', 'delivery guy'] },
    { label: '服务态度', words: ['态度', '骂', '凶', '难听', '阴阳怪气', '说话冲', '太冲', '嫌我', 'rude', 'attitude', 'shouted'] },
    { label: '回复慢', words: ['回复', '回覆', '回个消息', '半天', '不回', '没人回', '没人理', '没消息', '死了吗', '已读', '不理', 'no reply',
      'nobody replies', 'no one answering', 'ignoring'] },
    { label: '承诺未兑现', words: ['承诺', '说好的', '答应', '不算数', '不算话', 'promised'] },
    { label: '售后处理', words: ['踢皮球', '推卸', '推来推去', '推责任', '拖了', '没解决', '效率', '不负责', '处理', 'excuses',
      'responsibility', 'passing the buck'] },
    { label: '虚假宣传', words: ['虚假宣传', '骗', '假的', '挂羊头', '诈骗', 'false advertising', 'fake', 'scam'] },
  ],
};
