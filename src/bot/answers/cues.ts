/**
 * Words that pick the right part of an answer inside one intent (a colour-difference question inside `color`,
 * a special-invoice question inside `invoice`). Run on normalised text: simplified Chinese, lower-case English.
 */

export const CUES = {
  /** 色差 and "does it look like the photo". */
  colourDifference: /色差|实物|图片|照片|一样吗|一致|偏色|colou?r difference|look the same|true to (the )?(photo|picture)|like the (photo|picture)/,
  /** Which colour flatters (显白). */
  flattering: /显白|显黑|显气色|哪个颜色好看|哪个色好看|which colou?r looks|flattering/,
  /** VAT special invoice. */
  vatInvoice: /专票|专用发票|增值税|vat|special invoice/,
  /** Paper invoice. */
  paperInvoice: /纸质|paper/,
  /** Wrong invoice title, re-issue. */
  reissue: /写错|开错|重开|重新开|补开|换开|wrong|reissue|re-issue/,
  /** Bargaining. */
  bargain: /便宜|最低|少点|抹零|优惠点|打个折|cheaper|discount me|best price|lower (the )?price/,
  /** Price protection. */
  priceProtect: /价保|降价|补差价|保价|price (protection|drop)|price went down/,
  /** Sale events. */
  event: /双十一|双11|618|双十二|双12|活动|大促|sale|event|black friday/,
  /** Refund disputes: these need a person to decide money. */
  refundDispute: /被拒|拒绝|不给退|不同意|不退|金额不对|少退|退少了|扣了|没退全|refused|rejected|declined|wrong amount|less than|short/,
  /** Refund without return. */
  refundOnly: /仅退款|不退货|refund only|without return/,
  /** Parcel shows delivered but the buyer has not got it. */
  notReceived: /签收.*没收到|没收到.*签收|显示.*签收|delivered but|says delivered|not received|haven'?t received|didn'?t receive/,
  /** Exchange rather than return. */
  exchange: /换|exchange|swap/,
  /** Return shipping insurance. */
  insurance: /运费险|insurance/,
  /** Return address. */
  returnAddress: /地址|寄到哪|寄回哪|address|where.*send/,
  /** Gift shopping. */
  gift: /送|礼物|gift|present/,
  /** Matching outfits. */
  pairing: /搭配|配什么|怎么配|match|pair|go with|goes with/,
  /** Presale. */
  presale: /预售|presale|pre-sale|pre-order|preorder/,
  /** Restock. */
  restock: /补货|到货|restock|back in stock/,
  /** Failed payment. */
  payFailed: /失败|付不了|付不上|不成功|没显示|failed|declined|didn'?t go through|not showing/,
  /** Instalments and credit. */
  installments: /分期|花呗|信用卡|installment|instalment|credit|huabei/,
  /** Deposit. */
  deposit: /定金|订金|deposit/,
  /** Cash on delivery. */
  cod: /货到付款|到付|cash on delivery|cod/,
  /** Points. */
  points: /积分|points/,
  /** Member day. */
  memberDay: /会员日|member day/,
  /** Shipping cost and free shipping. */
  freeShipping: /包邮|运费|邮费|free shipping|shipping (cost|fee)|postage/,
  /** Overseas. */
  overseas: /海外|国外|美国|英国|日本|韩国|澳洲|加拿大|新加坡|overseas|abroad|international|usa|america|uk|japan|korea|australia|canada|singapore/,
  /** Runs big or small. */
  fit: /偏大|偏小|正码|标准码|宽松|修身|run(s)? (big|small|large)|true to size|fit/,
  /** The size chart itself. */
  chart: /尺码表|尺寸表|尺码对照|size chart|size guide|measurements/,
} as const;

/** True when the cue's words appear in the text. */
export function cue(name: keyof typeof CUES, text: string): boolean {
  return CUES[name].test(text);
}

/** Topic keys of product_info (keys of a product's `info` in data/store.json) and the words that ask for them. */
export const INFO_TOPICS: [string, RegExp][] = [
  ['material', /材质|面料|成分|什么料|布料|纯棉|棉的|material|fabric|made of|cotton/],
  ['thickness', /厚|薄|冬天|保暖|thick|thin|warm/],
  ['breathable', /透气|闷|热不热|夏天|凉快|breath|hot|summer|sweat/],
  ['care', /洗|打理|熨|掉色|wash|care|iron|clean/],
  ['pilling', /起球|起毛|pill/],
  ['stretch', /弹力|弹性|有弹|紧|stretch|elastic/],
  ['occasion', /场合|上班|通勤|约会|适合|occasion|work|office|date|wear it to/],
  ['authentic', /正品|真的|假货|原装|authentic|genuine|real|fake/],
];
