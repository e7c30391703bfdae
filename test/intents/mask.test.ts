import { describe, expect, it } from 'vitest';
import { maskPii } from '../../src/intents/mask.js';

describe('maskPii', () => {
  it('masks the middle four digits of mainland mobiles, however they are written', () => {
    expect(maskPii('我的电话13812345678')).toBe('我的电话138****5678');
    expect(maskPii('手机 138-1234-5678 谢谢')).toBe('手机 138****5678 谢谢');
    expect(maskPii('+86 138 1234 5678')).toBe('+86 138****5678');
    expect(maskPii('电话１３９１２３４５６７８')).toBe('电话139****5678');
  });

  it('masks Hong Kong numbers after +852', () => {
    expect(maskPii('+852 9123 4567')).toBe('+852 ****4567');
  });

  it('leaves order numbers alone', () => {
    expect(maskPii('订单号123456789012345678')).toBe('订单号123456789012345678');
  });

  it('keeps the city of a street address and masks the rest', () => {
    expect(maskPii('地址：浙江省杭州市西湖区文三路100号3单元502室')).toBe('地址：浙江省杭州市****');
    expect(maskPii('北京市朝阳区建国路88号5号楼1201')).toBe('北京市****');
    expect(maskPii('上海浦东新区世纪大道1号')).toBe('上海****');
    expect(maskPii('杭州西湖区文三路100号')).toBe('杭州****');
  });

  it('does not mask text that only mentions a place or a number', () => {
    expect(maskPii('偏远地区包邮吗 3号发货')).toBe('偏远地区包邮吗 3号发货');
    expect(maskPii('快递在路上 订单号123')).toBe('快递在路上 订单号123');
  });

  it('masks all but the surname of a recipient name', () => {
    expect(maskPii('收件人：张三，电话13912345678')).toBe('收件人：张*，电话139****5678');
    expect(maskPii('收货人李小明 地址广东省深圳市南山区科技园路1号')).toBe('收货人李** 地址广东省深圳市****');
    expect(maskPii('姓名是王芳')).toBe('姓名是王*');
  });

  it('masks the mailbox of an e-mail address', () => {
    expect(maskPii('邮箱abc.def@qq.com')).toBe('邮箱***@qq.com');
  });

  it('returns text without personal data unchanged, including empty text', () => {
    expect(maskPii('亲 什么时候发货😊')).toBe('亲 什么时候发货😊');
    expect(maskPii('')).toBe('');
  });
});
