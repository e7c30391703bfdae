/**
 * Masks personal data in chat text before it is logged or exported: phone numbers, street addresses (the city is
 * kept, for statistics), recipient names and e-mail addresses. Works on raw or normalised text; masking errs on
 * the side of hiding too much (a word glued to an address goes with it).
 */

const FULL_WIDTH_DIGIT = /[０-９＋]/g;
const PHONE_HK = /(?:\+|00)852[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g;
const PHONE_CN = /(?<!\d)((?:(?:\+|00)?86[\s-]?)?)(1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?!\d)/g;
const EMAIL = /[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g;

// A run of address characters (no spaces or punctuation) …
const RUN = /[\p{Script=Han}\dA-Za-z#\-－]+/gu;
// … is an address when it names a street-level place and a door-level number (文三路100号, 3栋502室).
const PLACE = /区|县|镇|乡|街道|路|街|巷|弄|村|小区|大厦|公寓|花园/;
const DOOR = /\d+\s*(?:号|栋|幢|座|单元|室|楼|层|弄)/;
// Where the kept part ends, best first: a city (杭州市), a prefecture (自治州, 盟), a province, a municipality name.
const CITY_ENDS = [/^.{0,14}?市/u, /^.{0,14}?(?:自治州|盟)/u, /^.{0,10}?(?:省|自治区|特别行政区)/u, /^.{0,6}?(?:北京|上海|天津|重庆)/u];
const DISTRICT = /(?:新区|区|县|旗)/;

const NAME = /(收件人|收货人|联系人|姓名|名字)(\s*[:：是为叫]?\s*)((?:(?!电话|手机|号码|地址|联系|收货)[\p{Script=Han}·]){2,3})/gu;

/** How much of an address run to keep: through the city, else the province, else what precedes the district. */
function keptPrefix(run: string): number {
  for (const re of CITY_ENDS) {
    const city = re.exec(run);
    if (city) return city[0].length;
  }
  const district = DISTRICT.exec(run);
  // 杭州西湖区: district names are mostly two characters, so the city is what comes before them.
  return district && district.index >= 4 ? district.index - 2 : 0;
}

function maskAddresses(text: string): string {
  return text.replace(RUN, (run) => {
    if (!PLACE.test(run) || !DOOR.test(run)) return run;
    const keep = keptPrefix(run);
    return `${run.slice(0, keep)}****`;
  });
}

/** Text with phones (138****5678), addresses (杭州市****), recipient names (张*) and e-mails (***@qq.com) masked. */
export function maskPii(text: string): string {
  let s = text.replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  s = s.replace(PHONE_HK, (_m, _a: string, b: string) => `+852 ****${b}`);
  s = s.replace(PHONE_CN, (_m, prefix: string, head: string, tail: string) => `${prefix}${head}****${tail}`);
  s = s.replace(EMAIL, (_m, domain: string) => `***@${domain}`);
  s = s.replace(NAME, (_m, key: string, sep: string, name: string) => `${key}${sep}${name.charAt(0)}${'*'.repeat(name.length - 1)}`);
  return maskAddresses(s);
}
