/**
 * Words the segmenter must keep whole. Store terms come from Taobao/Tmall customer-service practice; chat words
 * are the everyday words buyers wrap their questions in. Written as space-separated lines to stay readable.
 */

const words = (block: string): string[] => block.split(/\s+/).filter((w) => w.length > 0);

/** Store vocabulary by topic: these must never be cut (运费险, 七天无理由, 仅退款 …). */
export const STORE_TERMS: readonly string[] = words(`
  尺码 尺寸 码数 码子 偏大 偏小 偏码 正码 标准码 均码 大码 小码 中码 加大 加肥 加大码 大一码 小一码 大一号 小一号
  身高 体重 腰围 胸围 臀围 肩宽 袖长 衣长 裤长 脚长 脚宽 脚背 宽松 修身 合身 显瘦 紧身 试穿 尺码表
  颜色 色差 黑色 白色 灰色 红色 蓝色 绿色 黄色 紫色 粉色 棕色 咖啡色 卡其色 卡其 藏青 藏青色 米白 米白色 米色
  杏色 驼色 酒红 酒红色 军绿 军绿色 浅蓝 深蓝 浅灰 深灰 花色 纯色 实物 实拍 图片 买家秀
  发货 发出 快递 物流 包邮 邮费 运费 运费险 顺丰 中通 圆通 韵达 申通 极兔 京东 邮政 百世 德邦 到付 偏远地区
  预售 现货 下单 拍下 付款 到货 签收 派送 配送 揽收 单号 快递单号 运单号 订单 订单号 物流信息 快递员 驿站
  发票 专票 普票 电子发票 纸质发票 增值税 抬头 税号 开票
  破损 压坏 划痕 瑕疵 污渍 开线 线头 起球 掉色 褪色 缩水 变形 异味 做工 面料 材质 质量 掉毛 起皱
  发错 少发 漏发 错发 少件 漏件 丢件
  退货 换货 退换 退换货 七天无理由 无理由 退回 寄回 退款 仅退款 退货退款 售后 原路返回 到账 退运费
  取消 拍错 改地址 收货地址 收件人 手机号 收货人
  优惠 优惠券 满减 折扣 打折 活动 红包 赠品 领券 降价 保价 差价 价保 双十一 双十二 聚划算 直播间 店铺券
  纯棉 全棉 涤纶 羊毛 羊绒 真丝 真皮 牛皮 雪纺 莫代尔 冰丝 棉麻
  有货 没货 缺货 补货 库存 断码
  支付 支付宝 微信 花呗 信用卡 分期 改价
  投诉 差评 中评 好评 骗子 举报 退一赔三 假货 正品 小二 介入
  人工 客服 人工客服 真人 机器人
  会员 积分 等级 会员卡
  保修 质保 维修 三包 换新 保修期
  推荐 搭配 送人 礼物
  衣服 裤子 裙子 连衣裙 半身裙 外套 上衣 t恤 衬衫 卫衣 毛衣 针织衫 羽绒服 大衣 风衣 夹克 西装 牛仔裤 短裤
  阔腿裤 打底裤 鞋 鞋子 运动鞋 帆布鞋 凉鞋 拖鞋 靴子 帽子 包包 袜子 内衣 睡衣
  亲 亲亲 掌柜 店家 宝贝 链接 详情页 淘宝 天猫 拼多多 旺旺
`);

/** Everyday chat words; without them a maximum-match over store terms alone cuts ordinary text into characters. */
export const CHAT_WORDS: readonly string[] = words(`
  你好 您好 谢谢 感谢 好的 好吧 可以 不可以 可不可以 能不能 有没有 是不是 会不会 要不要 什么 怎么 怎么样
  怎样 多少 多少钱 为什么 什么时候 哪里 哪个 哪些 哪儿 请问 麻烦 一下 知道 还是 或者 但是 因为 所以 如果
  已经 还没 没有 不是 不要 需要 想要 不想 现在 今天 明天 昨天 后天 前天 几天 三天 两天 一天 一周 多久 马上
  尽快 赶紧 快点 一直 怎么办 再见 拜拜 辛苦 收到 我们 你们 他们 自己 这个 那个 这件 那件 这款 那款 这双
  那双 一件 一个 两件 一次 一点 一样 一起 东西 问题 时候 平时 夏天 冬天 春天 秋天 天气 透气 保暖 舒服
  好看 喜欢 觉得 感觉 应该 可能 比较 特别 非常 真的 怎么回事 回复 回答 等等 一会 明白 清楚 确认 告诉 帮忙
  看看 还有 其他 别的 价格 价钱 速度 时间 生日 朋友 男朋友 女朋友 老公 老婆 宝宝 孩子 妈妈 爸爸 女儿 儿子
  小孩 老人 学生 上班 收货 写错 填错 没到 收不到 新疆 西藏 内蒙古 香港 台湾 海外 国外 便宜 态度 申请 修改
  地址 电话 老板 味道 颜值 包装 商品 产品 地区 偏远 保护 为啥 咋办 之前 以后 然后 而且 不过 还要 就是 多大
`);

/**
 * Words the general dictionary holds but that cut store questions wrongly: 开发票 hides 发票 (可以开发票吗
 * must give 开/发票). Handed to jieba with a near-zero frequency so it prefers the split.
 */
export const SPLIT_WORDS: readonly string[] = words(`开发票 开发 发吗 邮吗 码吗 货吗`);
